// Checks of the 项目资金 block: rates, the budget score, sums and the budget itself.
#include <fmt/format.h>

#include "checks.h"
#include "pes/fields.h"
#include "pes/rules.h"

namespace pes::checks {
namespace {

std::string_view rounding_en(Rounding r) { return r == Rounding::Truncate ? "truncated" : "rounded half-up"; }
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

}  // namespace

void rate_mismatch(const CheckContext& ctx, FindingSink& sink) {
  for (FundsRowId id : kFundsRows) {
    const FundsRow& row = ctx.form.row(id);
    const auto i = static_cast<std::size_t>(id);
    const auto& expected = ctx.re.rate[i];
    if (!row.present || !row.rate.ok() || !expected) continue;
    if (accepted(ctx, row.rate.value, *expected, ctx.re.rate_other[i])) continue;
    const Message want = expectation(ctx, *expected, ctx.re.rate_other[i]);
    const std::string label(row_label_zh(id));
    sink.add(RuleId::RateMismatch, row_field(FieldKey::RowRate, id), row.rate.offset,
             {fmt::format("执行率 of {} is {}, but {} ÷ {} × 100 gives {}", label,
                          row.rate.value.str(), row.executed.value.str(), row.annual.value.str(),
                          want.en),
              fmt::format("{}执行率填报 {}，但 {} ÷ {} × 100 应为 {}", label, row.rate.value.str(),
                          row.executed.value.str(), row.annual.value.str(), want.zh)},
             row.rate.value.str(), expected->str());
  }
}

void budget_score_mismatch(const CheckContext& ctx, FindingSink& sink) {
  const FundsRow& row = ctx.form.row(FundsRowId::Total);
  const auto& expected = ctx.re.budget_score;
  if (!row.present || !row.score.ok() || !expected) return;
  if (accepted(ctx, row.score.value, *expected, ctx.re.budget_score_other)) return;
  const Message want = expectation(ctx, *expected, ctx.re.budget_score_other);
  const std::string weight = ctx.re.funds_weight.str();
  sink.add(RuleId::BudgetScoreMismatch, row_field(FieldKey::RowScore, FundsRowId::Total),
           row.score.offset,
           {fmt::format("budget score is {}, but {} ÷ {} × {} (at most {}) gives {}",
                        row.score.value.str(), row.executed.value.str(), row.annual.value.str(),
                        weight, weight, want.en),
            fmt::format("预算执行得分填报 {}，但 {} ÷ {} × {}（不超过 {}）应为 {}",
                        row.score.value.str(), row.executed.value.str(), row.annual.value.str(),
                        weight, weight, want.zh)},
           row.score.value.str(), expected->str());
}

void funding_sum_mismatch(const CheckContext& ctx, FindingSink& sink) {
  const Form& f = ctx.form;
  const FundsRow& total = f.row(FundsRowId::Total);
  const bool any_part = f.row(FundsRowId::Fiscal).present || f.row(FundsRowId::Carryover).present ||
                        f.row(FundsRowId::Other).present;
  if (!total.present || !any_part) return;
  struct Column {
    Number FundsRow::*member;
    FieldKey key;
    std::string_view zh;
  };
  for (const Column c : {Column{&FundsRow::initial, FieldKey::RowInitial, "年初预算数"},
                         Column{&FundsRow::annual, FieldKey::RowAnnual, "全年预算数"},
                         Column{&FundsRow::executed, FieldKey::RowExecuted, "全年执行数"}}) {
    if (!(total.*c.member).ok()) continue;
    Decimal sum = Decimal::of(0);
    bool readable = true;
    for (FundsRowId id : {FundsRowId::Fiscal, FundsRowId::Carryover, FundsRowId::Other}) {
      const FundsRow& part = f.row(id);
      if (!part.present || !(part.*c.member).present()) continue;  // absent counts as 0
      if (!(part.*c.member).ok()) {
        readable = false;
        break;
      }
      sum = sum + (part.*c.member).value;
    }
    const Decimal reported = (total.*c.member).value;
    if (!readable || sum == reported) continue;
    sink.add(RuleId::FundingSumMismatch, row_field(c.key, FundsRowId::Total),
             (total.*c.member).offset,
             {fmt::format("年度资金总额 {} is {}, but 当年财政拨款 + 上年结转资金 + 其他资金 = {}", c.zh,
                          reported.str(), sum.str()),
              fmt::format("年度资金总额的{}为 {}，但 当年财政拨款 + 上年结转资金 + 其他资金 = {}", c.zh,
                          reported.str(), sum.str())},
             reported.str(), sum.str());
  }
}

void zero_budget(const CheckContext& ctx, FindingSink& sink) {
  const FundsRow& total = ctx.form.row(FundsRowId::Total);
  if (!total.present) return;  // reported as a missing field
  if (total.annual.state == FieldState::Invalid) return;  // reported as unreadable
  if (total.annual.ok() && !total.annual.value.is_zero()) return;
  const bool missing = !total.annual.ok();
  sink.add(RuleId::ZeroBudget, row_field(FieldKey::RowAnnual, FundsRowId::Total),
           missing ? total.offset : total.annual.offset,
           {missing ? "年度资金总额 has no 全年预算数, so no execution rate can be computed"
                    : "年度资金总额 全年预算数 is 0, so no execution rate can be computed",
            missing ? "年度资金总额缺少全年预算数，无法计算执行率"
                    : "年度资金总额的全年预算数为 0，无法计算执行率"},
           missing ? "" : total.annual.value.str(), "");
}

void over_execution(const CheckContext& ctx, FindingSink& sink) {
  for (FundsRowId id : kFundsRows) {
    const FundsRow& row = ctx.form.row(id);
    if (!row.present || !row.annual.ok() || !row.executed.ok()) continue;
    if (row.executed.value <= row.annual.value) continue;
    const std::string label(row_label_zh(id));
    sink.add(RuleId::OverExecution, row_field(FieldKey::RowExecuted, id), row.executed.offset,
             {fmt::format("{} 全年执行数 {} exceeds 全年预算数 {}", label, row.executed.value.str(),
                          row.annual.value.str()),
              fmt::format("{}全年执行数 {} 超过全年预算数 {}", label, row.executed.value.str(),
                          row.annual.value.str())},
             row.executed.value.str(), fmt::format("≤ {}", row.annual.value.str()));
  }
}

}  // namespace pes::checks
