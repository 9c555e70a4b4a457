// Marks cells of an .xlsx workbook: fills each with a colour and gives it a comment, changing
// nothing else. New cell formats are cloned from each cell's own (so number formats, fonts and
// borders stay), and the comments go into a comments part with its VML drawing, as Excel and
// LibreOffice read them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pes/finding.h"

namespace pes {

struct CellMark {
  std::string sheet;         ///< the sheet's name, as the workbook names it
  std::uint32_t row = 0;     ///< from 1
  std::uint32_t column = 0;  ///< from 1
  Severity severity = Severity::Error;
  std::string text;  ///< the comment
};

/// Writes into `out` the workbook in `bytes` with every mark applied. Marks on one cell are
/// joined (the most severe colour, the texts one below the other); a mark inside a merged range
/// goes to the range's first cell. False with `error` set when the workbook cannot be read or
/// a mark names a sheet it does not have.
bool annotate_workbook(std::string_view bytes, const std::vector<CellMark>& marks, std::string& out,
                       std::string& error);

/// "C5" for row 5, column 3.
std::string cell_name(std::uint32_t row, std::uint32_t column);

}  // namespace pes
