// Compares two grids cell for cell (texts white space aside; blank rows and empty cells at a
// row's end aside), for the tests of the grid readers.
#pragma once

#include <string>
#include <vector>

#include "form_compare.h"
#include "pes/grid.h"

namespace pes::test {

/// The rows of a grid that hold text, each cell squeezed, empty cells at the end dropped.
inline std::vector<std::vector<std::string>> grid_texts(const Grid& grid) {
  std::vector<std::vector<std::string>> out;
  for (const GridRow& row : grid.rows) {
    if (row.blank()) continue;
    std::vector<std::string> cells;
    for (const GridCell& c : row.cells) cells.push_back(squeeze(c.text));
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    out.push_back(std::move(cells));
  }
  return out;
}

/// Where `got` differs from `want`, one line each (none when equal).
inline std::vector<std::string> grid_differences(const Grid& got, const Grid& want) {
  const auto a = grid_texts(got);
  const auto b = grid_texts(want);
  std::vector<std::string> out;
  if (a.size() != b.size()) {
    out.push_back("rows: read " + std::to_string(a.size()) + ", want " + std::to_string(b.size()));
  }
  for (std::size_t r = 0; r < a.size() && r < b.size(); ++r) {
    if (a[r] == b[r]) continue;
    auto join = [](const std::vector<std::string>& cells) {
      std::string s;
      for (const std::string& c : cells) s += "|" + c;
      return s;
    };
    out.push_back("row " + std::to_string(r + 1) + ": read " + join(a[r]) + ", want " + join(b[r]));
  }
  return out;
}

}  // namespace pes::test
