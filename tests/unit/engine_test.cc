// Each rule: a form made to break it makes it fire; the clean seed form keeps it silent.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pes;
using namespace pes::test;
using json = nlohmann::ordered_json;

namespace {

// Seed form 1 is clean: 19.50 ÷ 19.80, truncated figures, weights 10 + 90.
json clean() { return sample(1); }

std::size_t count(const FileResult& r, RuleId id) { return of_rule(r, id).size(); }
FileResult clean_result() { return check_json(clean()); }

}  // namespace

TEST_CASE("the clean seed form has no findings", "[engine]") {
  const FileResult r = check_json(clean());
  REQUIRE(r.doc.parsed);
  CHECK(all_findings(r).empty());
  REQUIRE(r.forms.size() == 1);
  CHECK(r.forms[0].re.rate_of(FundsRowId::Total)->str() == "98.48");
  CHECK(r.forms[0].re.budget_score->str() == "9.84");
  CHECK(r.forms[0].re.total->str() == "99.84");
  CHECK(*r.forms[0].re.grade == Grade::Excellent);
}

TEST_CASE("rate-mismatch", "[rules]") {
  json f = clean();
  f["funds"]["total"]["rate"] = "98.50";
  const FileResult r = check_json(f);
  const auto found = of_rule(r, RuleId::RateMismatch);
  REQUIRE(found.size() == 1);
  CHECK(found[0].reported == "98.50");
  CHECK(found[0].expected == "98.48");
  CHECK(found[0].pointer == "/funds/total/rate");
  CHECK(found[0].severity == Severity::Error);
  SECTION("the half-up value is accepted under auto") {
    json g = clean();
    g["funds"]["total"]["annual"] = "19.80";
    g["funds"]["total"]["executed"] = "19.51";  // 98.5353…: 98.53 or 98.54
    g["funds"]["total"]["rate"] = "98.54";
    g["funds"]["total"]["score"] = "9.85";
    g["funds"]["fiscal"]["executed"] = "19.51";
    g["funds"]["fiscal"]["rate"] = "98.53";
    g["total"] = "99.85";
    const FileResult a = check_json(g);
    CHECK(count(a, RuleId::RateMismatch) == 0);
    CHECK(count(a, RuleId::TotalMismatch) == 0);
    Options truncate;
    truncate.rounding = RoundingPolicy::Truncate;
    const FileResult t = check_json(g, truncate);
    CHECK(count(t, RuleId::RateMismatch) == 1);
    CHECK(count(t, RuleId::BudgetScoreMismatch) == 0);  // 9.8535…: 9.85 either way
  }
  SECTION("the message names both roundings under auto") {
    json g = clean();
    g["funds"]["total"]["rate"] = "90.00";
    const auto m = of_rule(check_json(g), RuleId::RateMismatch);
    REQUIRE(m.size() == 1);
    CHECK(m[0].message.en.find("98.48 (truncated)") != std::string::npos);
  }
  SECTION("a sub-row with a zero budget shows 0.00") {
    json g = clean();
    g["funds"]["other"]["rate"] = "5.00";
    const auto m = of_rule(check_json(g), RuleId::RateMismatch);
    REQUIRE(m.size() == 1);
    CHECK(m[0].expected == "0.00");
    CHECK(m[0].pointer == "/funds/other/rate");
  }
}

TEST_CASE("budget-score-mismatch", "[rules]") {
  json f = clean();
  f["funds"]["total"]["score"] = "9.90";
  f["total"] = "99.90";
  const FileResult r = check_json(f);
  const auto found = of_rule(r, RuleId::BudgetScoreMismatch);
  REQUIRE(found.size() == 1);
  CHECK(found[0].expected == "9.84");
  CHECK(count(clean_result(), RuleId::BudgetScoreMismatch) == 0);
  SECTION("half-up policy fails seed form 1, whose figures are truncated") {
    Options o;
    o.rounding = RoundingPolicy::HalfUp;
    const auto h = of_rule(check_json(clean(), o), RuleId::BudgetScoreMismatch);
    REQUIRE(h.size() == 1);
    CHECK(h[0].expected == "9.85");
  }
  SECTION("the score is capped at the weight") {
    json g = clean();
    g["funds"]["total"]["executed"] = "25.00";
    g["funds"]["total"]["rate"] = "126.26";
    g["funds"]["total"]["score"] = "12.62";
    const auto h = of_rule(check_json(g), RuleId::BudgetScoreMismatch);
    REQUIRE(h.size() == 1);
    CHECK(h[0].expected == "10.00");
  }
}

