// A CSV saved as a workbook: its first sheet, read as the table it was.
#include <algorithm>

#include "csv_forms.h"

namespace pes {

bool read_csv_sheet(const std::vector<Grid>& grids, Document& doc) {
  if (grids.empty()) return false;
  const Grid& sheet = grids.front();
  CsvTable table;
  for (const GridRow& row : sheet.rows) {
    CsvRow out;
    out.offset = row.offset;
    for (const GridCell& cell : row.cells)
      out.cells.push_back({cell.text, cell.offset, cell.error});
    // Cells the sheet does not hold before the first it does: placed at the row's start.
    for (CsvCell& cell : out.cells) {
      if (cell.offset == 0) cell.offset = row.offset;
    }
    table.rows.push_back(std::move(out));
  }
  const auto head = std::find_if(table.rows.begin(), table.rows.end(),
                                 [](const CsvRow& r) { return !r.blank(); });
  if (head == table.rows.end() || !is_csv_header(*head)) return false;
  read_csv_table(table, TableLines{nullptr, &doc.places}, doc);
  return true;
}

}  // namespace pes
