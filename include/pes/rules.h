// The one table of rules: names, groups, severities, texts and checks. Help, `pes rule`,
// the README's rule table and SARIF's rule list are all generated from it.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include <vector>

#include "pes/finding.h"
#include "pes/options.h"
#include "pes/recompute.h"

namespace pes {

/// What every check sees: the form as read, what the engine recomputed, the settings.
struct CheckContext {
  const Form& form;
  const Recomputed& re;
  const Options& options;
};

using CheckFn = void (*)(const CheckContext&, FindingSink&);

enum class RuleGroup : std::uint8_t { Funds, Indicators, Totals, Structure };
std::string_view group_name(RuleGroup g);  ///< "funds", "indicators", "totals", "structure"


struct Rule {
  RuleId id;
  std::string_view name;  ///< stable id, e.g. "rate-mismatch"
  RuleGroup group;
  Severity severity;  ///< default severity
  bool enabled;       ///< on by default
  Bilingual summary;  ///< one line: when it fires
  Bilingual why;      ///< why it matters
  Bilingual example;  ///< a form that breaks it, and how to mend it
  CheckFn check;      ///< null for rules the readers apply
};

std::span<const Rule> rules();
const Rule& rule_info(RuleId id);
std::optional<RuleId> find_rule(std::string_view name);

/// Runs every enabled rule's check over a recomputed form, appending to `out`.
void check(const CheckContext& ctx, std::vector<Finding>& out);

/// Gives each finding the severity its rule has under the settings and drops the findings of
/// rules that are off. Keeps the order.
void apply_settings(const RuleSettings& settings, std::vector<Finding>& findings);

}  // namespace pes
