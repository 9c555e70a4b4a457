// The twelve seed forms: right totals, and nothing found but what they really contain.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pes;
using namespace pes::test;

TEST_CASE("the twelve seed samples recompute to their printed totals", "[samples]") {
  const char* totals[] = {"99.84", "98.00", "98.97", "98.00", "98.00", "98.80",
                          "99.94", "99.97", "97.98", "98.72", "97.91", "98.49"};
  // What a careful reviewer notes in the real forms, and nothing else. Every target and actual
  // is read and every indicator judged: no target was missed, every qualitative score lies in
  // its completion's band (the 达成 deductions, e.g. form 4's 健全 15 → 13, stay within
  // 80–100%), no indicator repeats, no units differ. What remains:
  const std::vector<std::string> expected[12] = {
      {},
      // 网络安全产业示范区环境营造认可度: =100.00(%) → 100.00(%) met, yet 15 → 13 (with a reason).
      {"target-met-deducted"},
      {},
      {},
      {},
      {},
      {},
      {},
      // 社会公众知晓度 and 服务群众满意度: ≥90.00(%) → 90.00(%) met, yet 15 → 14 (with reasons).
      {"target-met-deducted", "target-met-deducted"},
      {},
      // 服务市场主体，营造良好的营商环境: 8.00 → 7.00 with the reason cell empty.
      {"deduction-without-reason"},
      // 社保卡设备更新维护完成及时率: ≥90.00(%) → 95.00(%) met, yet 10 → 9.5; 普陀特色社保卡管理
      // 服务体系建设完成度: ≥90(%) → 90.00(%) met, yet 15 → 14 (both with reasons).
      {"target-met-deducted", "target-met-deducted"},
  };
  for (int n = 1; n <= 12; ++n) {
    INFO("form " << n);
    Checker checker(Options{});
    FileResult r;
    checker.check_file(sample_path(n), r);
    REQUIRE(r.opened);
    REQUIRE(r.doc.parsed);
    REQUIRE(r.forms.size() == 1);
    CHECK(r.forms[0].re.total->str() == totals[n - 1]);
    CHECK(r.forms[0].re.rounding == Rounding::Truncate);
    CHECK(r.count(Severity::Error) == 0);
    const auto names = rule_names(r);
    CHECK(names == expected[n - 1]);
    for (const Judgement& j : r.forms[0].re.judgements) {
      CHECK(j.kind != JudgementKind::NotJudged);
      CHECK(j.note.en.empty());
    }
  }
}
