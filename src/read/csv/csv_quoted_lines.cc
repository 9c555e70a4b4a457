// The line ends inside quoted cells: a CSV's rows as a spreadsheet counts them are its lines
// less these.
#include <algorithm>
#include <cstring>

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
    // Most cells hold no line end: the next CR and LF in the cell, each by memchr.
    const char* const stop = text.data() + end;
    const auto next = [stop](const char* from, char c) {
      const void* p = std::memchr(from, c, static_cast<std::size_t>(stop - from));
      return p != nullptr ? static_cast<const char*>(p) : stop;
    };
    const char* cr = next(text.data() + open + 1, '\r');
    const char* lf = next(text.data() + open + 1, '\n');
    while (cr != stop || lf != stop) {
      const char* at = std::min(cr, lf);
      out.push_back(base + static_cast<std::uint64_t>(at - text.data()));
      const char* from =
          at + (at == cr && lf != stop && lf == cr + 1 ? 2 : 1);  // a CR LF is one line end
      if (cr < from) cr = next(from, '\r');
      if (lf < from) lf = next(from, '\n');
    }
    if (close == std::string_view::npos) break;
    open = text.find('"', close + 1);
  }
}

}  // namespace pes
