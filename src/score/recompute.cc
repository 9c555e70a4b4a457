#include "pes/recompute.h"

#include <algorithm>

#include "pes/labels.h"

namespace pes {
namespace {

constexpr int kShown = 2;  // decimals a form shows


std::optional<Decimal> rate_of(const FundsRow& row, Rounding rule) {
  if (!row.present || !row.annual.ok() || !row.executed.ok()) return std::nullopt;
  if (row.annual.value.is_zero()) return Decimal::of(0, kShown);  // the form shows 0.00
  return mul_div(row.executed.value, Decimal::of(100), row.annual.value, kShown, rule);
}

std::optional<Decimal> budget_score_of(const FundsRow& row, Decimal weight, Rounding rule) {
  if (!row.present || !row.annual.ok() || !row.executed.ok() || row.annual.value.is_zero()) {
    return std::nullopt;
  }
  if (row.executed.value >= row.annual.value) return weight.with_digits(kShown);  // capped
  return mul_div(row.executed.value, weight, row.annual.value, kShown, rule);
}

// Under `auto`, the rounding the filer used, judged from the total row.
Rounding resolve(const Form& form, RoundingPolicy policy, Decimal weight) {
  if (policy == RoundingPolicy::Truncate) return Rounding::Truncate;
  if (policy == RoundingPolicy::HalfUp) return Rounding::HalfUp;
  const FundsRow& total = form.row(FundsRowId::Total);
  for (const Number* reported : {&total.score, &total.rate}) {
    if (!reported->ok()) continue;
    for (Rounding r : {Rounding::Truncate, Rounding::HalfUp}) {
      const auto v = reported == &total.score ? budget_score_of(total, weight, r)
                                              : rate_of(total, r);
      if (v && *v == reported->value) return r;
    }
  }
  return Rounding::Truncate;
}

}  // namespace

void recompute(const Form& form, const Options& options, Recomputed& out) {
  out.funds_weight = form.funds_weight.ok() ? form.funds_weight.value : Decimal::of(10, 2);
  out.rounding = resolve(form, options.rounding, out.funds_weight);
  for (FundsRowId id : kFundsRows) {
    const auto i = static_cast<std::size_t>(id);
    out.rate[i] = rate_of(form.row(id), out.rounding);
    out.rate_other[i] = rate_of(form.row(id), other_rounding(out.rounding));
  }
  const FundsRow& total_row = form.row(FundsRowId::Total);
  out.budget_score = budget_score_of(total_row, out.funds_weight, out.rounding);
  out.budget_score_other = budget_score_of(total_row, out.funds_weight, other_rounding(out.rounding));

  out.indicator_weight = Decimal::of(0, kShown);
  out.indicator_score = Decimal::of(0, kShown);
  out.levels.clear();
  // The judgements of the previous form are judged over, so their strings keep their capacity.
  out.judgements.resize(form.indicators.size());
  std::string scratch;
  for (std::size_t i = 0; i < form.indicators.size(); ++i) {
    const Indicator& ind = form.indicators[i];
    judge(ind, out.rounding, out.judgements[i]);
    auto level_named = [&](std::string_view name) {
      return std::find_if(out.levels.begin(), out.levels.end(),
                          [&](const LevelSum& s) { return s.name == name; });
    };
    // Names are stored normalized, so a label written exactly as one needs no normalizing.
    auto it = level_named(ind.level1.value);
    if (it == out.levels.end()) {
      const std::string_view level = normalize_label(ind.level1.value, scratch);
      it = level_named(level);
      if (it == out.levels.end()) {
        out.levels.push_back({std::string(level), Decimal::of(0, kShown), Decimal::of(0, kShown)});
        it = out.levels.end() - 1;
      }
    }
    if (ind.weight.ok()) {
      out.indicator_weight = out.indicator_weight + ind.weight.value;
      it->weight = it->weight + ind.weight.value;
    }
    if (ind.score.ok()) {
      out.indicator_score = out.indicator_score + ind.score.value;
      it->score = it->score + ind.score.value;
    }
  }

  // 总分 = budget score + Σ indicator scores. Without the figures to recompute the
  // budget score, the reported one stands in.
  std::optional<Decimal> budget = out.budget_score;
  if (!budget && total_row.score.ok()) budget = total_row.score.value;
  out.total.reset();
  out.grade.reset();
  if (budget) {
    out.total = (*budget + out.indicator_score).with_digits(kShown);
    out.grade = grade_of(*out.total, options.grades);
  }
}

}  // namespace pes
