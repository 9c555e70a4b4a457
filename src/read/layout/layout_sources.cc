// The printed table layout from its two sources: tab-separated text and Excel workbooks.
#include <string>
#include <vector>

#include "core/dl_zip.h"
#include "pes/grid.h"
#include "pes/readers.h"
#include "pes/text.h"
#include "pes/xlsx_grid.h"
#include "read/csv/csv_forms.h"
#include "read/layout/layout_reader.h"

namespace pes {

// Tab-separated text in the printed table layout.
void read_layout_text(Readers& readers, const Source& source, Document& doc) {
  doc.clear();
  doc.format = Format::Tsv;
  if (const std::size_t at = first_invalid_utf8(source.text()); at != source.text().size()) {
    doc.fail(at, "not UTF-8 text: save the file as UTF-8",
                "不是 UTF-8 编码的文本：请以 UTF-8 编码保存");
    return;
  }
  read_layout({read_tsv_grid(source.text())}, doc, 0, readers.templates());
}

// An Excel workbook in the printed table layout.
void read_layout_xlsx(Readers& readers, const Source& source, Document& doc) {
  doc.clear();
  doc.format = Format::Xlsx;
  std::vector<Grid> grids;
  std::string en;
  std::string zh;
  std::vector<CellPlace> places;
  if (const Libzip& zip = libzip(); !zip.ok()) {
    doc.unreadable = zip.error();
    return;
  }
  if (!read_xlsx_grids(source.text(), grids, places, en, zh)) {
    doc.fail(0, std::move(en), std::move(zh));
    return;
  }
  doc.places = std::move(places);
  // XML text is not checked for UTF-8 by the parser; a form must never carry bytes that pes
  // could not write back out.
  for (const Grid& grid : grids) {
    for (const GridRow& row : grid.rows) {
      for (const GridCell& cell : row.cells) {
        if (first_invalid_utf8(cell.text) != cell.text.size()) {
          doc.fail(cell.offset, "the workbook's text is not valid UTF-8",
                      "工作簿中的文本不是有效的 UTF-8");
          return;
        }
      }
    }
  }
  // A CSV opened in a spreadsheet and saved as a workbook: a table of forms, not the layout.
  if (read_csv_sheet(grids, doc)) return;
  read_layout(grids, doc, 0, readers.templates());
}

}  // namespace pes
