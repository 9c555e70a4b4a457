// The frame of the HTML report: the head (a Content Security Policy that allows no network
// request and no script, the inline style sheet for screens, phones and A4 print) and the end.
#pragma once

#include <string>

namespace pes {

/// Appends everything up to and including <body>.
void open_page(std::string& page, bool chinese);
/// Appends the footer and closes the document.
void close_page(std::string& page, bool chinese);

}  // namespace pes