TEST_CASE("funding-sum-mismatch", "[rules]") {
  CHECK(count(clean_result(), RuleId::FundingSumMismatch) == 0);
  // A published 2022 form: total 0 / 0 / 0, fiscal 90 / 89.974 / 89.974.
  json f = clean();
  f["funds"]["total"] = {{"initial", 0}, {"annual", 0}, {"executed", 0}, {"rate", 0}, {"score", 0}};
  f["funds"]["fiscal"] = {{"initial", 90}, {"annual", "89.974"}, {"executed", "89.974"}, {"rate", 100}};
  const auto found = of_rule(check_json(f), RuleId::FundingSumMismatch);
  REQUIRE(found.size() == 3);
  CHECK(found[0].pointer == "/funds/total/initial");
  CHECK(found[1].expected == "89.974");
  SECTION("absent sub-rows are not summed") {
    json g = clean();
    g["funds"].erase("fiscal");
    g["funds"].erase("carryover");
    g["funds"].erase("other");
    CHECK(count(check_json(g), RuleId::FundingSumMismatch) == 0);
  }
}

TEST_CASE("zero-budget", "[rules]") {
  CHECK(count(clean_result(), RuleId::ZeroBudget) == 0);
  json f = clean();
  f["funds"]["total"]["annual"] = 0;
  const FileResult r = check_json(f);
  CHECK(count(r, RuleId::ZeroBudget) == 1);
  CHECK(count(r, RuleId::BudgetScoreMismatch) == 0);  // nothing to compare with
  // Without 全年预算数 the rate is measured against 年初预算数: a 0 there is as bad.
  json g = clean();
  g["funds"]["total"].erase("annual");
  g["funds"]["total"]["initial"] = 0;
  const auto zero = of_rule(check_json(g), RuleId::ZeroBudget);
  REQUIRE(zero.size() == 1);
  CHECK(zero[0].pointer == "/funds/total/initial");
  // A missing budget is a missing field, not a zero one.
  g["funds"]["total"].erase("initial");
  CHECK(count(check_json(g), RuleId::ZeroBudget) == 0);
}

TEST_CASE("over-execution", "[rules]") {
  CHECK(count(clean_result(), RuleId::OverExecution) == 0);
  json f = clean();
  f["funds"]["total"]["executed"] = "20.00";
  const auto found = of_rule(check_json(f), RuleId::OverExecution);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Warning);
  CHECK(found[0].pointer == "/funds/total/executed");
}

TEST_CASE("weights-sum", "[rules]") {
  CHECK(count(clean_result(), RuleId::WeightsSum) == 0);
  json f = clean();
  f["indicators"][0]["weight"] = 10;
  f["indicators"][0]["score"] = 10;
  const auto found = of_rule(check_json(f), RuleId::WeightsSum);
  REQUIRE(found.size() == 1);
  CHECK(found[0].reported == "95.00");
  CHECK(found[0].expected == "100.00");
}

TEST_CASE("score-out-of-range", "[rules]") {
  CHECK(count(clean_result(), RuleId::ScoreOutOfRange) == 0);
  json f = clean();
  f["indicators"][2]["score"] = 17;
  json g = clean();
  g["indicators"][3]["score"] = -1;
  g["indicators"][3]["reason"] = "x";
  const auto above = of_rule(check_json(f), RuleId::ScoreOutOfRange);
  REQUIRE(above.size() == 1);
  CHECK(above[0].pointer == "/indicators/2/score");
  CHECK(count(check_json(g), RuleId::ScoreOutOfRange) == 1);
}

TEST_CASE("total-mismatch", "[rules]") {
  CHECK(count(clean_result(), RuleId::TotalMismatch) == 0);
  json f = clean();
  f["total"] = "99.85";
  const auto found = of_rule(check_json(f), RuleId::TotalMismatch);
  REQUIRE(found.size() == 1);
  CHECK(found[0].expected == "99.84");
  CHECK(found[0].pointer == "/total");
}

TEST_CASE("grade-mismatch at the boundaries", "[rules]") {
  CHECK(count(clean_result(), RuleId::GradeMismatch) == 0);
  // Bring the total to exactly 89.99 and 90.00 by moving indicator scores.
  auto with_total = [](const char* score0, const char* total, const char* grade) {
    json f = clean();
    f["indicators"][0]["score"] = score0;
    f["indicators"][0]["reason"] = "未完全达标";
    f["total"] = total;
    f["grade"] = grade;
    return check_json(f);
  };
  // 9.84 + 75 + 5.15 = 89.99 → 良
  CHECK(count(with_total("5.15", "89.99", "优"), RuleId::GradeMismatch) == 1);
  CHECK(count(with_total("5.15", "89.99", "良"), RuleId::GradeMismatch) == 0);
  // 9.84 + 75 + 5.16 = 90.00 → 优
  CHECK(count(with_total("5.16", "90.00", "优"), RuleId::GradeMismatch) == 0);
  CHECK(count(with_total("5.16", "90.00", "良"), RuleId::GradeMismatch) == 1);
  const auto g = of_rule(with_total("5.15", "89.99", "优"), RuleId::GradeMismatch);
  REQUIRE(g.size() == 1);
  CHECK(g[0].expected == "良");
}

