// A grid of cells: what the layout reader reads forms from. Its sources are tab-separated text
// (read_tsv_grid below) and Excel workbooks (xlsx_grid.h); merged cells are already spread out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pes {

struct GridCell {
  std::string text;
  std::uint64_t offset = 0;  ///< where the cell stands: a byte offset, or a place (xlsx)
  /// A merged range spread out: this cell repeats the one on its left (same range). Readers
  /// skip such copies; copies downward (a level 1 merged over its rows) are kept.
  bool copy_left = false;
  bool error = false;  ///< a workbook's error cell (t="e"): `text` is the error value it shows
};

struct GridRow {
  std::vector<GridCell> cells;
  std::uint64_t offset = 0;  ///< where the row starts
  bool blank() const {
    for (const GridCell& c : cells) {
      if (c.text.find_first_not_of(" \t\r\n") != std::string::npos) return false;
    }
    return true;
  }
};

struct Grid {
  std::string name;  ///< the sheet's name ("" for text)
  std::vector<GridRow> rows;
};

/// Splits tab-separated text into a grid: one row a line (ended by LF, CR LF or CR), one cell
/// a tab-separated field.
/// A cell in quotes, as a spreadsheet saves one that holds a tab, a line break or a quote (a
/// quote in it doubled), is one cell, line breaks and all; a quote that starts a cell whose
/// closing quote is not followed by a tab or a line end is text.
/// Each cell's offset is `base` plus its byte offset in `text` (a UTF-8 byte order mark is
/// skipped).
Grid read_tsv_grid(std::string_view text, std::uint64_t base = 0);

}  // namespace pes
