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
    table.rows.push_back(std::move(out));
  }
  const auto head = std::find_if(table.rows.begin(), table.rows.end(),
                                 [](const CsvRow& r) { return !r.blank(); });
  if (head == table.rows.end() || !is_csv_header(*head)) return false;
  // Cells the sheet does not hold, up to the header's width: a place each, so that a finding
  // about a blank cell (an empty reason) names that cell.
  const std::size_t width = head->cells.size();
  for (CsvRow& row : table.rows) {
    if (row.offset == 0) continue;
    if (row.cells.size() < width) row.cells.resize(width);
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (row.cells[c].offset == 0) {
        row.cells[c].offset = place_in_row(doc, row.offset, static_cast<std::uint32_t>(c + 1));
      }
    }
  }
  read_csv_table(table, TableLines{nullptr, &doc.places}, doc);
  return true;
}

}  // namespace pes
