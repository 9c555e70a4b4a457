// Judging one indicator: was its target met, and what score do the MoF rules give it.
#pragma once

#include <cstdint>
#include <optional>

#include "pes/decimal.h"
#include "pes/finding.h"
#include "pes/form.h"
#include "pes/target.h"

namespace pes {

enum class JudgementKind : std::uint8_t {
  NotJudged,     ///< a cell pes cannot read, or a target and actual that do not fit
  Quantitative,  ///< a number against a number
  Qualitative,   ///< a completion (达成 / 部分达成 / 未达成) against any target
};

/// What pes reads from an indicator's 年度指标值 and 实际完成值, and what it makes of them.
struct Judgement {
  IndicatorValue target;
  IndicatorValue actual;
  JudgementKind kind = JudgementKind::NotJudged;
  Message note;  ///< why it is not judged ("" when judged)
  /// What may mend a missed target ("" when nothing): an actual written as a fraction (0.985)
  /// against a target in percent. The score checks add it to their messages.
  Message hint;
  bool met = false;
  /// Quantitative: lower is better (≤ or <, or a bare number or = under 成本指标).
  bool negative = false;
  /// Quantitative, with a weight: the MoF rule's score (positive: weight × B ÷ A, negative:
  /// weight × A ÷ B, never above the weight), at 2 decimals under the form's rounding...
  std::optional<Decimal> rule_score;
  /// ...and under the other rounding: a score equal to either is not above the rule.
  std::optional<Decimal> rule_score_other;
  /// Qualitative, with a weight: the completion's band of points, exact. Achieved:
  /// [80%, 100%] of the weight; partial: [50%, 80%); not achieved: [0, 50%).
  Completion completion = Completion::Achieved;
  Decimal band_low;
  Decimal band_high;
  bool band_high_inclusive = false;
};

/// Judges one indicator; `rounding` is the form's (Recomputed::rounding).
Judgement judge(const Indicator& indicator, Rounding rounding);
/// The same into `out`, which keeps the capacity of its strings (every field is set).
void judge(const Indicator& indicator, Rounding rounding, Judgement& out);

}  // namespace pes
