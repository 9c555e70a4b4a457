// Small helpers for showing user text in messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pes {

/// The text cut to at most `max_chars` characters (UTF-8 aware), with "…" when cut, so that
/// a 100 MB cell never becomes a 100 MB message.
std::string shorten(std::string_view text, std::size_t max_chars = 60);

}  // namespace pes
