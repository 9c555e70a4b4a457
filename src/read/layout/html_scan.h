// Quick looks at an HTML page's bytes before it is parsed: the charset it declares, and how
// deeply its elements nest (gumbo, the HTML parser, slows down quadratically with depth).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pes::layout {

/// The charset the page declares in its first 4 KiB (<meta charset="gbk">, or <meta
/// http-equiv="Content-Type" content="text/html; charset=gb2312">), lower case; "" if none.
std::string html_declared_charset(std::string_view bytes);

/// How deeply the page's elements nest, estimated from its tags alone the way an HTML parser
/// would open and close them (void elements, implied ends of p, li, td and tr, elements closed
/// by an ancestor's end tag, formatting elements an HTML parser reopens). Stops counting once
/// the depth passes `limit`.
std::size_t html_nesting_estimate(std::string_view text, std::size_t limit);

}  // namespace pes::layout
