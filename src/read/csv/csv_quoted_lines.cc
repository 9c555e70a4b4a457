// The line ends inside quoted cells: a CSV's rows as a spreadsheet counts them are its lines
// less these.
#include "csv_table.h"

namespace pes {

void find_quoted_line_ends(std::string_view text, std::uint64_t base,
                           std::vector<std::uint64_t>& out) {
  out.clear();
  // In well-formed CSV every quote opens or closes a quoted cell (a doubled quote inside one
  // closes and opens it again), so the text between a quote and the next is inside a cell.
  std::size_t open = text.find('"');
  while (open != std::string_view::npos) {
    const std::size_t close = text.find('"', open + 1);
    const std::size_t end = close == std::string_view::npos ? text.size() : close;
    for (std::size_t i = open + 1; i < end; ++i) {
      if (text[i] != '\r' && text[i] != '\n') continue;
      out.push_back(base + i);
      if (text[i] == '\r' && i + 1 < end && text[i + 1] == '\n') ++i;
    }
    if (close == std::string_view::npos) break;
    open = text.find('"', close + 1);
  }
}

}  // namespace pes
