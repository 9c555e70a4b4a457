// Reading 年度指标值 (target) and 实际完成值 (actual) as people write them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pes/decimal.h"

namespace pes {

/// The comparison a target states.
enum class Comparison : std::uint8_t {
  None,     ///< a bare number ("100%")
  AtLeast,  ///< ≥, >=, ＞＝, \geq, 不低于, 不少于, "…以上"
  AtMost,   ///< ≤, <=, \leq, 不高于, 不超过, "…以内"
  Equal,    ///< =, ＝
  Above,    ///< >, 大于, 高于, 超过
  Below,    ///< <, 小于, 低于
};

/// How far a qualitative target was reached, as the actual column says it.
enum class Completion : std::uint8_t {
  Achieved,     ///< 达成指标, 达成预期指标, 已完成…
  Partial,      ///< 部分达成, 基本达成…
  NotAchieved,  ///< 未达成, 未完成…
};

enum class ValueKind : std::uint8_t {
  Empty,        ///< nothing written
  Quantity,     ///< a comparison, a number and a unit ("≥95.00(%)", "100.00(%)", "≤90万元")
  Qualitative,  ///< a qualitative target ("及时", "健全", "按期完成项目验收")
  Completion,   ///< a completion ("达成指标", "部分达成", "未达成")
  Unreadable,   ///< none of the above: pes does not judge the indicator
};

/// What a target or actual cell says.
struct IndicatorValue {
  ValueKind kind = ValueKind::Empty;
  Comparison comparison = Comparison::None;  ///< Quantity only
  Decimal number;                            ///< Quantity only
  std::string unit;  ///< Quantity only: canonical unit ("%", "个", "万元", "天"), "" when none
  std::string word;  ///< Qualitative: the text, normalized
  Completion completion = Completion::Achieved;  ///< Completion only
};

/// Reads one cell. Labels are compared as normalize_label() leaves them (white space
/// removed, full-width forms folded); LaTeX as extracted from PDFs (`$\geq 90.00(\%)$`)
/// is read too.
IndicatorValue parse_indicator_value(std::string_view text);

/// ">=", "<=", "=", ">", "<" or "" (None): the JSON report's spelling.
std::string_view comparison_ascii(Comparison c);
/// "achieved", "partial", "not-achieved".
std::string_view completion_name(Completion c);
/// "empty", "quantity", "qualitative", "completion", "unreadable".
std::string_view value_kind_name(ValueKind k);

}  // namespace pes
