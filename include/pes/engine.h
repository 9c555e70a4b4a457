// The engine: recomputes a form exactly and runs the rules over it. It never prints.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "pes/decimal.h"
#include "pes/finding.h"
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

/// What every check sees.
struct CheckContext {
  const Form& form;
  const Recomputed& re;
  const Options& options;
};

/// Collects the findings of one form.
class FindingSink {
 public:
  FindingSink(std::uint32_t form, std::vector<Finding>& out) : form_(form), out_(out) {}
  /// Adds a finding at a field; its severity is set later from the settings.
  Finding& add(RuleId rule, FieldRef field, std::uint64_t offset, Message message,
               std::string reported = {}, std::string expected = {});

 private:
  std::uint32_t form_;
  std::vector<Finding>& out_;
};

/// Runs every enabled rule over a recomputed form, appending to `out`.
void check(const CheckContext& ctx, std::vector<Finding>& out);

/// Gives each finding the severity its rule has under the settings and drops the
/// findings of rules that are off. Keeps the order.
void apply_settings(const RuleSettings& settings, std::vector<Finding>& findings);

}  // namespace pes
