// Spreadsheet cell references (A1 notation): "C5" is row 5, column 3, both from 1.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pes {

/// Reads `ref` ("C5", "$C5"); false when it is no cell reference inside Excel's grid.
bool parse_cell_ref(std::string_view ref, std::uint32_t& row, std::uint32_t& col);

/// The letters of column `col` (1 → "A", 27 → "AA").
std::string column_letters(std::uint32_t col);

}  // namespace pes
