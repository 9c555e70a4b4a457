#include "read/grid_place.h"

namespace pes {

std::uint64_t grid_cell_offset(Document& doc, const GridRow& row, std::size_t col) {
  if (col < row.cells.size() && row.cells[col].offset != 0) return row.cells[col].offset;
  if (doc.format == Format::Xlsx && !doc.places.empty()) {
    return place_in_row(doc, row.offset, static_cast<std::uint32_t>(col + 1));
  }
  return row.offset;
}

}  // namespace pes
