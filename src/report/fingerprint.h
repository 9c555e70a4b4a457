// A finding's fingerprint for CI systems that track findings across runs (SARIF's
// partialFingerprints, GitLab's fingerprint): a hash of what stays when lines move.
#pragma once

#include <cstdint>
#include <string_view>

namespace pes {

/// FNV-1a, 64 bits.
inline std::uint64_t fnv1a(std::string_view text, std::uint64_t h = 0xcbf29ce484222325ull) {
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace pes
