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
#include "read/undecodable.h"

namespace pes {

// Tab-separated text in the printed table layout: UTF-8 or GBK, as --encoding says or as
// detected, or UTF-16 with its byte-order mark (what Excel's "Unicode Text" writes).
void read_layout_text(Readers& readers, const Source& source, Document& doc) {
  doc.clear();
  doc.format = Format::Tsv;
  const std::string_view bytes = source.text();
  DecodedText decoded = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")
                            ? decode_utf16(bytes)
                            : decode_text(bytes, readers.encoding());
  if (!decoded.ok) {
    fail_undecodable(source, decoded, readers.encoding(), doc);
    return;
  }
  std::uint64_t base = 0;
  const std::string_view text = doc.take_text(source, decoded, base);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    doc.fail(0, "the file is empty: expected the printed table, one row a line, cells "
                "separated by tabs",
             "文件为空：应为打印表格，每行一行，单元格以制表符分隔");
    return;
  }
  if (text[first] == '{' || text[first] == '[') {
    doc.fail(base + first, "this looks like JSON, not the printed table: name the file .json",
             "内容像是 JSON，而不是打印表格：请将文件扩展名改为 .json");
    return;
  }
  read_layout({read_tsv_grid(text, base)}, doc, 0, readers.templates());
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
