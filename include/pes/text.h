// Small helpers for showing user text in messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pes {

/// The text cut to at most `max_chars` characters (UTF-8 aware), with "…" when cut, so that
/// a 100 MB cell never becomes a 100 MB message.
std::string shorten(std::string_view text, std::size_t max_chars = 60);

/// `s` without ASCII white space (space, tab, CR, LF) at either end.
std::string_view trim_ascii(std::string_view s);

/// Offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong forms,
/// surrogates and code points past U+10FFFF are ill-formed); text.size() if there is none.
std::size_t first_invalid_utf8(std::string_view text);

/// Whether a file name ends in "." and `ext` (lower case), case aside: has_extension("A.JSON",
/// "json").
bool has_extension(std::string_view path, std::string_view ext);

/// A file name as pes shows it in every report and message: each byte that is not part of
/// valid UTF-8, and each control character, replaced by U+FFFD (�), so that every output
/// format stays well-formed. Other names are unchanged.
std::string display_path(std::string_view path);

/// A count with its English noun, singular for one: counted(1, "file") is "1 file",
/// counted(3, "file") "3 files". (Chinese counts take a measure word, not a plural.)
std::string counted(std::uint64_t n, std::string_view noun);

}  // namespace pes
