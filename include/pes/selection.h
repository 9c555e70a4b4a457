// Which rules run, and at what severity: selectors (a rule name, a group, or ALL) applied
// the way ruff applies them. Works from the rule table alone, so new rules need nothing here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pes/options.h"

namespace pes {

/// One layer's rule selection: the config's top level, one [[overrides]] entry, or the flags.
struct Selection {
  std::optional<std::vector<std::string>> select;  ///< when set, replaces what came before
  std::vector<std::string> extend_select;          ///< added to what came before
  std::vector<std::string> ignore;                 ///< removed
  std::vector<std::pair<std::string, Severity>> severity;  ///< selector → severity, in order

  bool empty() const {
    return !select && extend_select.empty() && ignore.empty() && severity.empty();
  }
};

/// True if `name` is a rule name, a group name (funds, indicators, totals, structure) or ALL.
bool is_selector(std::string_view name);

/// Every selector: ALL, the groups, then the rules, in table order.
std::vector<std::string_view> selector_names();

/// "unknown rule or group “x” (did you mean “y”?) …", in both languages.
Message unknown_selector_message(std::string_view name);

/// The first selector in `selection` that names no rule or group, if any.
std::optional<std::string> unknown_selector(const Selection& selection);

/// Applies one layer to `settings`. Within a layer, more specific selectors win (a rule over
/// its group over ALL), and at the same specificity `ignore` wins over `select`; a layer with
/// `select` starts from nothing, one without starts from what the layers before it chose.
/// Severities apply in the same order of specificity. Unknown selectors are skipped.
void apply_selection(const Selection& selection, RuleSettings& settings);

}  // namespace pes
