// Reads the grid of a saved web page (.html, .htm) with gumbo, an HTML5 parser: every table
// (nested ones too), cells spread over the columns and rows they span (colspan, rowspan), <br>
// and block elements inside a cell as line breaks, white space collapsed as a browser shows it,
// and the text outside the tables as one-cell rows, all in document order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pes/grid.h"

namespace pes {

/// The largest page read: a saved form page is far smaller.
inline constexpr std::size_t kMaxHtmlBytes = 16u << 20;

/// Reads the page in `text` (UTF-8) into one grid. Each cell's offset is its byte offset in
/// `text` plus `base`. On a page nested too deeply to be a form (or too large), returns false
/// and sets the message.
bool read_html_grid(std::string_view text, std::uint64_t base, Grid& grid, std::string& error_en,
                    std::string& error_zh);

}  // namespace pes
