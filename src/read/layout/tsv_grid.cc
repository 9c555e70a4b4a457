#include "pes/grid.h"
#include "pes/text_encoding.h"
#include "pes/source.h"

namespace pes {

Grid read_tsv_grid(std::string_view text, std::uint64_t base) {
  Grid grid;
  std::size_t pos = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  while (pos < text.size()) {
    // LF, CR LF and a bare CR each end a row.
    const std::size_t stop = find_line_end(text, pos);
    GridRow row;
    row.offset = base + pos;
    const std::string_view line = text.substr(0, stop);  // tabs are looked for in this row only
    std::size_t start = pos;
    while (true) {
      std::size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) tab = stop;
      row.cells.push_back({std::string(text.substr(start, tab - start)), base + start});
      if (tab == stop) break;
      start = tab + 1;
    }
    grid.rows.push_back(std::move(row));
    pos = stop == text.size() ? stop : skip_line_end(text, stop);
  }
  return grid;
}

}  // namespace pes
