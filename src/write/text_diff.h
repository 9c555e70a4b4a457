// A unified diff of two texts, as `diff -u` writes it, for `pes fix --diff`.
#pragma once

#include <string>
#include <string_view>

namespace pes {

/// The lines that differ between `before` and `after` with 3 lines of context around them,
/// under "--- name" and "+++ name"; a last line without a line end is marked as `diff` marks it
/// ("\ No newline at end of file"), so `patch` applies the diff byte for byte. Empty when the
/// texts are equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name);

}  // namespace pes
