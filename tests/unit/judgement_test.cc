// Judging indicators against the MoF scoring rules: each rule fires on a form made to break it
// and stays silent on one that does not.
#include <catch2/catch.hpp>

#include "pes/form_writer.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;
using json = nlohmann::ordered_json;

namespace {

// Seed form 1: six indicators, every target met with full marks.
//   0 验收审计报告完成率   ≥95.00(%) → 100.00(%)  15/15
//   4 长效管理制度健全性   健全 → 达成指标        15/15
json form1() { return sample(1); }

std::size_t count(const FileResult& r, RuleId id) { return of_rule(r, id).size(); }

json with(json f, std::size_t i, const char* target, const char* actual, const char* score) {
  f["indicators"][i]["target"] = target;
  f["indicators"][i]["actual"] = actual;
  f["indicators"][i]["score"] = score;
  f["indicators"][i]["reason"] = "原因";
  return f;
}

const Judgement& judgement(const FileResult& r, std::size_t i) {
  REQUIRE(r.forms.size() == 1);
  REQUIRE(r.forms[0].re.judgements.size() > i);
  return r.forms[0].re.judgements[i];
}

Options with_rule(RuleId id, bool on) {
  Options o;
  o.rules.enabled[static_cast<std::size_t>(id)] = on;
  return o;
}

}  // namespace

TEST_CASE("each seed indicator is judged", "[judgement]") {
  const FileResult r = check_json(form1());
  const Judgement& q = judgement(r, 0);
  CHECK(q.kind == JudgementKind::Quantitative);
  CHECK(q.met);
  CHECK_FALSE(q.negative);
  CHECK(q.rule_score->str() == "15.00");
  const Judgement& w = judgement(r, 4);
  CHECK(w.kind == JudgementKind::Qualitative);
  CHECK(w.met);
  CHECK(w.band_low.str() == "12.00");
  CHECK(w.band_high.str() == "15.00");
}

TEST_CASE("an unreadable cell is said so and not judged", "[judgement]") {
  const FileResult r = check_json(with(form1(), 0, "见附件", "90.00(%)", "15"));
  const Judgement& j = judgement(r, 0);
  CHECK(j.kind == JudgementKind::NotJudged);
  CHECK(j.note.en == "the target (年度指标值) “见附件” could not be read");
  CHECK(j.note.zh == "年度指标值“见附件”无法识别");
  CHECK(count(r, RuleId::TargetMissedFullScore) == 0);
  const FileResult empty_actual = check_json(with(form1(), 0, "≥95%", "", "15"));
  const Judgement& k = judgement(empty_actual, 0);
  CHECK(k.kind == JudgementKind::NotJudged);
  CHECK(k.note.en == "no actual (实际完成值) given");
}

TEST_CASE("target-missed-full-score", "[rules][judgement]") {
  SECTION("a missed quantitative target with full marks") {
    const FileResult r = check_json(with(form1(), 0, "≥95.00(%)", "90.00(%)", "15.00"));
    const auto found = of_rule(r, RuleId::TargetMissedFullScore);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].pointer == "/indicators/0/score");
    CHECK(found[0].reported == "15.00");
    CHECK(found[0].message.en ==
          "“验收审计报告完成率” missed its target (≥95.00(%) → 90.00(%)) yet scored the full 15.0");
    // The same indicator is not reported twice.
    CHECK(count(r, RuleId::ScoreAboveRule) == 0);
  }
  SECTION("a qualitative 部分达成 with full marks") {
    const FileResult r = check_json(with(form1(), 4, "健全", "部分达成", "15"));
    CHECK(count(r, RuleId::TargetMissedFullScore) == 1);
    CHECK(count(r, RuleId::QualitativeBand) == 0);
  }
  SECTION("silent where the rule itself gives the full weight, rounded either way") {
    // 15 × 94.99 ÷ 95 = 14.998…: 14.99 truncated, 15.00 half-up.
    const FileResult r = check_json(with(form1(), 0, "≥95.00(%)", "94.99(%)", "15"));
    CHECK_FALSE(judgement(r, 0).met);
    CHECK(count(r, RuleId::TargetMissedFullScore) == 0);
    CHECK(count(r, RuleId::ScoreAboveRule) == 0);
    // > 95 against 95 is missed, yet 15 × 95 ÷ 95 is the full weight.
    const FileResult s = check_json(with(form1(), 0, ">95.00(%)", "95.00(%)", "15"));
    CHECK_FALSE(judgement(s, 0).met);
    CHECK(count(s, RuleId::TargetMissedFullScore) == 0);
  }
  SECTION("silent when the target was met, or points were taken") {
    CHECK(count(check_json(form1()), RuleId::TargetMissedFullScore) == 0);
    const FileResult r = check_json(with(form1(), 0, "≥95.00(%)", "90.00(%)", "14.21"));
    CHECK(count(r, RuleId::TargetMissedFullScore) == 0);
    CHECK(count(r, RuleId::ScoreAboveRule) == 0);
  }
}

