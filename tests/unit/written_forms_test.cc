// What filers write on real forms outside the seed template: each rule fires on the mistake and
// stays silent on the variation that is no mistake.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pes;
using namespace pes::test;
using json = nlohmann::ordered_json;

namespace {

// Seed form 1: correct, budget 9.84 of 10, indicators 45 / 30 / 15 under three level 1s.
json clean() { return sample(1); }

std::size_t count(const FileResult& r, RuleId id) { return of_rule(r, id).size(); }

}  // namespace

TEST_CASE("budget-weight: the budget row's 分值 is the template's", "[rules][real]") {
  CHECK(count(check_json(clean()), RuleId::BudgetWeight) == 0);
  json f = clean();
  f["funds"]["weight"] = 100;  // a Hubei form: 分值 100 on the budget row
  const FileResult r = check_json(f);
  const auto found = of_rule(r, RuleId::BudgetWeight);
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/funds/weight");
  CHECK(found[0].expected == "10");
  // The budget score is computed with the template's 10, so it is still right; the weights
  // sum counts the 10 too: one slip, one finding.
  CHECK(r.forms[0].re.budget_score->str() == "9.84");
  CHECK(rule_names(r) == std::vector<std::string>{"budget-weight"});
}

TEST_CASE("level1-declared-weight: a weight printed in the level-1 label", "[rules][real]") {
  json f = clean();
  for (auto& ind : f["indicators"]) {
    const std::string l1 = ind["level1"];
    if (l1 == "产出指标") ind["level1"] = "产出指标(45分)";
    if (l1 == "效益指标") ind["level1"] = "效 益 指 标 （30分）";  // letter-spaced, full-width
    if (l1 == "满意度指标") ind["level1"] = "(15分)";              // a page that prints only this
  }
  const FileResult ok = check_json(f);
  CHECK(all_findings(ok).empty());  // no unknown-category, no level1-weights of 0.00
  REQUIRE(ok.forms[0].re.levels.size() == 3);
  CHECK(ok.forms[0].re.levels[1].name == "效益指标");
  CHECK(ok.forms[0].re.levels[2].category == Level1::Satisfaction);

  f["indicators"][0]["level1"] = "产出指标(50分)";  // declares 50 over 45
  const auto found = of_rule(check_json(f), RuleId::Level1DeclaredWeight);
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/indicators/0/level1");
  CHECK(found[0].reported == "45.00");
  CHECK(found[0].expected == "50");
}

TEST_CASE("level-2 variants templates print are the standard category", "[rules][real]") {
  json f = clean();
  for (auto& ind : f["indicators"]) {
    const std::string l2 = ind["level2"];
    if (l2 == "服务对象满意度指标") ind["level2"] = "服务对象满意度指标等";
    if (l2 == "社会效益指标") ind["level2"] = "社会效益 指标";
  }
  f["indicators"][0]["level2"] = "成本指标";  // under 产出指标 in the 2019–2022 templates
  CHECK(count(check_json(f), RuleId::UnknownCategory) == 0);
  f["indicators"][1]["level2"] = "质量";
  const auto found = of_rule(check_json(f), RuleId::UnknownCategory);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.en.find("did you mean 质量指标?") != std::string::npos);
}

TEST_CASE("funds rows by other names, and the rows Sichuan adds", "[rules][real]") {
  json f = clean();
  f["funds"]["fiscal"]["label"] = "其中:本年一般公共预算拨款";
  f["funds"]["special_account"] = {
      {"label", "财政专户管理资金"}, {"initial", 1}, {"annual", 1}, {"executed", 1}};
  const auto found = of_rule(check_json(f), RuleId::FundingSumMismatch);
  REQUIRE(found.size() == 3);  // the total does not count the new row in any column
  CHECK(found[1].pointer == "/funds/total/annual");
  CHECK(found[1].expected == "20.8");
  CHECK(found[1].message.en.find("其中:本年一般公共预算拨款 + 上年结转资金 + 财政专户管理资金") !=
        std::string::npos);
  f["funds"]["total"]["initial"] = "10.80";
  f["funds"]["total"]["annual"] = "20.80";
  f["funds"]["total"]["executed"] = "20.50";
  f["funds"]["total"]["rate"] = "98.55";
  f["funds"]["total"]["score"] = "9.85";
  f["total"] = "99.85";
  f["funds"]["unit_funds"] = json::object();  // a row with no values is no row
  f["funds"]["other"] = {{"label", "其他资金"}};
  const FileResult r = check_json(f);
  CHECK(all_findings(r).empty());
  CHECK_FALSE(r.doc.forms[0].row(FundsRowId::UnitFunds).present);
  CHECK_FALSE(r.doc.forms[0].row(FundsRowId::Other).present);
}

