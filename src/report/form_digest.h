// Two fingerprints of a form, to find the same form filed twice (in a year's JSON files and
// again in a CSV export): whose it is (项目名称, 年度, 实施单位) and what it says (every value
// the field table lists, as read, wherever it stood).
#pragma once

#include <cstddef>
#include <cstdint>

#include "pes/form.h"

namespace pes {

struct FormDigest {
  std::uint64_t identity = 0;  ///< of 项目名称, 年度 and 实施单位
  std::uint64_t content = 0;   ///< of every value of the form but its number in its file

  friend bool operator==(const FormDigest&, const FormDigest&) = default;
};

/// The digest of `form`. Numbers count by value (19.8 and 19.80 are one), a text as written,
/// a value that could not be read by its raw text's absence: two forms that differ in any
/// value differ in `content`.
FormDigest form_digest(const Form& form);

}  // namespace pes