TEST_CASE("score-above-rule", "[rules][judgement]") {
  // 15 × 91 ÷ 95 = 14.368…: 14.36 truncated, 14.37 half-up.
  SECTION("above the rule's score rounded either way") {
    const FileResult r = check_json(with(form1(), 0, "≥95.00(%)", "91.00(%)", "14.38"));
    const auto found = of_rule(r, RuleId::ScoreAboveRule);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].reported == "14.38");
    CHECK(found[0].expected == "≤ 14.37");
    CHECK(found[0].message.en ==
          "“验收审计报告完成率” missed its target (≥95.00(%) → 91.00(%)): the MoF rule gives "
          "14.36 (15.0 × 91.00 ÷ 95.00), but it scored 14.38");
  }
  SECTION("the rule's score rounded either way is not above it") {
    CHECK(count(check_json(with(form1(), 0, "≥95.00(%)", "91.00(%)", "14.37")),
                RuleId::ScoreAboveRule) == 0);
    CHECK(count(check_json(with(form1(), 0, "≥95.00(%)", "91.00(%)", "14.36")),
                RuleId::ScoreAboveRule) == 0);
  }
  SECTION("a negative target scores weight × A ÷ B") {
    // 15 × 90 ÷ 100 = 13.50.
    const FileResult r = check_json(with(form1(), 0, "≤90万元", "100万元", "13.60"));
    const auto found = of_rule(r, RuleId::ScoreAboveRule);
    REQUIRE(found.size() == 1);
    CHECK(found[0].expected == "≤ 13.50");
    CHECK(judgement(r, 0).negative);
    CHECK(count(check_json(with(form1(), 0, "≤90万元", "100万元", "13.50")),
                RuleId::ScoreAboveRule) == 0);
  }
  SECTION("full marks for a missed target speak through target-missed-full-score, unless it is off") {
    const json f = with(form1(), 0, "≥95.00(%)", "90.00(%)", "15");
    CHECK(count(check_json(f), RuleId::ScoreAboveRule) == 0);
    CHECK(count(check_json(f, with_rule(RuleId::TargetMissedFullScore, false)),
                RuleId::ScoreAboveRule) == 1);
  }
  SECTION("silent on the clean seed form") {
    CHECK(count(check_json(form1()), RuleId::ScoreAboveRule) == 0);
  }
}

TEST_CASE("qualitative-band", "[rules][judgement]") {
  SECTION("部分达成 scored inside 达成's band") {
    const FileResult r = check_json(with(form1(), 4, "健全", "部分达成", "13"));
    const auto found = of_rule(r, RuleId::QualitativeBand);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[0].expected == "[7.50, 12.00)");
    CHECK(found[0].message.en ==
          "“长效管理制度健全性” is partial (部分达成), which scores [7.50, 12.00) of 15.0, but it "
          "scored 13");
  }
  SECTION("each band's edges") {
    const auto fires = [](const char* actual, const char* score) {
      return count(check_json(with(form1(), 4, "健全", actual, score)), RuleId::QualitativeBand);
    };
    CHECK(fires("达成指标", "11.99") == 1);
    CHECK(fires("达成指标", "12") == 0);
    CHECK(fires("部分达成", "7.49") == 1);
    CHECK(fires("部分达成", "7.5") == 0);
    CHECK(fires("部分达成", "11.99") == 0);
    CHECK(fires("部分达成", "12") == 1);
    CHECK(fires("未达成", "7.49") == 0);
    CHECK(fires("未达成", "7.5") == 1);
    CHECK(fires("未达成", "0") == 0);
  }
  SECTION("a lower edge is compared at 2 decimals: 80% of 3.33 is 2.664") {
    json f = with(form1(), 4, "健全", "达成指标", "2.66");
    f["indicators"][4]["weight"] = "3.33";
    CHECK(count(check_json(f), RuleId::QualitativeBand) == 0);
    f["indicators"][4]["score"] = "2.65";
    CHECK(count(check_json(f), RuleId::QualitativeBand) == 1);
  }
  SECTION("silent on the seed forms' deductions within 达成's band") {
    CHECK(count(check_json(sample(4)), RuleId::QualitativeBand) == 0);  // 健全 15 → 13
  }
}

