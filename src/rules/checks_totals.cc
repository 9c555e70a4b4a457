// Checks of the form's totals: weights, 总分 and 评分等级.
#include <fmt/format.h>

#include "checks.h"

namespace pes::checks {
// The recomputed total already follows the filer's rounding (under `auto`, the one its
// reported rate and budget score use), so 总分 and 评分等级 have one right value each.

void weights_sum(const CheckContext& ctx, FindingSink& sink) {
  const Form& f = ctx.form;
  if (f.funds_weight.state == FieldState::Invalid) return;
  if (f.indicators_state != FieldState::Valid) return;  // a missing list is an invalid field
  for (const Indicator& ind : f.indicators) {
    // An unreadable or missing weight is reported on its own; a sub-item has none.
    if (!ind.weight.ok() && !ind.is_sub_item()) return;
  }
  // The budget's 分值 is the template's: a form that writes another has budget-weight's
  // finding, and its weights add up as the template counts them (Hubei: 100 + 90 written, 10 +
  // 90 counted). Where budget-weight is off, the written 分值 counts, as it did.
  Decimal budget = ctx.re.funds_weight;
  if (f.funds_weight.ok() && !ctx.options.rules.on(RuleId::BudgetWeight)) {
    budget = f.funds_weight.value;
  }
  const Decimal sum = budget + ctx.re.indicator_weight;
  if (sum == Decimal::of(100)) return;
  // A form whose written 分值 makes 100 with its indicators (20 + 80) has one slip, the 分值,
  // which budget-weight reports.
  if (f.funds_weight.ok() && ctx.options.rules.on(RuleId::BudgetWeight) &&
      f.funds_weight.value + ctx.re.indicator_weight == Decimal::of(100)) {
    return;
  }
  sink.add(RuleId::WeightsSum, {FieldKey::Indicators, FundsRowId::Total, 0}, f.offset,
           {fmt::format("weights add up to {} (budget {} + indicators {}), not 100",
                        sum.with_digits(2).str(), budget.str(), ctx.re.indicator_weight.str()),
            lformat("‹indicator.weight›合计 {}（预算执行 {} + 绩效指标 {}），不等于 100",
                    sum.with_digits(2).str(), budget.str(), ctx.re.indicator_weight.str())},
           sum.with_digits(2).str(), "100.00");
}

void total_mismatch(const CheckContext& ctx, FindingSink& sink) {
  const Form& f = ctx.form;
  // No recomputed total: a score it sums is missing or unreadable, reported on its own.
  if (!f.total.ok() || !ctx.re.total) return;
  const Decimal expected = *ctx.re.total;
  if (f.total.value == expected) return;
  const std::string budget =
      ctx.re.budget_score ? ctx.re.budget_score->str() : f.row(FundsRowId::Total).score.value.str();
  sink.add(RuleId::TotalMismatch, {FieldKey::Total, FundsRowId::Total, 0}, f.total.offset,
           {lformat("‹total› is {}, but budget score {} + indicator scores {} = {}",
                    f.total.value.str(), budget, ctx.re.indicator_score.str(), expected.str()),
            lformat("‹total›填报 {}，但 ‹row.score› {} + 指标‹indicator.score›合计 {} = {}",
                    f.total.value.str(), budget, ctx.re.indicator_score.str(), expected.str())},
           f.total.value.str(), expected.str());
}

void grade_mismatch(const CheckContext& ctx, FindingSink& sink) {
  const Form& f = ctx.form;
  if (!f.grade.ok() || !ctx.re.grade) return;
  const auto reported = parse_grade(f.grade.value);
  if (!reported) return;  // an unreadable grade is an invalid field
  if (*reported == *ctx.re.grade) return;
  const std::string want(grade_label_zh(*ctx.re.grade));
  sink.add(RuleId::GradeMismatch, {FieldKey::Grade, FundsRowId::Total, 0}, f.grade.offset,
           {lformat("‹grade› is {}, but a total of {} is graded {} ({})", f.grade.value,
                    ctx.re.total->str(), want, grade_label_en(*ctx.re.grade)),
            lformat("‹grade›填报 {}，但‹total› {} 对应的等级为 {}", f.grade.value,
                    ctx.re.total->str(), want)},
           f.grade.value, want);
}

}  // namespace pes::checks
