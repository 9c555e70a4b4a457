#include "pes/labels.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>

#include "pes/grade.h"

TEST_CASE("labels compare without white space and with full-width forms folded", "[labels]") {
  CHECK(pes::normalize_label("满意 度指 标") == "满意度指标");
  CHECK(pes::normalize_label("服务 对象 满意 度指 标") == "服务对象满意度指标");
  CHECK(pes::normalize_label("（％）") == "(%)");
  CHECK(pes::normalize_label("\u3000产出指标\u00a0") == "产出指标");
  CHECK(pes::normalize_label("ＡＢＣ１２３") == "ABC123");
}

TEST_CASE("labels with nothing to fold are compared as written, without a copy", "[labels]") {
  for (const char* plain :
       {"产出指标", "验收审计报告完成率", "、。《》【】", "≥95.00(%)", "", "×÷"}) {
    INFO(plain);
    CHECK(pes::is_plain_label(plain));
    std::string scratch = "untouched";
    const std::string_view v = pes::normalize_label(plain, scratch);
    CHECK(v.data() == plain);
    CHECK(scratch == "untouched");
  }
  for (const char* folded :
       {"满意 度", "\t产出", "产出\u3000", "\u00a0产出", "（％）", "ＡＢＣ", "～"}) {
    INFO(folded);
    CHECK_FALSE(pes::is_plain_label(folded));
    std::string scratch;
    CHECK(pes::normalize_label(folded, scratch) == pes::normalize_label(folded));
  }
  CHECK(pes::is_blank_label(""));
  CHECK(pes::is_blank_label(" \u3000\t\u00a0"));
  CHECK_FALSE(pes::is_blank_label(" ！"));
  CHECK_FALSE(pes::is_blank_label("无"));
}

TEST_CASE("a label is blank exactly when it normalises to nothing", "[labels]") {
  // Random texts of the pieces fold() acts on, their near misses (cut short, other trail
  // bytes) and plain characters.
  static constexpr std::string_view kPieces[] = {
      " ",    "\t",     "\r",     "\n",     "\u00a0", "\u3000",   "\xC2", "\xE3\x80",
      "\xE3", "\u3001", "\uff01", "\uff5e", "\uff5f", "\xEF\xBC", "a",    "无"};
  std::mt19937 rng(11);
  for (int k = 0; k < 20000; ++k) {
    std::string text;
    const std::size_t n = rng() % 6;
    for (std::size_t i = 0; i < n; ++i) text += kPieces[rng() % std::size(kPieces)];
    INFO(text);
    CHECK(pes::is_blank_label(text) == pes::normalize_label(text).empty());
  }
}

TEST_CASE("the standard categories", "[labels]") {
  CHECK(pes::find_level1("产出指标") == pes::Level1::Output);
  CHECK_FALSE(pes::find_level1("质量指标").has_value());
  CHECK(pes::level2_parents("质量指标") != 0);
  CHECK(pes::level2_parents("不存在的指标") == 0);
  // As written: matched after folding when the exact bytes miss.
  CHECK(pes::find_level1("产出 指标") == pes::Level1::Output);
  CHECK(pes::find_level1("\u3000满意度指标") == pes::Level1::Satisfaction);
  CHECK(pes::level2_parents("数量\u00a0指标") == pes::level2_parents("数量指标"));
  CHECK_FALSE(pes::find_level1("产出、指标").has_value());
}

TEST_CASE("grades at their boundaries", "[grade]") {
  const pes::GradeScale scale;
  auto g = [&](const char* t) { return pes::grade_of(*pes::Decimal::parse(t).value, scale); };
  CHECK(g("59.99") == pes::Grade::Fail);
  CHECK(g("60.00") == pes::Grade::Pass);
  CHECK(g("79.99") == pes::Grade::Pass);
  CHECK(g("80.00") == pes::Grade::Good);
  CHECK(g("89.99") == pes::Grade::Good);
  CHECK(g("90.00") == pes::Grade::Excellent);
  CHECK(g("100") == pes::Grade::Excellent);
  CHECK(g("0") == pes::Grade::Fail);
  CHECK(pes::parse_grade(" 优 ") == pes::Grade::Excellent);
  CHECK(pes::parse_grade("良好") == pes::Grade::Good);
  CHECK_FALSE(pes::parse_grade("A").has_value());
}
