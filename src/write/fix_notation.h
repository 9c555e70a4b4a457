// The notation pes writes numbers and years in, for `pes fix`: "98.48%" is 98.48, full-width
// digits are ASCII digits, "2023年" is 2023.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pes {

/// The text with full-width digits, signs, point, comma, percent sign and the ideographic
/// space turned into their ASCII forms.
std::string ascii_digits(std::string_view text);

/// A number written as people type it ("98.48%", "３,８２７.５０", " 9.84 ") in pes's notation:
/// plain digits with the decimals it was written with ("98.48", "3827.50"). Empty when the text
/// is no number even so.
std::optional<std::string> normal_number(std::string_view text);

/// A year written as people type it ("2023年", "２０２３", "2023年度") as four digits. Empty when
/// the text is no year from 1000 to 9999 even so ("二〇二三", "23").
std::optional<std::string> normal_year(std::string_view text);

}  // namespace pes
