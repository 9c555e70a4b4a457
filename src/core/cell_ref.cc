#include "core/cell_ref.h"

namespace pes {

bool parse_cell_ref(std::string_view ref, std::uint32_t& row, std::uint32_t& col) {
  constexpr std::uint32_t kMaxColumn = 16384;
  constexpr std::uint32_t kMaxRow = 1048576;
  std::size_t i = 0;
  row = col = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  const std::size_t first = i;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && col <= kMaxColumn) {
    col = col * 26 + static_cast<std::uint32_t>(ref[i++] - 'A' + 1);
  }
  const bool letters = i > first;
  if (i < ref.size() && ref[i] == '$') ++i;
  const std::size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && row <= kMaxRow) {
    row = row * 10 + static_cast<std::uint32_t>(ref[i++] - '0');
  }
  return i == ref.size() && letters && i > digits && col >= 1 && col <= kMaxColumn && row >= 1 &&
         row <= kMaxRow;
}

std::string column_letters(std::uint32_t col) {
  std::string s;
  while (col > 0) {
    const std::uint32_t d = (col - 1) % 26;
    s.insert(s.begin(), static_cast<char>('A' + d));
    col = (col - 1) / 26;
  }
  return s;
}

bool parse_cell_range(std::string_view ref, CellRange& out) {
  const std::size_t colon = ref.find(':');
  return colon != std::string_view::npos &&
         parse_cell_ref(ref.substr(0, colon), out.top, out.left) &&
         parse_cell_ref(ref.substr(colon + 1), out.bottom, out.right);
}

}  // namespace pes