TEST_CASE("deduction-without-reason", "[rules]") {
  CHECK(count(clean_result(), RuleId::DeductionWithoutReason) == 0);
  json f = clean();
  f["indicators"][1]["score"] = 13;
  f["total"] = "98.84";
  const auto found = of_rule(check_json(f), RuleId::DeductionWithoutReason);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Warning);
  CHECK(found[0].pointer == "/indicators/1/reason");
  f["indicators"][1]["reason"] = "  ";
  CHECK(count(check_json(f), RuleId::DeductionWithoutReason) == 1);
  f["indicators"][1]["reason"] = "报告延迟";
  CHECK(count(check_json(f), RuleId::DeductionWithoutReason) == 0);
}

TEST_CASE("unknown-category", "[rules]") {
  CHECK(count(clean_result(), RuleId::UnknownCategory) == 0);
  json f = clean();
  f["indicators"][1]["level1"] = "质量指标";  // a level-2 name, as seed form 7 extracts
  f["indicators"][3]["level2"] = "数量指标";  // under 效益指标
  f["indicators"][5]["level2"] = "幸福指标";
  const auto found = of_rule(check_json(f), RuleId::UnknownCategory);
  REQUIRE(found.size() == 3);
  CHECK(found[0].pointer == "/indicators/1/level1");
  CHECK(found[1].pointer == "/indicators/3/level2");
  CHECK(found[2].pointer == "/indicators/5/level2");
  json g = clean();
  g["indicators"][5]["level1"] = "满意 度指 标";  // split label: still standard
  CHECK(count(check_json(g), RuleId::UnknownCategory) == 0);
}

TEST_CASE("invalid-field: missing required fields and unreadable values", "[rules]") {
  CHECK(count(clean_result(), RuleId::InvalidField) == 0);
  for (const char* key : {"year", "project", "indicators", "total"}) {
    json f = clean();
    f.erase(key);
    INFO(key);
    const auto found = of_rule(check_json(f), RuleId::InvalidField);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.en.find("missing") != std::string::npos);
  }
  {
    // 评分等级 is required only of a form whose template has it.
    json f = clean();
    f.erase("grade");
    CHECK(count(check_json(f), RuleId::InvalidField) == 0);
    f["template"] = "项目支出绩效自评表";
    const auto found = of_rule(check_json(f), RuleId::InvalidField);
    REQUIRE(found.size() == 1);
    CHECK(found[0].pointer == "/grade");
  }
  {
    // An indicator's actual, and the total row's amount spent, are required; a blank one is
    // as missing.
    json f = clean();
    f["indicators"][0]["actual"] = "";
    f["funds"]["total"].erase("executed");
    const auto found = of_rule(check_json(f), RuleId::InvalidField);
    REQUIRE(found.size() == 2);
    CHECK(found[0].pointer == "/funds/total/executed");
    CHECK(found[1].pointer == "/indicators/0/actual");
  }
  {
    // 年初预算数 may stand in for 全年预算数, but one of them is required.
    json f = clean();
    f["funds"]["total"].erase("annual");
    CHECK(count(check_json(f), RuleId::InvalidField) == 0);
    f["funds"]["total"].erase("initial");
    const auto found = of_rule(check_json(f), RuleId::InvalidField);
    REQUIRE(found.size() == 1);
    CHECK(found[0].pointer == "/funds/total/annual");
  }
  json f = clean();
  f["funds"]["total"]["annual"] = "19,80";
  const FileResult r = check_json(f);
  const auto bad = of_rule(r, RuleId::InvalidField);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].pointer == "/funds/total/annual");
  CHECK(bad[0].reported == "19,80");
  // The form still gets every check that does not need the bad field.
  CHECK(count(r, RuleId::WeightsSum) == 0);
  CHECK(r.forms[0].re.indicator_score.str() == "90.00");
  SECTION("negative amounts and unknown grades") {
    json g = clean();
    g["funds"]["carryover"]["initial"] = -5;
    g["grade"] = "A";
    const auto n = of_rule(check_json(g), RuleId::InvalidField);
    REQUIRE(n.size() == 2);
    CHECK(n[0].pointer == "/funds/carryover/initial");
    CHECK(n[1].pointer == "/grade");
  }
}

TEST_CASE("settings switch rules off and change their severity", "[engine]") {
  json f = clean();
  f["total"] = "99.85";
  Options o;
  o.rules.enabled[static_cast<std::size_t>(RuleId::TotalMismatch)] = false;
  CHECK(count(check_json(f, o), RuleId::TotalMismatch) == 0);
  Options w;
  w.rules.severity[static_cast<std::size_t>(RuleId::TotalMismatch)] = Severity::Warning;
  const auto found = of_rule(check_json(f, w), RuleId::TotalMismatch);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Warning);
}
