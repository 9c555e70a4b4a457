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
#include "pes/options.h"

namespace pes {

/// Σ weights and scores of the indicators under one level 1, in order of first appearance.
struct LevelSum {
  std::string name;  ///< normalized level-1 name
  Decimal weight;
  Decimal score;
};

/// What pes computes from a form's figures.
struct Recomputed {
  Rounding rounding = Rounding::Truncate;  ///< the rule the values below are rounded by
  /// 执行率 of each funds row (empty when the row or its figures are missing).
  std::array<std::optional<Decimal>, 4> rate;
  /// The same under the other rounding.
  std::array<std::optional<Decimal>, 4> rate_other;
  Decimal funds_weight = Decimal::of(10, 2);
  std::optional<Decimal> budget_score;
  std::optional<Decimal> budget_score_other;
  Decimal indicator_weight = Decimal::of(0, 2);
  Decimal indicator_score = Decimal::of(0, 2);
  std::vector<LevelSum> levels;
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

}  // namespace pes
