// Rule selection (ruff's semantics) and path globs.
#include <catch2/catch.hpp>

#include "pes/glob.h"
#include "pes/rules.h"
#include "pes/selection.h"

using namespace pes;

namespace {

RuleSettings selected(const std::vector<Selection>& layers) {
  RuleSettings s = RuleSettings::defaults();
  for (const Selection& layer : layers) apply_selection(layer, s);
  return s;
}

std::size_t count_on(const RuleSettings& s) {
  std::size_t n = 0;
  for (bool on : s.enabled) n += on ? 1 : 0;
  return n;
}

std::size_t count_in(RuleGroup g) {
  std::size_t n = 0;
  for (const Rule& r : rules()) n += r.group == g ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("selectors are rule names, group names and ALL", "[selection]") {
  CHECK(is_selector("rate-mismatch"));
  CHECK(is_selector("funds"));
  CHECK(is_selector("indicators"));
  CHECK(is_selector("totals"));
  CHECK(is_selector("structure"));
  CHECK(is_selector("ALL"));
  CHECK_FALSE(is_selector("all"));
  CHECK_FALSE(is_selector("rate-mismatches"));
  Selection s;
  s.ignore = {"funds", "no-such-rule"};
  CHECK(unknown_selector(s) == "no-such-rule");
  s.ignore = {"funds"};
  s.severity = {{"bogus", Severity::Notice}};
  CHECK(unknown_selector(s) == "bogus");
  s.severity.clear();
  CHECK_FALSE(unknown_selector(s));
}

TEST_CASE("select replaces, extend-select adds, ignore removes", "[selection]") {
  Selection only_funds;
  only_funds.select = std::vector<std::string>{"funds"};
  const RuleSettings a = selected({only_funds});
  CHECK(count_on(a) == count_in(RuleGroup::Funds));
  CHECK(a.on(RuleId::RateMismatch));
  CHECK_FALSE(a.on(RuleId::TotalMismatch));

  Selection extend;
  extend.extend_select = {"grade-mismatch"};
  const RuleSettings b = selected({only_funds, extend});
  CHECK(b.on(RuleId::RateMismatch));
  CHECK(b.on(RuleId::GradeMismatch));
  CHECK_FALSE(b.on(RuleId::TotalMismatch));

  // A later select starts again from nothing.
  Selection totals;
  totals.select = std::vector<std::string>{"totals"};
  const RuleSettings c = selected({only_funds, totals});
  CHECK_FALSE(c.on(RuleId::RateMismatch));
  CHECK(c.on(RuleId::TotalMismatch));

  Selection none;
  CHECK(count_on(selected({none})) == count_on(RuleSettings::defaults()));
}

TEST_CASE("the more specific selector wins within a layer", "[selection]") {
  Selection s;
  s.select = std::vector<std::string>{"rate-mismatch"};
  s.ignore = {"funds"};
  RuleSettings r = selected({s});
  CHECK(r.on(RuleId::RateMismatch));  // the rule beats its group
  CHECK(count_on(r) == 1);

  Selection t;
  t.select = std::vector<std::string>{"ALL"};
  t.ignore = {"deduction-without-reason"};
  r = selected({t});
  CHECK(count_on(r) == rules().size() - 1);
  CHECK_FALSE(r.on(RuleId::DeductionWithoutReason));

  // At the same specificity, ignore wins.
  Selection u;
  u.select = std::vector<std::string>{"funds"};
  u.ignore = {"funds"};
  CHECK(count_on(selected({u})) == 0);
}

TEST_CASE("severities: a rule's own beats its group's", "[selection]") {
  Selection s;
  s.severity = {{"over-execution", Severity::Error}, {"funds", Severity::Notice}};
  const RuleSettings r = selected({s});
  CHECK(r.level(RuleId::OverExecution) == Severity::Error);
  CHECK(r.level(RuleId::RateMismatch) == Severity::Notice);
  CHECK(r.level(RuleId::TotalMismatch) == rule_info(RuleId::TotalMismatch).severity);
}

TEST_CASE("globs: * within a segment, ** across", "[glob]") {
  CHECK(glob_match("filings/2022/**", "filings/2022/a.json"));
  CHECK(glob_match("filings/2022/**", "filings/2022/q1/a.json"));
  CHECK_FALSE(glob_match("filings/2022/**", "filings/2023/a.json"));
  CHECK(glob_match("filings/*.json", "filings/a.json"));
  CHECK_FALSE(glob_match("filings/*.json", "filings/x/a.json"));
  CHECK(glob_match("**/*.json", "a.json"));
  CHECK(glob_match("**/*.json", "x/y/a.json"));
  CHECK(glob_match("./samples/form0?.json", "samples/form01.json"));
  CHECK_FALSE(glob_match("samples/form0?.json", "samples/form10.json"));
  CHECK(glob_match("填报/?.json", "填报/表.json"));
  CHECK_FALSE(glob_match("a", "ab"));
}
