// Reads forms from a table already split into rows of cells: a CSV file's (csv_reader.cc), or a
// workbook sheet's whose first row names the CSV columns (a CSV opened and saved as .xlsx).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "csv_table.h"
#include "pes/document.h"
#include "pes/grid.h"
#include "pes/source.h"

namespace pes {

/// Where a table's cells stand, for messages: the lines of a text, or the rows of a sheet.
struct TableLines {
  const Source* text = nullptr;                    ///< a CSV: offsets are bytes of this text
  const std::vector<CellPlace>* places = nullptr;  ///< a sheet: offset n names places[n - 1]

  std::uint32_t line(std::uint64_t offset) const;
  /// "line" for a text, "row" for a sheet (行 in Chinese either way).
  std::string_view word() const { return places != nullptr ? "row" : "line"; }
};

/// True when every non-blank cell of `row` names a CSV column and they name at least two: the
/// header of a table of forms.
bool is_csv_header(const CsvRow& row);

/// Reads the forms of `table` into `doc`: its first row that is not blank is the header, each
/// later row an indicator. A header or a row that cannot be read gives one parse error and no
/// forms. Rows of a sheet may be shorter than the header (trailing blank cells).
void read_csv_table(CsvTable& table, const TableLines& lines, Document& doc);

/// Reads a workbook's first sheet as a table of forms when its first row is a CSV header (a CSV
/// opened in a spreadsheet and saved as .xlsx): true when it did; `doc.places` names the cells.
/// Error cells (t="e") are spreadsheet errors whatever value they show.
bool read_csv_sheet(const std::vector<Grid>& grids, Document& doc);

}  // namespace pes
