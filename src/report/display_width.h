// How wide a text shows in a fixed-width grid (a spreadsheet column): East Asian wide and
// full-width characters count 2, others 1.
#pragma once

#include <cstddef>
#include <string_view>

namespace pes {

/// The width of UTF-8 text in columns; a line break starts a new line (the widest counts).
std::size_t display_width(std::string_view text);

}  // namespace pes
