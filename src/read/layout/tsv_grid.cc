#include "pes/grid.h"
#include "pes/text_encoding.h"

namespace pes {

Grid read_tsv_grid(std::string_view text) {
  Grid grid;
  std::size_t pos = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::size_t stop = end;
    if (stop > pos && text[stop - 1] == '\r') --stop;
    GridRow row;
    row.offset = pos;
    std::size_t start = pos;
    while (true) {
      std::size_t tab = text.find('\t', start);
      if (tab == std::string_view::npos || tab > stop) tab = stop;
      row.cells.push_back({std::string(text.substr(start, tab - start)), start});
      if (tab == stop) break;
      start = tab + 1;
    }
    grid.rows.push_back(std::move(row));
    pos = end + 1;
  }
  return grid;
}

}  // namespace pes
