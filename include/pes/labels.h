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
/// The same without a copy where there is nothing to fold: `text` itself, or the normalized
/// text written into `scratch` (valid while scratch is).
std::string_view normalize_label(std::string_view text, std::string& scratch);
/// True if normalize_label() leaves the text as it is (the common case).
bool is_plain_label(std::string_view text);
/// True if the label is nothing but white space (empty once normalized).
bool is_blank_label(std::string_view text);

/// Standard level-1 categories (一级指标).
enum class Level1 : std::uint8_t { Output, Benefit, Satisfaction, Cost };

/// The level 1 a level-1 label stands for, if it is standard. The label may be as written or
/// normalized: it is compared as normalize_label() leaves it.
std::optional<Level1> find_level1(std::string_view label);
/// The standard level 1s a level-2 label may stand under (bit set of Level1); as written or
/// normalized.
unsigned level2_parents(std::string_view label);
/// The Chinese name of a level 1 (产出指标, ...).
std::string_view level1_label(Level1 l);
/// The MoF's suggested weight of a level 1 (产出 50, 效益 30, 满意度 10, 成本 none).
std::optional<int> level1_suggested_weight(Level1 l);

}  // namespace pes