TEST_CASE("target-met-deducted", "[rules][judgement]") {
  SECTION("form 2's 认可度: =100.00(%) met, 15 → 13") {
    const FileResult r = check_json(sample(2));
    const auto found = of_rule(r, RuleId::TargetMetDeducted);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::Notice);
    CHECK(found[0].pointer == "/indicators/3/score");
    CHECK(found[0].reported == "13.0");  // as nlohmann re-dumps 13.00
    CHECK(found[0].expected == "15.0");
    CHECK(r.count(Severity::Error) == 0);
  }
  SECTION("silent for full marks, and for a qualitative 达成 within its band") {
    CHECK(count(check_json(form1()), RuleId::TargetMetDeducted) == 0);
    CHECK(count(check_json(sample(4)), RuleId::TargetMetDeducted) == 0);  // 健全 15 → 13
  }
}

TEST_CASE("duplicate-indicator", "[rules][judgement]") {
  json f = form1();
  f["indicators"][1]["level2"] = "数量指标";
  f["indicators"][1]["name"] = "验收审计报告 完成率";  // white space aside, indicator 0's name
  const auto found = of_rule(check_json(f), RuleId::DuplicateIndicator);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Warning);
  CHECK(found[0].pointer == "/indicators/1/name");
  CHECK(found[0].message.en ==
        "“验收审计报告 完成率” appears twice under 数量指标 (indicators 1 and 2)");
  SECTION("the same name under another level 2 is no duplicate") {
    json g = form1();
    g["indicators"][1]["name"] = "验收审计报告完成率";  // under 质量指标
    CHECK(count(check_json(g), RuleId::DuplicateIndicator) == 0);
  }
  SECTION("names written alike: each repeat names the first") {
    json g = form1();
    for (int i : {1, 3}) {
      g["indicators"][i]["level2"] = "数量指标";
      g["indicators"][i]["name"] = "验收审计报告完成率";
    }
    const auto twice = of_rule(check_json(g), RuleId::DuplicateIndicator);
    REQUIRE(twice.size() == 2);
    CHECK(twice[0].pointer == "/indicators/1/name");
    CHECK(twice[0].message.en ==
          "“验收审计报告完成率” appears twice under 数量指标 (indicators 1 and 2)");
    CHECK(twice[1].pointer == "/indicators/3/name");
    CHECK(twice[1].message.en ==
          "“验收审计报告完成率” appears twice under 数量指标 (indicators 1 and 4)");
  }
}

TEST_CASE("level1-weights", "[rules][judgement]") {
  // Form 1 weighs 产出 45, 效益 30, 满意度 15.
  SECTION("off by default") { CHECK(count(check_json(form1()), RuleId::Level1Weights) == 0); }
  SECTION("on, it notes each level 1 off the suggestion") {
    const auto found =
        of_rule(check_json(form1(), with_rule(RuleId::Level1Weights, true)), RuleId::Level1Weights);
    REQUIRE(found.size() == 2);
    CHECK(found[0].severity == Severity::Notice);
    CHECK(found[0].message.en == "产出指标 weighs 45.00; the MoF suggests 50");
    CHECK(found[0].pointer == "/indicators/0/level1");
    CHECK(found[1].message.en == "满意度指标 weighs 15.00; the MoF suggests 10");
  }
  SECTION("on, silent for 50 / 30 / 10") {
    json f = form1();
    f["indicators"][0]["weight"] = 20;
    f["indicators"][0]["score"] = 20;
    f["indicators"][5]["weight"] = 10;
    f["indicators"][5]["score"] = 10;
    CHECK(count(check_json(f, with_rule(RuleId::Level1Weights, true)), RuleId::Level1Weights) == 0);
  }
}

