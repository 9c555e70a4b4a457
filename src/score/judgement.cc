#include "pes/judgement.h"

#include <fmt/format.h>

#include <algorithm>

#include "pes/label_format.h"
#include "pes/labels.h"
#include "pes/text.h"
#include "score/indicator_value_cache.h"

namespace pes {
namespace {

constexpr int kShown = 2;  // decimals a form shows

bool is_cost(const Indicator& ind) {
  std::string scratch;
  return normalize_label(ind.level1.value, scratch).find("成本") != std::string::npos ||
         normalize_label(ind.level2.value, scratch).find("成本") != std::string::npos;
}

Message unreadable(const Text& cell, std::string_view en, FieldKey key) {
  const std::string_view zh_column = field_label_zh(key);
  const std::string en_column = fmt::format("{} ({})", en, zh_column);
  if (!cell.ok() || is_blank_label(cell.value)) {
    return {fmt::format("no {} given", en_column), fmt::format("未填写{}", zh_column)};
  }
  return {fmt::format("the {} “{}” could not be read", en_column, cell.value),
          fmt::format("{}“{}”无法识别", zh_column, cell.value)};
}

bool met_quantity(Comparison cmp, bool negative, Decimal a, Decimal b) {
  switch (cmp) {
    case Comparison::AtLeast:
      return b >= a;
    case Comparison::Above:
      return b > a;
    case Comparison::AtMost:
      return b <= a;
    case Comparison::Below:
      return b < a;
    case Comparison::None:
    case Comparison::Equal:
      return negative ? b <= a : b >= a;
  }
  return false;
}

// The MoF rule's score of a quantitative indicator, at 2 decimals.
std::optional<Decimal> rule_score(const Judgement& j, Decimal weight, Rounding rounding) {
  const Decimal full = weight.with_digits(kShown);
  if (j.met) return full;
  const Decimal a = j.target.number;
  const Decimal b = j.actual.number;
  const Decimal zero = Decimal::of(0, kShown);
  std::optional<Decimal> s;
  if (!j.negative) {
    s = a.is_zero() || b.is_negative() ? zero : mul_div(weight, b, a, kShown, rounding);
  } else {
    s = b.is_zero() || b.is_negative() || a.is_negative() ? zero
                                                          : mul_div(weight, a, b, kShown, rounding);
  }
  if (!s) return std::nullopt;
  if (*s > full) return full;
  if (s->is_negative()) return zero;
  return s;
}

// An actual written as a fraction where its target is a percent: 0.985 against ≥95%.
void fraction_hint(const Indicator& ind, Judgement& j) {
  const IndicatorValue& t = j.target;
  const IndicatorValue& a = j.actual;
  if (t.unit != "%" || !a.unit.empty() || j.met) return;
  if (a.number.is_negative() || a.number > Decimal::of(1) || t.number <= Decimal::of(1)) return;
  const Decimal percent =
      *mul_div(a.number, Decimal::of(100), Decimal::of(1), Decimal::kDigits, Rounding::Truncate);
  const Decimal shown = percent.with_digits(std::max(0, a.number.digits() - 2));
  j.hint = {fmt::format("the actual {} looks like a fraction: as a percent it is {}%",
                        shorten(ind.actual.value), shown.str()),
            lformat("‹indicator.actual› {} 似为小数形式：按百分比为 {}%", shorten(ind.actual.value),
                    shown.str())};
}

void judge_quantity(const Indicator& ind, Rounding rounding, Judgement& j) {
  const IndicatorValue& t = j.target;
  const IndicatorValue& a = j.actual;
  if (!t.unit.empty() && !a.unit.empty() && t.unit != a.unit) {
    j.note = {fmt::format("the target is in {} but the actual in {}", t.unit, a.unit),
              lformat("‹indicator.target›单位为{}，‹indicator.actual›单位为{}", t.unit, a.unit)};
    return;
  }
  const bool negative =
      t.comparison == Comparison::AtMost || t.comparison == Comparison::Below ||
      ((t.comparison == Comparison::None || t.comparison == Comparison::Equal) && is_cost(ind));
  // An actual written as a bound ("≥90%") is read as its number when the bound says "at least
  // as good" (≥ for a positive target, ≤ for a negative one); the other way it says nothing
  // of how far the target was reached.
  const bool bound_up = a.comparison == Comparison::AtLeast || a.comparison == Comparison::Above;
  const bool bound_down = a.comparison == Comparison::AtMost || a.comparison == Comparison::Below;
  if ((bound_up && negative) || (bound_down && !negative)) {
    j.note = {
        fmt::format("the actual “{}” states a bound on the wrong side of its target",
                    ind.actual.value),
        lformat("‹indicator.actual›“{}”给出的界限与‹indicator.target›方向相反，无法判断完成程度",
                ind.actual.value)};
    return;
  }
  j.kind = JudgementKind::Quantitative;
  j.negative = negative;
  j.met = met_quantity(t.comparison, j.negative, t.number, a.number);
  fraction_hint(ind, j);
  if (!ind.weight.ok()) return;
  j.rule_score = rule_score(j, ind.weight.value, rounding);
  j.rule_score_other = rule_score(j, ind.weight.value, other_rounding(rounding));
}

// weight × percent ÷ 100, exact, with 2 decimals or as many more as it needs (80% of 3.33 is
// 2.664).
Decimal share(Decimal weight, int percent) {
  const Decimal v = *mul_div(weight, Decimal::of(percent), Decimal::of(100), Decimal::kDigits,
                             Rounding::Truncate);
  int digits = kShown;
  while (digits < Decimal::kDigits && !v.fits(digits)) ++digits;
  return v.with_digits(digits);
}

void judge_completion(const Indicator& ind, Completion c, Judgement& j) {
  j.kind = JudgementKind::Qualitative;
  j.completion = c;
  j.met = c == Completion::Achieved;
  if (!ind.weight.ok()) return;
  const Decimal w = ind.weight.value;
  switch (c) {
    case Completion::Achieved:
      j.band_low = share(w, 80);
      j.band_high = share(w, 100);
      j.band_high_inclusive = true;
      break;
    case Completion::Partial:
      j.band_low = share(w, 50);
      j.band_high = share(w, 80);
      break;
    case Completion::NotAchieved:
      j.band_low = share(w, 0);
      j.band_high = share(w, 50);
      break;
  }
}

}  // namespace

void judge(const Indicator& ind, Rounding rounding, Judgement& j) {
  // Every field is set, so that a Judgement reused from the previous form carries nothing over.
  static const IndicatorValue kEmpty;
  IndicatorValueCache& values = indicator_value_cache();
  j.target = ind.target.ok() ? values.get(ind.target.value) : kEmpty;
  j.actual = ind.actual.ok() ? values.get(ind.actual.value) : kEmpty;
  j.kind = JudgementKind::NotJudged;
  j.note.en.clear();
  j.note.zh.clear();
  j.hint.en.clear();
  j.hint.zh.clear();
  j.met = false;
  j.negative = false;
  j.rule_score.reset();
  j.rule_score_other.reset();
  j.completion = Completion::Achieved;
  j.band_low = Decimal();
  j.band_high = Decimal();
  j.band_high_inclusive = false;
  const ValueKind tk = j.target.kind;
  const ValueKind ak = j.actual.kind;
  if (tk != ValueKind::Quantity && tk != ValueKind::Qualitative) {
    j.note = unreadable(ind.target, "target", FieldKey::Target);
    return;
  }
  if (ak == ValueKind::Empty || ak == ValueKind::Unreadable) {
    j.note = unreadable(ind.actual, "actual", FieldKey::Actual);
    return;
  }
  if (ak == ValueKind::Completion) {
    judge_completion(ind, j.actual.completion, j);
  } else if (tk == ValueKind::Quantity && ak == ValueKind::Quantity) {
    judge_quantity(ind, rounding, j);
  } else if (tk == ValueKind::Qualitative && ak == ValueKind::Qualitative &&
             j.target.word == j.actual.word) {
    judge_completion(ind, Completion::Achieved, j);  // "及时" against "及时": as targeted
  } else {
    j.note = {fmt::format("the target “{}” and the actual “{}” do not compare", ind.target.value,
                          ind.actual.value),
              lformat("‹indicator.target›“{}”与‹indicator.actual›“{}”无法比较", ind.target.value,
                      ind.actual.value)};
  }
}

Judgement judge(const Indicator& ind, Rounding rounding) {
  Judgement j;
  judge(ind, rounding, j);
  return j;
}

}  // namespace pes
