// The one table of rules: names, groups, severities, texts and checks. Help, `pes rule`,
// the README's rule table and SARIF's rule list are all generated from it.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "pes/finding.h"

namespace pes {

struct CheckContext;
class FindingSink;
using CheckFn = void (*)(const CheckContext&, FindingSink&);

enum class RuleGroup : std::uint8_t { Funds, Indicators, Totals, Structure };
std::string_view group_name(RuleGroup g);  ///< "funds", "indicators", "totals", "structure"

/// A text in English and Chinese.
struct Bilingual {
  std::string_view en;
  std::string_view zh;
  std::string_view in(bool chinese) const { return chinese ? zh : en; }
};

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

}  // namespace pes
