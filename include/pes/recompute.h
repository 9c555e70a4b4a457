// The engine: recomputes every computed figure of a form exactly. It never prints and judges
// nothing; the rules (pes/rules.h) compare what it computes with what the form reports.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "pes/decimal.h"
#include "pes/form.h"
#include "pes/grade.h"
#include "pes/judgement.h"
#include "pes/labels.h"
#include "pes/options.h"

namespace pes {

/// Σ weights and scores of the indicators under one level 1, in order of first appearance
/// (unscored sub-items aside).
struct LevelSum {
  /// The level 1 as compared: its standard name (产出指标 for 产出指标(50分)), else its label
  /// normalized.
  std::string name;
  /// The standard level 1: from the label, or, for a bare weight "(50分)", from its level 2s.
  std::optional<Level1> category;
  /// The weight the label declares (产出指标(50分): 50), if any of its labels declares one.
  std::optional<Decimal> declared;
  std::size_t first = 0;  ///< its first indicator
  Decimal weight;
  Decimal score;
  bool weights_complete = true;  ///< every weight under it was read
};

/// What pes computes from a form's figures.
struct Recomputed {
  Rounding rounding = Rounding::Truncate;  ///< the rule the values below are rounded by
  /// 执行率 of each funds row (empty when the row or its figures are missing).
  std::array<std::optional<Decimal>, kFundsRowCount> rate;
  /// The same under the other rounding.
  std::array<std::optional<Decimal>, kFundsRowCount> rate_other;
  /// The column the rates divide by: 全年预算数, or 年初预算数 where the form (its template) has
  /// no 全年预算数.
  FieldKey rate_base = FieldKey::RowAnnual;
  /// The budget block's 分值 the budget score is computed with: the template's (10 unless it
  /// says otherwise), whatever the form writes (budget-weight compares them).
  Decimal funds_weight = Decimal::of(10, 2);
  std::optional<Decimal> budget_score;
  std::optional<Decimal> budget_score_other;
  Decimal indicator_weight = Decimal::of(0, 2);
  Decimal indicator_score = Decimal::of(0, 2);
  std::vector<LevelSum> levels;
  /// 总分: empty when a figure it sums is missing or unreadable (never counted as 0).
  std::optional<Decimal> total;
  std::optional<Grade> grade;
  /// One per indicator, in order: its target and actual as read, and their judgement.
  std::vector<Judgement> judgements;

  std::optional<Decimal> rate_of(FundsRowId row) const {
    return rate[static_cast<std::size_t>(row)];
  }
};

/// Recomputes every computed figure of a form.
void recompute(const Form& form, const Options& options, Recomputed& out);

/// The column a form's rates divide by (Recomputed::rate_base).
FieldKey rate_base(const Form& form);
/// A row's value in that column.
const Number& rate_base_of(const FundsRow& row, FieldKey base);

/// The fields a computed one (执行率, 预算执行得分, 总分, 评分等级) is computed from that the
/// form gives but cannot be read: `pes score` refuses a form with any.
std::vector<FieldRef> unreadable_inputs(const Form& form);

}  // namespace pes
