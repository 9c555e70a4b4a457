// Path globs as in .gitignore-style configs: `*` and `?` within one path segment, `**` across
// segments (`filings/2022/**` is everything below filings/2022).
#pragma once

#include <string_view>

namespace pes {

/// True if the '/'-separated `path` matches `pattern` as a whole.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace pes
