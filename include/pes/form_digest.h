// The digest of a form, to find the same form filed twice (in a year's JSON files and again in
// a CSV export): every value the field table lists, as read, wherever it stood.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "pes/form.h"

namespace pes {

/// 128 bits of XXH3: two different forms share a digest with a chance of about 2⁻¹²⁸ per pair,
/// so a year's million filings are told apart without keeping their values.
struct FormDigest {
  std::uint64_t low = 0;
  std::uint64_t high = 0;

  friend bool operator==(const FormDigest&, const FormDigest&) = default;
};

/// Hashes the digest's low half (already uniform) for unordered containers.
struct FormDigestHash {
  std::size_t operator()(const FormDigest& d) const { return static_cast<std::size_t>(d.low); }
};

/// Computes digests, keeping one buffer for the values of a form between calls.
class FormDigester {
 public:
  /// The digest of `form`. Numbers count by value (19.8 and 19.80 are one), a text as
  /// written, a value that could not be read by its raw text's absence; its number in its
  /// file does not count. Two forms that differ in any value differ in the digest.
  FormDigest operator()(const Form& form);

 private:
  std::string bytes_;  // the form's values, each with its length, hashed at once
};

}  // namespace pes
