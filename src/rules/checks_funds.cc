// Checks of the 项目资金 block: rates, the budget score and its 分值, sums and the budget itself.
#include <fmt/format.h>

#include "checks.h"
#include "pes/fields.h"
#include "pes/rules.h"

namespace pes::checks {
namespace {

std::string_view rounding_en(Rounding r) {
  return r == Rounding::Truncate ? "truncated" : "rounded half-up";
}
std::string_view rounding_zh(Rounding r) { return r == Rounding::Truncate ? "截断" : "四舍五入"; }

// "98.48 (truncated)" or, when either rounding is accepted and they differ,
// "98.48 (truncated) or 98.49 (rounded half-up)".
Message expectation(const CheckContext& ctx, Decimal expected, std::optional<Decimal> alternative) {
  const Rounding r = ctx.re.rounding;
  if (ctx.options.rounding == RoundingPolicy::Auto && alternative && *alternative != expected) {
    return {fmt::format("{} ({}) or {} ({})", expected.str(), rounding_en(r), alternative->str(),
                        rounding_en(other_rounding(r))),
            fmt::format("{}（{}）或 {}（{}）", expected.str(), rounding_zh(r), alternative->str(),
                        rounding_zh(other_rounding(r)))};
  }
  return {fmt::format("{} ({})", expected.str(), rounding_en(r)),
          fmt::format("{}（{}）", expected.str(), rounding_zh(r))};
}

bool accepted(const CheckContext& ctx, Decimal reported, Decimal expected,
              std::optional<Decimal> alternative) {
  if (reported == expected) return true;
  return ctx.options.rounding == RoundingPolicy::Auto && alternative && reported == *alternative;
}

FieldRef row_field(FieldKey key, FundsRowId row) { return {key, row, 0}; }

// The row's label as the form writes it, else its kind's.
std::string row_label(const Form& form, FundsRowId id) {
  const Text& label = form.row(id).label;
  if (label.ok() && !label.value.empty()) return label.value;
  return std::string(row_label_zh(id));
}

// Whether `percent` is the row's rate in percent to `digits` decimals, by either rounding.
bool rate_to(const FundsRow& row, FieldKey base, Decimal percent, int digits) {
  const Number& budget = rate_base_of(row, base);
  for (Rounding r : {Rounding::Truncate, Rounding::HalfUp}) {
    const auto rate = mul_div(row.executed.value, Decimal::of(100), budget.value, digits, r);
    if (rate && *rate == percent) return true;
  }
  return false;
}

// Whether a reported rate is the right one in whole percent (86 for 86.20, 50 for 49.88):
// a convention of some templates, not the 2 decimals the rate is shown with.
bool whole_percent(const FundsRow& row, FieldKey base, Decimal reported) {
  return reported.fits(0) && rate_to(row, base, reported, 0);
}

// Whether a reported rate is the right one as a fraction of 1 (0.985 for 98.50%, 1.00 for
// 100%), as a spreadsheet shows a cell not formatted as a percent: the same rate, written
// another way.
std::optional<Decimal> as_fraction(const FundsRow& row, FieldKey base, Decimal reported) {
  if (reported.digits() < 2 || reported.is_negative()) return std::nullopt;
  const Decimal percent = Decimal::from_units(reported.units() * 100, reported.digits() - 2);
  if (!rate_to(row, base, percent, percent.digits())) return std::nullopt;
  return percent;
}

// Whether the total row's reported rate is wrong (as rate-mismatch says).
bool total_rate_wrong(const CheckContext& ctx) {
  const FundsRow& row = ctx.form.row(FundsRowId::Total);
  const auto i = static_cast<std::size_t>(FundsRowId::Total);
  const auto& expected = ctx.re.rate[i];
  return row.present && row.rate.ok() && expected &&
         !accepted(ctx, row.rate.value, *expected, ctx.re.rate_other[i]);
}

// Whether the reported budget score is what the reported (wrong) rate gives: then it is no
// mistake of its own, only the rate's consequence.
bool follows_reported_rate(const CheckContext& ctx) {
  const FundsRow& row = ctx.form.row(FundsRowId::Total);
  if (!row.rate.ok() || !row.score.ok()) return false;
  const Decimal weight = ctx.re.funds_weight;
  for (Rounding r : {Rounding::Truncate, Rounding::HalfUp}) {
    auto s = mul_div(row.rate.value, weight, Decimal::of(100), 2, r);
    if (s && *s > weight) s = weight;
    if (s && *s == row.score.value) return true;
  }
  return false;
}

}  // namespace

void rate_mismatch(const CheckContext& ctx, FindingSink& sink) {
  const FieldKey base = ctx.re.rate_base;
  const std::string_view base_zh = field_label_zh(base);
  for (FundsRowId id : kFundsRows) {
    const FundsRow& row = ctx.form.row(id);
    const auto i = static_cast<std::size_t>(id);
    const auto& expected = ctx.re.rate[i];
    if (!row.present || !row.rate.ok() || !expected) continue;
    if (accepted(ctx, row.rate.value, *expected, ctx.re.rate_other[i])) continue;
    const Message want = expectation(ctx, *expected, ctx.re.rate_other[i]);
    const std::string label = row_label(ctx.form, id);
    const std::string budget = rate_base_of(row, base).value.str();
    if (const auto percent = as_fraction(row, base, row.rate.value)) {  // a notice, no mistake
      sink.add(RuleId::NormalizedValue, row_field(FieldKey::RowRate, id), row.rate.offset,
               {lformat("‹row.rate› of {} is written as a fraction of 1, {}: that is {}%, as {} "
                        "÷ {} × 100 gives; the form shows the rate in percent ({})",
                        label, row.rate.value.str(), percent->str(), row.executed.value.str(),
                        budget, want.en),
                lformat("{}‹row.rate›以小数形式填写为 {}：即 {}%，与 {} ÷ {} × 100 相符；本表以百分数"
                        "显示‹row.rate›（{}）",
                        label, row.rate.value.str(), percent->str(), row.executed.value.str(),
                        budget, want.zh)},
               row.rate.value.str(), expected->str());
      continue;
    }
    // The denominator is named where it is not the usual 全年预算数.
    const std::string base_en = base == FieldKey::RowAnnual ? "" : fmt::format(" ({})", base_zh);
    const std::string base_cn = base == FieldKey::RowAnnual ? "" : fmt::format("（{}）", base_zh);
    Message m{lformat("‹row.rate› of {} is {}, but {} ÷ {}{} × 100 gives {}", label,
                      row.rate.value.str(), row.executed.value.str(), budget, base_en, want.en),
              lformat("{}‹row.rate›填报 {}，但 {} ÷ {}{} × 100 应为 {}", label,
                      row.rate.value.str(), row.executed.value.str(), budget, base_cn, want.zh)};
    if (whole_percent(row, base, row.rate.value)) {
      m.en += fmt::format(
          "; {} is the rate in whole percent, but the form shows it with 2 "
          "decimals",
          row.rate.value.str());
      m.zh += lformat("；{} 是取整到百分之一的‹row.rate›，但本表‹row.rate›应保留 2 位小数",
                      row.rate.value.str());
    }
    if (id == FundsRowId::Total && ctx.options.rules.on(RuleId::BudgetScoreMismatch) &&
        ctx.re.budget_score && row.score.ok() &&
        !accepted(ctx, row.score.value, *ctx.re.budget_score, ctx.re.budget_score_other) &&
        follows_reported_rate(ctx)) {
      m.en += fmt::format("; the budget score {} follows from it: mend both (it should be {})",
                          row.score.value.str(), ctx.re.budget_score->str());
      m.zh += lformat("；‹row.score› {} 由此算出，应一并更正（应为 {}）", row.score.value.str(),
                      ctx.re.budget_score->str());
    }
    sink.add(RuleId::RateMismatch, row_field(FieldKey::RowRate, id), row.rate.offset, std::move(m),
             row.rate.value.str(), expected->str());
  }
}

void budget_score_mismatch(const CheckContext& ctx, FindingSink& sink) {
  const FundsRow& row = ctx.form.row(FundsRowId::Total);
  const auto& expected = ctx.re.budget_score;
  if (!row.present || !row.score.ok() || !expected) return;
  if (accepted(ctx, row.score.value, *expected, ctx.re.budget_score_other)) return;
  // A score that is the wrong rate × 分值 is the rate's mistake, reported there.
  if (ctx.options.rules.on(RuleId::RateMismatch) && total_rate_wrong(ctx) &&
      follows_reported_rate(ctx)) {
    return;
  }
  const Message want = expectation(ctx, *expected, ctx.re.budget_score_other);
  const std::string weight = ctx.re.funds_weight.str();
  const std::string budget = rate_base_of(row, ctx.re.rate_base).value.str();
  sink.add(
      RuleId::BudgetScoreMismatch, row_field(FieldKey::RowScore, FundsRowId::Total),
      row.score.offset,
      {fmt::format("budget score is {}, but {} ÷ {} × {} (at most {}) gives {}",
                   row.score.value.str(), row.executed.value.str(), budget, weight, weight,
                   want.en),
       lformat("‹row.score›填报 {}，但 {} ÷ {} × {}（不超过 {}）应为 {}", row.score.value.str(),
               row.executed.value.str(), budget, weight, weight, want.zh)},
      row.score.value.str(), expected->str());
}

void budget_weight(const CheckContext& ctx, FindingSink& sink) {
  const Form& f = ctx.form;
  if (!f.funds_weight.ok() || f.funds_weight.value == f.tmpl.budget_weight) return;
  const std::string written = f.funds_weight.value.str();
  const std::string want = f.tmpl.budget_weight.str();
  sink.add(
      RuleId::BudgetWeight, {FieldKey::FundsWeight, FundsRowId::Total, 0}, f.funds_weight.offset,
      {lformat(
           "the budget block's ‹indicator.weight› is {}, but the template gives it {}; the budget "
           "score is computed with {}",
           written, want, want),
       lformat("‹funds.weight›填报 {}，但模板规定为 {}；‹row.score›按 {} 计算", written, want,
               want)},
      written, want);
}

void funding_sum_mismatch(const CheckContext& ctx, FindingSink& sink) {
  const Form& f = ctx.form;
  const FundsRow& total = f.row(FundsRowId::Total);
  if (!total.present) return;
  for (const FieldKey key : {FieldKey::RowInitial, FieldKey::RowAnnual, FieldKey::RowExecuted}) {
    const FieldInfo& field = field_info(key);
    const Number& reported = total.*field.row_number;
    if (!reported.ok()) continue;
    Decimal sum = Decimal::of(0);
    bool readable = true;
    bool any = false;  // a column where every source row is blank has no known sum
    std::string parts_en;
    for (FundsRowId id : kSourceRows) {
      const FundsRow& part = f.row(id);
      const Number& cell = part.*field.row_number;
      if (!part.present) continue;
      if (!parts_en.empty()) parts_en += " + ";
      parts_en += row_label(f, id);
      if (!cell.present()) continue;  // a blank cell of a row the form has counts as 0
      if (!cell.ok()) {
        readable = false;
        break;
      }
      any = true;
      sum = sum + cell.value;
    }
    if (!readable || !any || sum == reported.value) continue;
    std::string hint_en;
    std::string hint_zh;
    const Decimal ten_thousand = Decimal::of(10000);
    if (!sum.is_zero() &&
        mul_div(sum, ten_thousand, Decimal::of(1), 6, Rounding::Truncate) == reported.value) {
      hint_en = "; it is 10,000 times their sum: an amount in 元 in a table in 万元?";
      hint_zh = "；恰为各行之和的 10000 倍：是否在以万元为单位的表中填了元？";
    } else if (!reported.value.is_zero() && mul_div(reported.value, ten_thousand, Decimal::of(1), 6,
                                                    Rounding::Truncate) == sum) {
      hint_en = "; their sum is 10,000 times it: an amount in 万元 in a table in 元?";
      hint_zh = "；各行之和恰为其 10000 倍：是否在以元为单位的表中填了万元？";
    }
    sink.add(RuleId::FundingSumMismatch, row_field(key, FundsRowId::Total), reported.offset,
             {fmt::format("{} {} is {}, but {} = {}{}", row_label(f, FundsRowId::Total), field.zh,
                          reported.value.str(), parts_en, sum.str(), hint_en),
              fmt::format("{}的{}为 {}，但 {} = {}{}", row_label(f, FundsRowId::Total), field.zh,
                          reported.value.str(), parts_en, sum.str(), hint_zh)},
             reported.value.str(), sum.str());
  }
}

void zero_budget(const CheckContext& ctx, FindingSink& sink) {
  const FundsRow& total = ctx.form.row(FundsRowId::Total);
  if (!total.present) return;  // reported as a missing field
  const Number& budget = rate_base_of(total, ctx.re.rate_base);
  // Missing: a missing field; unreadable: what could not be read. Only a 0 is this rule's.
  if (!budget.ok() || !budget.value.is_zero()) return;
  const std::string_view zh = field_label_zh(ctx.re.rate_base);
  const std::string label = row_label(ctx.form, FundsRowId::Total);
  sink.add(RuleId::ZeroBudget, row_field(ctx.re.rate_base, FundsRowId::Total), budget.offset,
           {fmt::format("{} {} is 0, so no execution rate can be computed", label, zh),
            lformat("{}的{}为 0，无法计算‹row.rate›", label, zh)},
           budget.value.str(), "");
}

void over_execution(const CheckContext& ctx, FindingSink& sink) {
  const FieldKey base = ctx.re.rate_base;
  for (FundsRowId id : kFundsRows) {
    const FundsRow& row = ctx.form.row(id);
    const Number& budget = rate_base_of(row, base);
    if (!row.present || !budget.ok() || !row.executed.ok()) continue;
    if (row.executed.value <= budget.value) continue;
    const std::string label = row_label(ctx.form, id);
    const std::string_view zh = field_label_zh(base);
    sink.add(RuleId::OverExecution, row_field(FieldKey::RowExecuted, id), row.executed.offset,
             {lformat("{} ‹row.executed› {} exceeds {} {}", label, row.executed.value.str(), zh,
                      budget.value.str()),
              lformat("{}‹row.executed› {} 超过{} {}", label, row.executed.value.str(), zh,
                      budget.value.str())},
             row.executed.value.str(), fmt::format("≤ {}", budget.value.str()));
  }
}

}  // namespace pes::checks
