// Reads the grids of an Excel workbook (.xlsx): every sheet, shared and inline strings, numbers
// kept as the exact text the file stores, merged cells spread out. libzip opens the container,
// pugixml reads the XML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pes/document.h"
#include "pes/grid.h"

namespace pes {

/// Reads every sheet of the workbook in `bytes` into `grids`. Each cell's offset is n ≥ 1, naming
/// `places[n - 1]` ("Sheet1!C5"). On a broken file returns false and sets the message.
bool read_xlsx_grids(std::string_view bytes, std::vector<Grid>& grids,
                     std::vector<CellPlace>& places, std::string& error_en, std::string& error_zh);

}  // namespace pes
