// Reads the grid of a Word document (.docx): every table (w:tbl, nested ones too), cells spread
// over the columns they span (w:gridSpan) and down the rows they are merged over (w:vMerge), and
// the paragraphs between the tables as one-cell rows, all in document order. libzip opens the
// container, pugixml reads the XML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pes/document.h"
#include "pes/grid.h"

namespace pes {

/// Reads the document in `bytes` into one grid. Each cell's offset is n ≥ 1, naming
/// `places[n - 1]`: "表2!R3C4" (table 2, row 3, grid column 4) or "段落5" (the fifth paragraph
/// outside the tables). A cell's text joins its paragraphs with line breaks (w:br too; w:tab is a
/// space). On a broken file returns false and sets the message.
bool read_docx_grid(std::string_view bytes, Grid& grid, std::vector<CellPlace>& places,
                    std::string& error_en, std::string& error_zh);

}  // namespace pes
