// Where a cell of a grid stands, blank or not: for a finding about a value a person must fill in.
#pragma once

#include <cstddef>
#include <cstdint>

#include "pes/document.h"
#include "pes/grid.h"

namespace pes {

/// The offset of cell `col` (from 0) of `row`: the cell's own; in a workbook, a place made
/// for a cell its sheet does not hold (a blank cell); else the row's.
std::uint64_t grid_cell_offset(Document& doc, const GridRow& row, std::size_t col);

}  // namespace pes
