#include "pes/recompute.h"

#include <algorithm>

#include "pes/labels.h"

namespace pes {
namespace {

constexpr int kShown = 2;  // decimals a form shows

std::optional<Decimal> rate_of(const FundsRow& row, FieldKey base, Rounding rule) {
  const Number& budget = rate_base_of(row, base);
  if (!row.present || !budget.ok() || !row.executed.ok()) return std::nullopt;
  if (budget.value.is_zero()) return Decimal::of(0, kShown);  // the form shows 0.00
  return mul_div(row.executed.value, Decimal::of(100), budget.value, kShown, rule);
}

std::optional<Decimal> budget_score_of(const FundsRow& row, FieldKey base, Decimal weight,
                                       Rounding rule) {
  const Number& budget = rate_base_of(row, base);
  if (!row.present || !budget.ok() || !row.executed.ok() || budget.value.is_zero()) {
    return std::nullopt;
  }
  if (row.executed.value >= budget.value) return weight.with_digits(kShown);  // capped
  return mul_div(row.executed.value, weight, budget.value, kShown, rule);
}

// Under `auto`, the rounding the filer used, judged from the total row.
Rounding resolve(const Form& form, RoundingPolicy policy, FieldKey base, Decimal weight) {
  if (policy == RoundingPolicy::Truncate) return Rounding::Truncate;
  if (policy == RoundingPolicy::HalfUp) return Rounding::HalfUp;
  const FundsRow& total = form.row(FundsRowId::Total);
  for (const Number* reported : {&total.score, &total.rate}) {
    if (!reported->ok()) continue;
    for (Rounding r : {Rounding::Truncate, Rounding::HalfUp}) {
      const auto v = reported == &total.score ? budget_score_of(total, base, weight, r)
                                              : rate_of(total, base, r);
      if (v && *v == reported->value) return r;
    }
  }
  return Rounding::Truncate;
}

// The level 1 an indicator's label stands for; for a bare weight "(50分)", the one its level 2
// stands under.
std::optional<Level1> category_of(const Indicator& ind, const Level1Label& label) {
  if (label.category) return label.category;
  if (!label.name.empty()) return std::nullopt;
  return only_parent(ind.level2.value);
}

}  // namespace

FieldKey rate_base(const Form& form) {
  if (!form.tmpl.has(FieldKey::RowAnnual)) return FieldKey::RowInitial;
  const FundsRow& total = form.row(FundsRowId::Total);
  if (!total.annual.present() && total.initial.present()) return FieldKey::RowInitial;
  return FieldKey::RowAnnual;
}

const Number& rate_base_of(const FundsRow& row, FieldKey base) {
  return base == FieldKey::RowInitial ? row.initial : row.annual;
}

void recompute(const Form& form, const Options& options, Recomputed& out) {
  out.rate_base = rate_base(form);
  // The template's 分值, shown with the digits the form writes it with where they agree.
  out.funds_weight = form.funds_weight.ok() && form.funds_weight.value == form.tmpl.budget_weight
                         ? form.funds_weight.value
                         : form.tmpl.budget_weight.with_digits(kShown);
  out.rounding = resolve(form, options.rounding, out.rate_base, out.funds_weight);
  for (FundsRowId id : kFundsRows) {
    const auto i = static_cast<std::size_t>(id);
    out.rate[i] = rate_of(form.row(id), out.rate_base, out.rounding);
    out.rate_other[i] = rate_of(form.row(id), out.rate_base, other_rounding(out.rounding));
  }
  const FundsRow& total_row = form.row(FundsRowId::Total);
  out.budget_score = budget_score_of(total_row, out.rate_base, out.funds_weight, out.rounding);
  out.budget_score_other =
      budget_score_of(total_row, out.rate_base, out.funds_weight, other_rounding(out.rounding));

  out.indicator_weight = Decimal::of(0, kShown);
  out.indicator_score = Decimal::of(0, kShown);
  out.levels.clear();
  bool scores_complete = true;
  // The judgements of the previous form are judged over, so their strings keep their capacity.
  out.judgements.resize(form.indicators.size());
  std::string scratch;
  for (std::size_t i = 0; i < form.indicators.size(); ++i) {
    const Indicator& ind = form.indicators[i];
    judge(ind, out.rounding, out.judgements[i]);
    if (ind.is_sub_item()) continue;  // unscored: in no sum
    auto level_named = [&](std::string_view name) {
      return std::find_if(out.levels.begin(), out.levels.end(),
                          [&](const LevelSum& s) { return s.name == name; });
    };
    // Names are stored as compared, so a standard name written as one needs no parsing; a
    // label written as the first of its level 1 was (a bare "(50分)" on every row) neither.
    auto it = level_named(ind.level1.value);
    if (it == out.levels.end()) {
      it = std::find_if(out.levels.begin(), out.levels.end(), [&](const LevelSum& s) {
        return form.indicators[s.first].level1.value == ind.level1.value;
      });
    }
    if (it == out.levels.end()) {
      const Level1Label label = parse_level1(ind.level1.value);
      const std::optional<Level1> category = category_of(ind, label);
      std::string name = category ? std::string(level1_label(*category))
                         : label.name.empty() ? std::string(normalize_label(ind.level1.value, scratch))
                                              : label.name;
      it = level_named(name);
      if (it == out.levels.end()) {
        out.levels.push_back({std::move(name), category, std::nullopt, i, Decimal::of(0, kShown),
                              Decimal::of(0, kShown), true});
        it = out.levels.end() - 1;
      }
      if (label.declared && !it->declared) it->declared = label.declared;
    }
    if (ind.weight.ok()) {
      out.indicator_weight = out.indicator_weight + ind.weight.value;
      it->weight = it->weight + ind.weight.value;
    } else {
      it->weights_complete = false;
    }
    if (ind.score.ok()) {
      out.indicator_score = out.indicator_score + ind.score.value;
      it->score = it->score + ind.score.value;
    } else {
      scores_complete = false;  // missing or unreadable: the total is unknown
    }
  }

  // 总分 = budget score + Σ indicator scores. Without the figures to recompute the budget
  // score, the reported one stands in; without every indicator's score, there is no total.
  std::optional<Decimal> budget = out.budget_score;
  if (!budget && total_row.score.ok()) budget = total_row.score.value;
  out.total.reset();
  out.grade.reset();
  if (budget && scores_complete) {
    out.total = (*budget + out.indicator_score).with_digits(kShown);
    out.grade = grade_of(*out.total, options.grades);
  }
}

std::vector<FieldRef> unreadable_inputs(const Form& form) {
  std::vector<FieldRef> out;
  const FieldKey base = rate_base(form);
  for (FundsRowId id : kFundsRows) {
    const FundsRow& row = form.row(id);
    if (!row.present) continue;
    if (row.executed.state == FieldState::Invalid) out.push_back({FieldKey::RowExecuted, id, 0});
    if (rate_base_of(row, base).state == FieldState::Invalid) out.push_back({base, id, 0});
  }
  const FundsRow& total = form.row(FundsRowId::Total);
  const bool budget_computable = total.present && total.executed.ok() &&
                                 rate_base_of(total, base).ok();
  if (!budget_computable && total.score.state == FieldState::Invalid) {
    out.push_back({FieldKey::RowScore, FundsRowId::Total, 0});
  }
  for (std::size_t i = 0; i < form.indicators.size(); ++i) {
    const Indicator& ind = form.indicators[i];
    if (!ind.is_sub_item() && ind.score.state == FieldState::Invalid) {
      out.push_back({FieldKey::Score, FundsRowId::Total, static_cast<std::uint32_t>(i)});
    }
  }
  return out;
}

}  // namespace pes
