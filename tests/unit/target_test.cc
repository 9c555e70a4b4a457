// Reading 年度指标值 and 实际完成值: real spellings from the seed forms, their PDF extraction
// and the MoF's filling notes, and what pes makes of each.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "pes/judgement.h"
#include "pes/target.h"
#include "test_support.h"

using namespace pes;

namespace {

struct Case {
  const char* text;
  ValueKind kind;
  const char* comparison;  // comparison_ascii
  const char* number;      // Decimal::str, "" when none
  const char* unit;        // canonical unit, or the completion's name
};

constexpr ValueKind Q = ValueKind::Quantity;
constexpr ValueKind W = ValueKind::Qualitative;
constexpr ValueKind C = ValueKind::Completion;
constexpr ValueKind U = ValueKind::Unreadable;
constexpr ValueKind E = ValueKind::Empty;

const Case kCases[] = {
    // Seed forms (samples/form01..12.json), target column.
    {"≥95.00(%)", Q, ">=", "95.00", "%"},
    {"=100.00(%)", Q, "=", "100.00", "%"},
    {"≥90.00(%)", Q, ">=", "90.00", "%"},
    {"≥80.00(%)", Q, ">=", "80.00", "%"},
    {">90.00(%)", Q, ">", "90.00", "%"},
    {"≥90(%)", Q, ">=", "90", "%"},
    // Seed forms, actual column.
    {"100.00(%)", Q, "", "100.00", "%"},
    {"98.00(%)", Q, "", "98.00", "%"},
    {"95.00(%)", Q, "", "95.00", "%"},
    {"90.00(%)", Q, "", "90.00", "%"},
    {"80.00(%)", Q, "", "80.00", "%"},
    {"达成指标", C, "", "", "achieved"},
    // The seed's PDF extraction (seeds/000_81adb0d8eb5e8cca.txt).
    {"$\\geq 90.00(\\%)$", Q, ">=", "90.00", "%"},
    {"$\\geq 90(\\%)$", Q, ">=", "90", "%"},
    {"$\\geq 90\\%$", Q, ">=", "90", "%"},
    {"$\\leq 30$ 天", Q, "<=", "30", "天"},
    // The reference's and MoF's spellings.
    {">90%", Q, ">", "90", "%"},
    {"≤90万元", Q, "<=", "90", "万元"},
    {"≥50个", Q, ">=", "50", "个"},
    {"≥ 95 %", Q, ">=", "95", "%"},
    {">=95%", Q, ">=", "95", "%"},
    {"<=30天", Q, "<=", "30", "天"},
    {"＞＝95％", Q, ">=", "95", "%"},
    {"≧95％", Q, ">=", "95", "%"},
    {"＜5%", Q, "<", "5", "%"},
    {"＝100%", Q, "=", "100", "%"},
    {"≥90百分比", Q, ">=", "90", "%"},
    {"≥90（%）", Q, ">=", "90", "%"},
    {"≥12次", Q, ">=", "12", "次"},
    {"≥1,000人次", Q, ">=", "1000", "人次"},
    {"≤3,827.50万元", Q, "<=", "3827.50", "万元"},
    {"不低于95%", Q, ">=", "95", "%"},
    {"不超过10个工作日", Q, "<=", "10", "工作日"},
    {"95%以上", Q, ">=", "95", "%"},
    {"3日以内", Q, "<=", "3", "天"},
    {"100%", Q, "", "100", "%"},
    {"4场", Q, "", "4", "场"},
    {"12个月", Q, "", "12", "月"},
    {"满意度≥90%", Q, ">=", "90", "%"},
    {"85", Q, "", "85", ""},
    // Qualitative targets.
    {"及时", W, "", "", ""},
    {"健全", W, "", "", ""},
    {"满意", W, "", "", ""},
    {"有效", W, "", "", ""},
    {"提升", W, "", "", ""},
    {"优化", W, "", "", ""},
    {"较强", W, "", "", ""},
    {"增强", W, "", "", ""},
    {"完善", W, "", "", ""},
    {"可用", W, "", "", ""},
    {"按期完成项目验收、上线运行", W, "", "", ""},
    {"明显提升。", W, "", "", ""},
    {"严格执行相关制度规定", W, "", "", ""},  // any words without a digit (Anhui 2022)
    // No target of its own: a reference elsewhere, a placeholder, a spreadsheet's error value.
    {"详见附件3", U, "", "", ""},
    {"无", U, "", "", ""},
    {"——", U, "", "", ""},
    {"#VALUE!", U, "", "", ""},
    {"#N/A", U, "", "", ""},
    // Completions in the actual column.
    {"达成预期指标", C, "", "", "achieved"},
    {"达成年度指标", C, "", "", "achieved"},
    {"已完成", C, "", "", "achieved"},
    {"部分达成", C, "", "", "partial"},
    {"部分达成指标", C, "", "", "partial"},
    {"基本达成", C, "", "", "partial"},
    {"未达成", C, "", "", "not-achieved"},
    {"未达成指标", C, "", "", "not-achieved"},
    {"达 成 指 标", C, "", "", "achieved"},
    // What pes does not read: said so, and not judged.
    {"", E, "", "", ""},
    {"   ", E, "", "", ""},
    {"见附件", U, "", "", ""},
    {"完成率100%", U, "", "", ""},
    {"≥90%%", U, "", "", ""},
    {"≥90 bananas", U, "", "", ""},
    {"19,80%", U, "", "", ""},
    {"≤3天以上", U, "", "", ""},
    {"2023年12月底前", U, "", "", ""},
};

}  // namespace