TEST_CASE("a template without 全年预算数: the rate is measured against 年初预算数",
          "[rules][real]") {
  json f = clean();
  for (const char* row : {"total", "fiscal", "carryover", "other"}) {
    f["funds"][row].erase("annual");
    f["funds"][row]["initial"] = f["funds"][row]["executed"];
  }
  f["funds"]["total"]["initial"] = "39.00";  // 19.50 ÷ 39.00 = 50.00%
  f["funds"]["fiscal"]["initial"] = "39.00";
  f["funds"]["total"]["rate"] = "50.00";
  f["funds"]["fiscal"]["rate"] = "50.00";
  f["funds"]["total"]["score"] = "5.00";
  f["total"] = "95.00";
  const FileResult ok = check_json(f);
  CHECK(all_findings(ok).empty());
  CHECK(ok.forms[0].re.rate_base == FieldKey::RowInitial);

  // A 2016 Beijing form: 19.50 ÷ 39.10 = 49.87%, written 50% and scored as 50%.
  f["funds"]["total"]["initial"] = "39.10";
  f["funds"]["fiscal"]["initial"] = "39.10";
  f["funds"]["fiscal"]["rate"] = "49.87";
  const FileResult r = check_json(f);
  const auto rate = of_rule(r, RuleId::RateMismatch);
  REQUIRE(rate.size() == 1);
  CHECK(rate[0].expected == "49.87");
  CHECK(rate[0].message.en.find("(年初预算数)") != std::string::npos);
  CHECK(rate[0].message.en.find("whole percent") != std::string::npos);
  // The budget score 5.00 follows from the 50%: said with the rate, not again on its own.
  CHECK(rate[0].message.en.find("follows from it") != std::string::npos);
  CHECK(count(r, RuleId::BudgetScoreMismatch) == 0);
  CHECK(count(r, RuleId::TotalMismatch) == 1);
}

TEST_CASE("a wrong budget score that does not follow from the rate is its own finding",
          "[rules][real]") {
  json f = clean();
  f["funds"]["total"]["rate"] = "98";  // whole percent
  f["funds"]["total"]["score"] = "9";
  f["total"] = "99.00";
  const FileResult r = check_json(f);
  CHECK(count(r, RuleId::RateMismatch) == 1);
  CHECK(count(r, RuleId::BudgetScoreMismatch) == 1);
}

TEST_CASE("normalized-value: full-width digits are read, with a notice", "[rules][real]") {
  CHECK(count(check_json(clean()), RuleId::NormalizedValue) == 0);
  json f = clean();
  f["indicators"][0]["score"] = "１５.００";
  f["year"] = "２０２３";
  const FileResult r = check_json(f);
  const auto found = of_rule(r, RuleId::NormalizedValue);
  REQUIRE(found.size() == 2);
  CHECK(found[0].severity == Severity::Notice);
  CHECK(found[1].reported == "１５.００");
  CHECK(found[1].expected == "15.00");
  CHECK(r.forms[0].re.total->str() == "99.84");
  CHECK(rule_names(r).size() == 2);
}

TEST_CASE("values as written: 万, 分, 年 and comparison signs", "[rules][real]") {
  json f = clean();
  f["year"] = "2023年";
  f["total"] = "99.84分";
  f["funds"]["fiscal"]["annual"] = "19.80万";  // 万 in a table in 万元: as it is
  f["indicators"][0]["target"] = "═100%";
  f["indicators"][0]["actual"] = "100%";
  f["indicators"][1]["target"] = "≧95%";
  f["indicators"][1]["actual"] = "≥98%";  // an actual written as a bound
  CHECK(all_findings(check_json(f)).empty());

  // 万 in a table in 元 is brought to 元, with a notice; the sum then shows the slip.
  json g = clean();
  g["unit"] = "元";
  for (const char* row : {"total", "fiscal"}) {
    g["funds"][row]["initial"] = 98000;
    g["funds"][row]["annual"] = 198000;
    g["funds"][row]["executed"] = 195000;
  }
  g["funds"]["fiscal"]["annual"] = "19.8万";
  const FileResult r = check_json(g);
  CHECK(rule_names(r) == std::vector<std::string>{"normalized-value"});
  CHECK(r.doc.forms[0].row(FundsRowId::Fiscal).annual.value == Decimal::of(198000));
}

