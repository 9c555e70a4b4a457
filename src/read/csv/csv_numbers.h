// Numbers as spreadsheets write them into a CSV when saved in a Chinese locale: "1,234.50" in
// quotes, 98.48%, '98.48 (an apostrophe that marks text), full-width or non-breaking spaces
// around them. The CSV reader makes them plain before the shared number reader sees them, and
// says so (normalized-value).
#pragma once

#include <string>
#include <string_view>

#include "pes/finding.h"

namespace pes {

/// Makes the number cell `cell` plain: drops a leading apostrophe, a trailing percent sign
/// (% or ％), thousands separators that group by three, and full-width or non-breaking spaces
/// at its ends (`year`: the apostrophe and spaces only). Returns true and sets `out` and `how`
/// (what was dropped, "a percent sign and thousands separators") when something was dropped
/// and a number is left; else false, and the cell is read, and reported, as written.
bool normalize_csv_number(std::string_view cell, bool year, std::string& out, Message& how);

}  // namespace pes