TEST_CASE("targets and actuals as people write them", "[target]") {
  STATIC_REQUIRE(sizeof(kCases) / sizeof(kCases[0]) >= 40);
  for (const Case& c : kCases) {
    INFO("text: “" << c.text << "”");
    const IndicatorValue v = parse_indicator_value(c.text);
    REQUIRE(value_kind_name(v.kind) == value_kind_name(c.kind));
    if (c.kind == ValueKind::Quantity) {
      CHECK(comparison_ascii(v.comparison) == c.comparison);
      CHECK(v.number.str() == c.number);
      CHECK(v.unit == c.unit);
    } else if (c.kind == ValueKind::Completion) {
      CHECK(completion_name(v.completion) == c.unit);
    } else if (c.kind == ValueKind::Qualitative) {
      CHECK_FALSE(v.word.empty());
    }
  }
}

TEST_CASE("every target and actual of the seed samples is read", "[target][samples]") {
  std::size_t cells = 0;
  for (int n = 1; n <= 12; ++n) {
    const auto form = pes::test::sample(n);
    for (const auto& ind : form["indicators"]) {
      for (const char* column : {"target", "actual"}) {
        const std::string text = ind[column].get<std::string>();
        INFO("form " << n << ", " << column << " “" << text << "”");
        const ValueKind k = parse_indicator_value(text).kind;
        CHECK((k == ValueKind::Quantity || k == ValueKind::Qualitative ||
               k == ValueKind::Completion));
        ++cells;
      }
    }
  }
  CHECK(cells == 2 * 120);
}

// judge() reads targets and actuals through a per-thread cache (they repeat across forms): what
// it reads must be what parse_indicator_value() reads, on a miss, on a hit, after the cache
// has started over, and for texts too long to keep.
TEST_CASE("judge reads each cell as parse_indicator_value does, however often it saw it",
          "[target][judgement]") {
  auto same = [](const IndicatorValue& a, const IndicatorValue& b) {
    return a.kind == b.kind && a.comparison == b.comparison && a.number == b.number &&
           a.number.digits() == b.number.digits() && a.unit == b.unit && a.word == b.word &&
           a.completion == b.completion;
  };
  auto check = [&](const std::string& text) {
    INFO("text: “" << text << "”");
    Indicator ind;
    ind.target.set(text, 0);
    ind.actual.set(text, 0);
    const Judgement j = judge(ind, Rounding::Truncate);
    const IndicatorValue want = parse_indicator_value(text);
    CHECK(same(j.target, want));
    CHECK(same(j.actual, want));
  };
  std::vector<std::string> texts;
  for (const Case& c : kCases) texts.emplace_back(c.text);
  texts.emplace_back("按期完成年度各项工作任务，服务对象满意度较上年度有明显提升，制度健全有效");
  for (int round = 0; round < 2; ++round) {
    for (const std::string& t : texts) check(t);
  }
  for (int i = 0; i < 5000; ++i) check("≥" + std::to_string(i) + ".5(%)");  // more than it keeps
  for (const std::string& t : texts) check(t);
}
