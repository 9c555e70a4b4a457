// pes.toml: every key, every kind of bad config (with its line), and resolution per path.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "pes/config.h"
#include "pes/rules.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

ConfigFile parsed(const std::string& text) {
  ConfigFile out;
  ConfigError error;
  INFO(text);
  const bool ok = parse_config(text, "/repo/pes.toml", out, error);
  INFO(error.describe(false));
  REQUIRE(ok);
  return out;
}

ConfigError refused(const std::string& text) {
  ConfigFile out;
  ConfigError error;
  INFO(text);
  REQUIRE_FALSE(parse_config(text, "/repo/pes.toml", out, error));
  return error;
}

}  // namespace

TEST_CASE("the issue's example config reads, with every key", "[config]") {
  const ConfigFile c = parsed(R"(rounding = "half-up"            # auto | truncate | half-up
fail-on = "warning"
select = ["ALL"]
extend-select = ["funds"]
ignore = ["score-out-of-range", "over-execution"]
max-warnings = 3
[grades]                        # lower bounds, inclusive
优 = 90
良 = 80.5
中 = "60"
[severity]
deduction-without-reason = "error"
[[overrides]]
paths = ["filings/2022/**"]
rounding = "truncate"
[[overrides]]
paths = ["old/*.json", "legacy/**"]
fail-on = "error"
select = ["funds"]
[overrides.severity]
rate-mismatch = "info"
[overrides.grades]
优 = 85
)");
  CHECK(c.base.rounding == RoundingPolicy::HalfUp);
  CHECK(c.base.fail_on == Severity::Warning);
  REQUIRE(c.base.rules.select);
  CHECK(*c.base.rules.select == std::vector<std::string>{"ALL"});
  CHECK(c.base.rules.extend_select == std::vector<std::string>{"funds"});
  CHECK(c.base.rules.ignore.size() == 2);
  CHECK(c.max_warnings == 3u);
  CHECK(c.base.excellent->str() == "90");
  CHECK(c.base.good->str() == "80.5");  // read from the file's text, not through a double
  CHECK(c.base.pass->str() == "60");
  REQUIRE(c.base.rules.severity.size() == 1);
  CHECK(c.base.rules.severity[0].first == "deduction-without-reason");
  CHECK(c.base.rules.severity[0].second == Severity::Error);
  REQUIRE(c.overrides.size() == 2);
  CHECK(c.overrides[0].paths == std::vector<std::string>{"filings/2022/**"});
  CHECK(c.overrides[0].settings.rounding == RoundingPolicy::Truncate);
  CHECK(c.overrides[1].settings.fail_on == Severity::Error);
  CHECK(c.overrides[1].settings.excellent->str() == "85");
  CHECK(c.overrides[1].settings.rules.severity.size() == 1);
}

TEST_CASE("notice is the lowest level; info, its former name, is still read", "[config]") {
  for (const char* name : {"notice", "info"}) {
    const ConfigFile c = parsed(fmt::format("fail-on = \"{0}\"\n[severity]\nrate-mismatch = \"{0}\"\n", name));
    CHECK(c.base.fail_on == Severity::Notice);
    REQUIRE(c.base.rules.severity.size() == 1);
    CHECK(c.base.rules.severity[0].second == Severity::Notice);
  }
  CHECK(severity_name(Severity::Notice) == "notice");
  const ConfigError e = refused("fail-on = \"fatal\"\n");
  CHECK_THAT(e.message.en, Catch::Contains("\"notice\""));
}

TEST_CASE("a quoted grade key is the same key", "[config]") {
  const ConfigFile c = parsed("[grades]\n\"优\" = 95\n");
  CHECK(c.base.excellent->str() == "95");
}

TEST_CASE("a bad config names the line and column at fault", "[config]") {
  struct Case {
    const char* text;
    std::uint32_t line;
    std::uint32_t column;
    const char* says;
  };
  const Case cases[] = {
      {"rounding = \"half-up\"\nselect = [\"ALL\"\n", 2, 17, "TOML syntax"},
      {"rounding = \"half-up\"\ncolour = \"red\"\n", 2, 1, "unknown key “colour”"},
      {"rounding = \"nearest\"\n", 1, 12, "rounding must be"},
      {"fail-on = \"fatal\"\n", 1, 11, "fail-on must be"},
      {"\nselect = [\"funds\", \"no-such-rule\"]\n", 2, 20, "unknown rule or group “no-such-rule”"},
      {"ignore = \"funds\"\n", 1, 10, "array of strings"},
      {"max-warnings = -1\n", 1, 16, "max-warnings"},
      {"[severity]\nrate-mismatch = \"fatal\"\n", 2, 17, "a severity must be"},
      {"[severity]\nrate-mismatchh = \"error\"\n", 2, 1, "unknown rule or group “rate-mismatchh”"},
      {"[grades]\n优 = 101\n", 2, 5, "from 0 to 100"},
      {"[grades]\n优秀 = 90\n", 2, 1, "unknown grade"},
      {"[grades]\n优 = 70\n良 = 80\n", 1, 1, "优 > 良 > 中"},
      {"[[overrides]]\nrounding = \"truncate\"\n", 1, 1, "needs paths"},
      {"[[overrides]]\npaths = []\n", 2, 9, "at least one glob"},
      {"[[overrides]]\npaths = [\"a/**\"]\nmax-warnings = 1\n", 3, 1, "top level"},
      {"[[overrides]]\npaths = [\"a/**\"]\nselct = [\"ALL\"]\n", 3, 1, "unknown key “selct”"},
      {"overrides = 1\n", 1, 13, "array of tables"},
  };
  for (const Case& c : cases) {
    const ConfigError e = refused(c.text);
    INFO(c.text << " → " << e.describe(false));
    CHECK(e.line == c.line);
    CHECK(e.column == c.column);
    CHECK_THAT(e.message.en, Catch::Contains(c.says));
    CHECK_FALSE(e.message.zh.empty());
    CHECK(e.describe(false).starts_with("/repo/pes.toml:" + std::to_string(c.line) + ":"));
  }
}

