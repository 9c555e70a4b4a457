// The twelve seed forms: right totals, and nothing found but what they really contain.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pes;
using namespace pes::test;

TEST_CASE("the twelve seed samples recompute to their printed totals", "[samples]") {
  const char* totals[] = {"99.84", "98.00", "98.97", "98.00", "98.00", "98.80",
                          "99.94", "99.97", "97.98", "98.72", "97.91", "98.49"};
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
    if (n == 11) {
      // 服务市场主体，营造良好的营商环境: 8.00 → 7.00 with the reason cell empty (real data).
      REQUIRE(names == std::vector<std::string>{"deduction-without-reason"});
    } else {
      CHECK(names.empty());
    }
  }
}
