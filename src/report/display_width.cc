#include "display_width.h"

#include <algorithm>
#include <cstdint>

namespace pes {
namespace {

// East Asian Width W and F (Unicode TR 11), the ranges that occur in forms.
bool is_wide(std::uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t widest = 0;
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::uint32_t c = b;
    std::size_t len = 1;
    if (b >= 0xF0) {
      c = b & 0x07u, len = 4;
    } else if (b >= 0xE0) {
      c = b & 0x0Fu, len = 3;
    } else if (b >= 0xC0) {
      c = b & 0x1Fu, len = 2;
    }
    for (std::size_t k = 1; k < len && i + k < text.size(); ++k) {
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    i += len;
    if (c == '\n') {
      widest = std::max(widest, width);
      width = 0;
    } else if (c >= 0x20) {
      width += is_wide(c) ? 2 : 1;
    }
  }
  return std::max(widest, width);
}

}  // namespace pes
