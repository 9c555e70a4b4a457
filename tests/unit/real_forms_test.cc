// Real forms published outside Shanghai (tests/fixtures/real-forms, transcribed by hand into
// pes/1): pes reports exactly the real mistakes each contains, plus what the cut of a partial
// page explains (a missing 总分, weights that add up short), and nothing else.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

FileResult check_real_form(const std::string& name) {
  const std::string text = read_file(std::string(PES_REAL_FORMS_DIR) + "/" + name);
  REQUIRE_FALSE(text.empty());
  return check_text(text);
}

// "rule pointer" of every finding, in the order pes reports them.
std::vector<std::string> found(const FileResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : all_findings(r)) {
    out.push_back(std::string(rule_info(f.rule).name) + " " + f.pointer);
  }
  return out;
}

const Finding& only(const FileResult& r, RuleId id) {
  static thread_local std::vector<Finding> kept;
  kept = of_rule(r, id);
  REQUIRE(kept.size() == 1);
  return kept[0];
}

}  // namespace

TEST_CASE("01 Anhui 2022: a total row of zeros under 90 / 89.974 / 89.974", "[real-forms]") {
  const FileResult r = check_real_form("01-anhui-chizhou-guichi-tangxi-2022.json");
  REQUIRE(r.forms.size() == 1);
  CHECK(found(r) == std::vector<std::string>{
                        "invalid-field /total",     // cut: the page ends in the 满意度 row
                        "invalid-field /grade",     // cut: the national template has 评分等级
                        "weights-sum /indicators",  // cut: no 满意度 indicator
                        "funding-sum-mismatch /funds/total/initial",
                        "funding-sum-mismatch /funds/total/annual",
                        "zero-budget /funds/total/annual",
                        "funding-sum-mismatch /funds/total/executed",
                    });
  // The level-1 labels carry their weight (产出指标(50分)): standard categories, no alarm.
  CHECK(of_rule(r, RuleId::UnknownCategory).empty());
  const auto& levels = r.forms[0].re.levels;
  REQUIRE(levels.size() == 2);
  CHECK(levels[0].name == "产出指标");
  CHECK(levels[0].declared->str() == "50");
  CHECK(levels[1].name == "效益指标");
  CHECK(levels[1].declared->str() == "30");
}

TEST_CASE("03 Yunnan 2022: two deductions with no reason, one of a met target", "[real-forms]") {
  const FileResult r = check_real_form("03-yunnan-lincang-yongde-2022.json");
  REQUIRE(r.forms.size() == 1);
  CHECK(found(r) == std::vector<std::string>{
                        "target-met-deducted /indicators/2/score",
                        "deduction-without-reason /indicators/2/reason",
                        "deduction-without-reason /indicators/5/reason",
                    });
  // ═100% and ≧100% are comparisons; the rest adds up: rate 100, budget 10, 96, 优.
  const Recomputed& re = r.forms[0].re;
  CHECK(re.judgements[2].kind == JudgementKind::Quantitative);
  CHECK(re.judgements[2].met);
  CHECK(re.judgements[5].kind == JudgementKind::Quantitative);
  CHECK_FALSE(re.judgements[5].met);
  CHECK(re.total->str() == "96.00");
  CHECK(*re.grade == Grade::Excellent);
}

TEST_CASE("04 Sichuan 2023: published unscored", "[real-forms]") {
  const FileResult r = check_real_form("04-sichuan-meishan-qingshen-2023.json");
  REQUIRE(r.forms.size() == 1);
  // Every blank the template has a place for is named; the missing grade row is the
  // template's, not a mistake.
  CHECK(found(r) == std::vector<std::string>{
                        "invalid-field /total",
                        "invalid-field /funds/total/score",
                        "invalid-field /indicators/0/actual",
                        "invalid-field /indicators/0/score",
                        "invalid-field /indicators/1/actual",
                        "invalid-field /indicators/1/score",
                    });
  // No total is made up from the blanks.
  CHECK_FALSE(r.forms[0].re.total.has_value());
}

TEST_CASE("05 Hebei 2019: a rate in whole percent, a budget score and an indicator too high",
          "[real-forms]") {
  const FileResult r = check_real_form("05-hebei-langfang-2019.json");
  REQUIRE(r.forms.size() == 1);
  CHECK(found(r) == std::vector<std::string>{
                        "invalid-field /total",  // cut before 总分
                        "invalid-field /grade",  // and before 评分等级
                        "rate-mismatch /funds/total/rate",
                        "budget-score-mismatch /funds/total/score",
                        "score-above-rule /indicators/0/score",
                    });
  const Finding& rate = only(r, RuleId::RateMismatch);
  CHECK(rate.expected == "86.20");
  CHECK(rate.message.en.find("whole percent") != std::string::npos);
  CHECK(only(r, RuleId::BudgetScoreMismatch).expected == "8.62");
  // The 0 cells in the 偏差原因 column are text: no score, no alarm (the cut's two aside).
  CHECK(of_rule(r, RuleId::InvalidField).size() == 2);
}

TEST_CASE("12 Shanxi 2021: five scores above the MoF rule, thirteen deductions with no reason",
          "[real-forms]") {
  const FileResult r = check_real_form("12-shanxi-yuncheng-jishan-2021.json");
  REQUIRE(r.forms.size() == 1);
  std::vector<std::string> above;
  for (const Finding& f : of_rule(r, RuleId::ScoreAboveRule)) {
    above.push_back(f.reported + " vs " + f.expected);
  }
  CHECK(above == std::vector<std::string>{"1.9 vs ≤ 1.69", "1.8 vs ≤ 1.69", "1.8 vs ≤ 1.61",
                                          "1.7 vs ≤ 1.58", "1.8 vs ≤ 1.25"});
  CHECK(of_rule(r, RuleId::DeductionWithoutReason).size() == 13);
  // Partial page (指标7–25): the missing 总分 and 评分等级 and the short weights are the cut's.
  CHECK(of_rule(r, RuleId::InvalidField).size() == 2);
  CHECK(of_rule(r, RuleId::WeightsSum).size() == 1);
  CHECK(all_findings(r).size() == 5 + 13 + 3);
}