TEST_CASE("unit-mismatch", "[rules][judgement]") {
  const FileResult r = check_json(with(form1(), 0, "≥50个", "96.00(%)", "15"));
  const auto found = of_rule(r, RuleId::UnitMismatch);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Warning);
  CHECK(found[0].pointer == "/indicators/0/actual");
  CHECK(found[0].reported == "%");
  CHECK(found[0].expected == "个");
  CHECK(judgement(r, 0).kind == JudgementKind::NotJudged);
  CHECK(count(r, RuleId::TargetMissedFullScore) == 0);
  SECTION("the same unit spelt two ways is no mismatch") {
    CHECK(count(check_json(with(form1(), 0, "≥90百分比", "95%", "15")), RuleId::UnitMismatch) == 0);
    CHECK(count(check_json(with(form1(), 0, "≤3日", "2天", "15")), RuleId::UnitMismatch) == 0);
  }
}

TEST_CASE("pes score's judgements are read back as the form they annotate", "[judgement]") {
  const FileResult r = check_json(sample(2));
  REQUIRE(r.forms.size() == 1);
  std::string out;
  write_judged_form_json(r.doc.forms[0], r.forms[0].re, false, out);
  const json written = json::parse(out);
  const json& j = written["indicators"][3]["judgement"];
  CHECK(j["target"]["comparison"] == "=");
  CHECK(j["target"]["value"] == "100.00");
  CHECK(j["target"]["unit"] == "%");
  CHECK(j["met"] == true);
  CHECK(j["rule_score"] == "15.00");
  const FileResult again = check_text(out);
  CHECK(rule_names(again) == std::vector<std::string>{"target-met-deducted"});
}

// recompute() judges each form's indicators into the Judgements of the form before: a reused
// Judgement must come out as a fresh one would, whatever it held.
TEST_CASE("a Judgement judged over carries nothing from before", "[judgement]") {
  auto indicator = [](const char* target, const char* actual, const char* weight) {
    Indicator ind;
    ind.target.set(target, 0);
    ind.actual.set(actual, 0);
    ind.weight.set(*Decimal::parse(weight).value, 0);
    return ind;
  };
  const Indicator kinds[] = {
      indicator("≥95.00(%)", "90.00(%)", "15.00"),  // quantitative, missed: rule scores
      indicator("健全", "部分达成", "10.00"),       // qualitative: a band
      indicator("见附件", "100%", "5.00"),          // not judged: a note
      indicator("及时", "及时", "3.33"),            // the same word: achieved
  };
  for (const Indicator& before : kinds) {
    for (const Indicator& now : kinds) {
      Judgement j;
      judge(before, Rounding::HalfUp, j);
      judge(now, Rounding::Truncate, j);
      const Judgement fresh = judge(now, Rounding::Truncate);
      CHECK(j.kind == fresh.kind);
      CHECK(j.note.en == fresh.note.en);
      CHECK(j.note.zh == fresh.note.zh);
      CHECK(j.met == fresh.met);
      CHECK(j.negative == fresh.negative);
      CHECK(j.rule_score == fresh.rule_score);
      CHECK(j.rule_score_other == fresh.rule_score_other);
      CHECK(j.completion == fresh.completion);
      CHECK(j.band_low.str() == fresh.band_low.str());
      CHECK(j.band_high.str() == fresh.band_high.str());
      CHECK(j.band_high_inclusive == fresh.band_high_inclusive);
      CHECK(j.target.kind == fresh.target.kind);
      CHECK(j.target.word == fresh.target.word);
      CHECK(j.actual.kind == fresh.actual.kind);
      CHECK(j.actual.number.str() == fresh.actual.number.str());
      CHECK(j.actual.unit == fresh.actual.unit);
    }
  }
}
