#include "pes/grid.h"
#include "pes/source.h"
#include "pes/text_encoding.h"

namespace pes {
namespace {

// A cell as a spreadsheet writes one that holds a tab, a line break or a quote: in quotes, a
// quote in it doubled. True, with the text and `after` (the tab or line end that follows the
// closing quote), when text[start] opens such a cell; else the cell is read as it stands (a
// quote that starts a cell of a table extracted from a PDF, such as "十四五"规划).
bool quoted_cell(std::string_view text, std::size_t start, std::string& out, std::size_t& after) {
  if (text[start] != '"') return false;
  out.clear();
  for (std::size_t i = start + 1;;) {
    const std::size_t quote = text.find('"', i);
    if (quote == std::string_view::npos) return false;
    out.append(text.substr(i, quote - i));
    if (quote + 1 < text.size() && text[quote + 1] == '"') {  // a doubled quote
      out += '"';
      i = quote + 2;
      continue;
    }
    after = quote + 1;
    return after == text.size() || text[after] == '\t' || text[after] == '\r' ||
           text[after] == '\n';
  }
}

}  // namespace

Grid read_tsv_grid(std::string_view text, std::uint64_t base) {
  Grid grid;
  std::size_t pos = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  std::string quoted;
  while (pos < text.size()) {
    // LF, CR LF and a bare CR each end a row, outside a quoted cell.
    GridRow row;
    row.offset = base + pos;
    std::size_t start = pos;
    std::size_t end = pos;                          // the tab or line end after the cell
    std::size_t stop = find_line_end(text, start);  // the line's end, found once a line
    while (true) {
      if (quoted_cell(text, start, quoted, end)) {
        row.cells.push_back({quoted, base + start});
        if (end > stop) stop = find_line_end(text, end);  // the cell ran over line ends
      } else {
        end = std::min(text.substr(0, stop).find('\t', start), stop);  // in this line only
        row.cells.push_back({std::string(text.substr(start, end - start)), base + start});
      }
      if (end == text.size() || text[end] != '\t') break;
      start = end + 1;
    }
    grid.rows.push_back(std::move(row));
    pos = end == text.size() ? end : skip_line_end(text, end);
  }
  return grid;
}

}  // namespace pes
