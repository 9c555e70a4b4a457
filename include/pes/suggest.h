// "Did you mean …?": the nearest of a list of known names to one mistyped, for messages about
// unknown commands, options, config keys, rules and indicator names.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pes {

/// The edit distance between two texts in Unicode characters (insertions, deletions,
/// substitutions and swaps of two neighbours each cost one).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The known name nearest to `word`, if it is near enough to be what was meant: at most a
/// third of the word's characters apart (and at least one), case aside. Ties go to the
/// earlier name.
std::optional<std::string> closest_name(std::string_view word,
                                        std::span<const std::string_view> names);
std::optional<std::string> closest_name(std::string_view word, std::span<const std::string> names);

/// " (did you mean “check”?)" / "（是否想输入“check”？）", or "" when no name is near.
std::string did_you_mean(const std::optional<std::string>& name, bool chinese);

}  // namespace pes
