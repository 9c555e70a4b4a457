// The layout reader of templates read by column (TemplateReader::Columns): each block found by
// its labels, the funds block and the indicator table read cell by cell under their headers,
// matched by text in any order. A blank cell stays a blank cell of its column.
#pragma once

#include <cstddef>

#include "pes/document.h"
#include "pes/grid.h"
#include "read/layout/template_profile.h"

namespace pes::layout {

/// Reads the forms in rows [begin, end) of a grid with `profile` into the document.
void read_columns(const Grid& grid, std::size_t begin, std::size_t end,
                  const TemplateProfile& profile, Document& doc);

}  // namespace pes::layout
