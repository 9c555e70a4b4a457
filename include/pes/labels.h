// The form's Chinese labels and how they are compared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pes {

/// A label as compared: white space removed (ASCII, U+3000, U+00A0) and
/// full-width ASCII forms folded to half-width ("满意 度指 标" → "满意度指标",
/// "（％）" → "(%)").
std::string normalize_label(std::string_view text);

/// Standard level-1 categories (一级指标).
enum class Level1 : std::uint8_t { Output, Benefit, Satisfaction, Cost };

/// The level 1 a normalized level-1 name stands for, if it is standard.
std::optional<Level1> find_level1(std::string_view normalized);
/// The standard level 1s a normalized level-2 name may stand under (bit set of Level1).
unsigned level2_parents(std::string_view normalized);
/// The Chinese name of a level 1 (产出指标, ...).
std::string_view level1_label(Level1 l);
/// The MoF's suggested weight of a level 1 (产出 50, 效益 30, 满意度 10, 成本 none).
std::optional<int> level1_suggested_weight(Level1 l);

}  // namespace pes
