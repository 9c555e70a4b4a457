// The form's Chinese labels and how they are compared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pes/decimal.h"

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

/// A level-1 label as templates print it: a name and, in many templates, the weight the level
/// 1 is given ("产出指标(50分)", "效 益 指 标 (30分)", "满意度指标（10分）", or a bare "(50分)").
struct Level1Label {
  std::string name;                  ///< normalized, without the weight ("" for a bare weight)
  std::optional<Level1> category;    ///< the standard level 1 the name stands for
  std::optional<Decimal> declared;   ///< the weight printed with it
};
/// Reads a level-1 label, as written or normalized.
Level1Label parse_level1(std::string_view label);

/// The level 1 a level-1 label stands for, if it is standard (a declared weight aside:
/// 产出指标(50分) is 产出指标). The label may be as written or normalized: it is compared as
/// normalize_label() leaves it.
std::optional<Level1> find_level1(std::string_view label);
/// The standard level 1s a level-2 label may stand under (bit set of Level1); as written or
/// normalized. Variants templates print are the standard name too: 服务对象满意度指标等 (with
/// 等), a weight in brackets.
unsigned level2_parents(std::string_view label);
/// The one standard level 1 a level-2 label stands under, if it names only one.
std::optional<Level1> only_parent(std::string_view level2);
/// The standard category a label that is not one likely means: "质量" → 质量指标, "产出" →
/// 产出指标 (the label with 指标 after it is a standard level 1 or level 2). Empty if none.
std::string_view suggest_category(std::string_view label);
/// The Chinese name of a level 1 (产出指标, ...).
std::string_view level1_label(Level1 l);
/// The MoF's suggested weight of a level 1 (产出 50, 效益 30, 满意度 10, 成本 none).
std::optional<int> level1_suggested_weight(Level1 l);

}  // namespace pes