TEST_CASE("find_config walks up from the current folder", "[config]") {
  const auto root = std::filesystem::temp_directory_path() / "pes_config_test";
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "a" / "b");
  const auto none = find_config(root / "a" / "b");
  CHECK((!none || !none->string().starts_with(root.string())));
  std::ofstream(root / "pes.toml") << "rounding = \"truncate\"\n";
  const auto found = find_config(root / "a" / "b");
  REQUIRE(found);
  CHECK(*found == root / "pes.toml");
  std::ofstream(root / "a" / "pes.toml") << "rounding = \"half-up\"\n";
  CHECK(*find_config(root / "a" / "b") == root / "a" / "pes.toml");

  ConfigFile c;
  ConfigError e;
  REQUIRE(load_config(*find_config(root / "a" / "b"), c, e));
  CHECK(c.base.rounding == RoundingPolicy::HalfUp);
  CHECK_FALSE(load_config(root / "missing.toml", c, e));
  CHECK_THAT(e.describe(false), Catch::Contains("missing.toml: cannot read"));
  std::filesystem::remove_all(root);
}

TEST_CASE("flags beat overrides, which beat the config's top level", "[config]") {
  const ConfigFile c = parsed(R"(rounding = "half-up"
ignore = ["over-execution"]
[[overrides]]
paths = ["filings/2022/**"]
rounding = "truncate"
fail-on = "warning"
[overrides.grades]
优 = 95
)");
  SettingsLayer none;
  const Settings s(c, none, std::nullopt, "/repo");
  const FileSettings plain = s.for_path("samples/form01.json");
  CHECK(plain.options.rounding == RoundingPolicy::HalfUp);
  CHECK(plain.fail_on == Severity::Error);
  CHECK_FALSE(plain.options.rules.on(RuleId::OverExecution));
  const FileSettings old = s.for_path("filings/2022/q1/x.json");
  CHECK(old.options.rounding == RoundingPolicy::Truncate);
  CHECK(old.fail_on == Severity::Warning);
  CHECK(old.options.grades.excellent.str() == "95");
  CHECK_FALSE(old.options.rules.on(RuleId::OverExecution));
  // An absolute path and one from another folder resolve against the config's folder.
  CHECK(s.for_path("/repo/filings/2022/x.json").options.rounding == RoundingPolicy::Truncate);
  const Settings from_sub(c, none, std::nullopt, "/repo/filings");
  CHECK(from_sub.for_path("2022/x.json").options.rounding == RoundingPolicy::Truncate);
  CHECK(from_sub.for_path("../filings/2023/x.json").options.rounding == RoundingPolicy::HalfUp);
  CHECK(s.for_path("-").options.rounding == RoundingPolicy::HalfUp);

  SettingsLayer flags;
  flags.rounding = RoundingPolicy::Auto;
  flags.rules.extend_select = {"over-execution"};
  const Settings f(c, flags, 7, "/repo");
  CHECK(f.for_path("filings/2022/x.json").options.rounding == RoundingPolicy::Auto);
  CHECK(f.for_path("x.json").options.rules.on(RuleId::OverExecution));
  CHECK(f.max_warnings() == 7u);
}

TEST_CASE("a config with half-up rounding fails seed form 1, which truncates", "[config]") {
  // Form 1: 19.50 / 19.80 = 98.4848…%; × 10 = 9.848…, printed 9.84 (half-up: 9.85).
  const Settings plain(std::nullopt, {}, std::nullopt, PES_SOURCE_DIR);
  Checker a(plain.for_path("samples/form01.json").options);
  FileResult r;
  a.check_file(sample_path(1), r);
  CHECK(r.count(Severity::Error) == 0);

  const Settings half_up(parsed("rounding = \"half-up\"\n"), {}, std::nullopt, PES_SOURCE_DIR);
  Checker b(half_up.for_path("samples/form01.json").options);
  b.check_file(sample_path(1), r);
  CHECK(r.count(Severity::Error) > 0);
  const auto scores = of_rule(r, RuleId::BudgetScoreMismatch);
  REQUIRE(scores.size() == 1);
  CHECK(scores[0].reported == "9.84");
  CHECK(scores[0].expected == "9.85");
}