TEST_CASE("any measure word is a unit", "[judgement][real]") {
  json f = clean();
  f["indicators"][0]["target"] = "≥50亩";
  f["indicators"][0]["actual"] = "40亩";
  f["indicators"][0]["score"] = 12;  // 15 × 40 ÷ 50
  f["indicators"][0]["reason"] = "天气";
  f["total"] = "96.84";
  const FileResult r = check_json(f);
  CHECK(all_findings(r).empty());
  CHECK(r.forms[0].re.judgements[0].kind == JudgementKind::Quantitative);
  CHECK(r.forms[0].re.judgements[0].rule_score->str() == "12.00");
}

TEST_CASE("unscored sub-items are kept, not summed", "[rules][real]") {
  json f = clean();
  json sub = f["indicators"][0];
  sub["name"] = "其中：区级验收";
  sub["sub_item"] = true;
  sub.erase("weight");
  sub.erase("score");
  f["indicators"].insert(f["indicators"].begin() + 1, sub);
  const FileResult r = check_json(f);
  CHECK(all_findings(r).empty());
  REQUIRE(r.doc.forms[0].indicators.size() == 7);
  CHECK(r.doc.forms[0].indicators[1].is_sub_item());
  CHECK(r.forms[0].re.indicator_weight.str() == "90.00");
  // Without the flag, a row named 其中… with neither weight nor score is one too.
  f["indicators"][1].erase("sub_item");
  const FileResult unflagged = check_json(f);
  CHECK(all_findings(unflagged).empty());
  CHECK(unflagged.doc.forms[0].indicators[1].is_sub_item());
  // Another name, or a 其中… row that is scored, is an indicator like any other.
  f["indicators"][1]["name"] = "区级验收";
  CHECK(count(check_json(f), RuleId::InvalidField) == 2);
  f["indicators"][1]["name"] = "其中：区级验收";
  f["indicators"][1]["weight"] = 5;
  CHECK(count(check_json(f), RuleId::InvalidField) == 1);  // its score
}

TEST_CASE("hints that mend: a fraction for a percent, 元 for 万元", "[rules][real]") {
  json f = clean();
  f["indicators"][0]["actual"] = "0.985";
  f["indicators"][0]["score"] = 14;
  f["indicators"][0]["reason"] = "原因";
  f["total"] = "98.84";
  const auto above = of_rule(check_json(f), RuleId::ScoreAboveRule);
  REQUIRE(above.size() == 1);
  CHECK(above[0].message.en.find("looks like a fraction: as a percent it is 98.5%") !=
        std::string::npos);

  json g = clean();
  g["funds"]["total"]["initial"] = 98000;
  const auto sum = of_rule(check_json(g), RuleId::FundingSumMismatch);
  REQUIRE(sum.size() == 1);
  CHECK(sum[0].message.en.find("10,000 times their sum") != std::string::npos);
}

TEST_CASE("never a verdict built on a guess: an unreadable score is no 0", "[rules][real]") {
  for (const char* bad : {"十五", "9,70", "１６．０x"}) {
    json f = clean();
    f["indicators"][0]["score"] = bad;
    const FileResult r = check_json(f);
    INFO(bad);
    CHECK(rule_names(r) == std::vector<std::string>{"invalid-field"});
    CHECK_FALSE(r.forms[0].re.total.has_value());
    CHECK(unreadable_inputs(r.doc.forms[0]).size() == 1);
  }
  json f = clean();
  f["indicators"][0]["score"] = "9,70";
  CHECK(of_rule(check_json(f), RuleId::InvalidField)[0].message.en.find("did you mean 9.70?") !=
        std::string::npos);
}

TEST_CASE("a rate written as a fraction of 1 is the same rate, with a notice", "[rules][real]") {
  // clean(): 19.50 ÷ 19.80 = 98.4848…%, shown 98.48.
  for (const char* fraction : {"0.9848", "0.98"}) {
    INFO(fraction);
    json f = clean();
    f["funds"]["total"]["rate"] = fraction;
    const FileResult r = check_json(f);
    CHECK(count(r, RuleId::RateMismatch) == 0);
    const auto notice = of_rule(r, RuleId::NormalizedValue);
    REQUIRE(notice.size() == 1);
    CHECK(notice[0].severity == Severity::Notice);
    CHECK(notice[0].message.en.find("written as a fraction of 1") != std::string::npos);
    CHECK(notice[0].expected == "98.48");
  }
  // Not the rate as a fraction: still a rate-mismatch.
  for (const char* wrong : {"0.9748", "0.9", "0.5"}) {
    INFO(wrong);
    json f = clean();
    f["funds"]["total"]["rate"] = wrong;
    const FileResult r = check_json(f);
    CHECK(count(r, RuleId::RateMismatch) == 1);
    CHECK(count(r, RuleId::NormalizedValue) == 0);
  }
}
