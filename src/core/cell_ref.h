// Spreadsheet cell references (A1 notation): "C5" is row 5, column 3, both from 1.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pes {

/// Reads `ref` ("C5", "$C5"); false when it is no cell reference inside Excel's grid.
bool parse_cell_ref(std::string_view ref, std::uint32_t& row, std::uint32_t& col);

/// A rectangle of cells ("B2:D4"), corners included.
struct CellRange {
  std::uint32_t top = 0, left = 0, bottom = 0, right = 0;
  bool contains(std::uint32_t row, std::uint32_t col) const {
    return row >= top && row <= bottom && col >= left && col <= right;
  }
};

/// Reads a range `ref` ("B2:D4", as a merged cell's ref attribute gives it); false when it is
/// not two cell references joined by a colon.
bool parse_cell_range(std::string_view ref, CellRange& out);

/// The letters of column `col` (1 → "A", 27 → "AA").
std::string column_letters(std::uint32_t col);

}  // namespace pes
