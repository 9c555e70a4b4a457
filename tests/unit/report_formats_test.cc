// The GitHub, JUnit and statistics reporters, --output specs, and atomic output files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "pes/output.h"
#include "pes/output_file.h"
#include "pes/report.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

std::string report(std::string_view format, const std::vector<FileResult>& files, ReportStyle style = {}) {
  std::ostringstream out;
  auto reporter = find_reporter(format)->make(out, style, "");
  Summary summary;
  for (const FileResult& f : files) {
    summary.add(f);
    reporter->file(f);
  }
  reporter->finish(summary);
  return out.str();
}

FileResult checked(const std::string& path, Options options = {}) {
  Checker checker(std::move(options));
  FileResult r;
  checker.check_file(path, r);
  return r;
}

// A finding whose message needs every escape the workflow-command syntax has.
FileResult with_awkward_message() {
  FileResult r = check_text(R"({"year": 2023})");
  r.path = "a,b:c%.json";
  REQUIRE_FALSE(r.forms.empty());
  Finding f;
  f.rule = RuleId::TotalMismatch;
  f.severity = Severity::Notice;
  f.line = 3;
  f.column = 7;
  f.pointer = "/total";
  f.message = {"100% sure: a, b\r\nnext | cell", "中文"};
  r.forms[0].findings = {f};
  r.file_findings.clear();
  return r;
}

}  // namespace

TEST_CASE("github: one workflow command per finding, escaped", "[github]") {
  const std::string out = report("github", {with_awkward_message()});
  CHECK(out ==
        "::notice file=a%2Cb%3Ac%25.json,line=3,col=7,title=pes (total-mismatch)::"
        "100%25 sure: a, b%0D%0Anext | cell\n");
  const std::string warn = report("github", {checked(sample_path(11))});
  CHECK_THAT(warn, Catch::StartsWith("::warning file="));
  CHECK_THAT(warn, Catch::Contains("form11.json,line=168,col=17,title=pes (deduction-without-reason)::"));
  CHECK(report("github", {checked(sample_path(1))}).empty());
  const std::string missing = report("github", {checked("/no/such.json")});
  CHECK_THAT(missing, Catch::StartsWith("::error file=/no/such.json,title=pes::"));
}

TEST_CASE("github: the step summary gets a Markdown table of every finding", "[github]") {
  const auto path = std::filesystem::temp_directory_path() / "pes_step_summary.md";
  std::filesystem::remove(path);
  { std::ofstream(path) << "earlier step\n"; }
  ReportStyle style;
  style.step_summary = path.string();
  report("github", {with_awkward_message(), checked(sample_path(11))}, style);
  const std::string md = read_file(path.string());
  CHECK_THAT(md, Catch::StartsWith("earlier step\n### pes\n"));
  CHECK_THAT(md, Catch::Contains("| file | line | column | severity | rule | message |"));
  CHECK_THAT(md, Catch::Contains("| a,b:c%.json | 3 | 7 | notice | `total-mismatch` | 100% sure: a, b  next \\| cell |"));
  CHECK_THAT(md, Catch::Contains("| 168 | 17 | warning | `deduction-without-reason` |"));
  std::filesystem::remove(path);
  // In Chinese throughout: the counts, the headers and the severities.
  style.chinese = true;
  report("github", {checked(sample_path(11))}, style);
  const std::string zh = read_file(path.string());
  CHECK_THAT(zh, Catch::Contains("1 个文件，1 张表：0 个错误，1 个警告，0 个提示"));
  CHECK_THAT(zh, Catch::Contains("| 文件 | 行 | 列 | 级别 | 规则 | 说明 |"));
  CHECK_THAT(zh, Catch::Contains("| 168 | 17 | 警告 | `deduction-without-reason` |"));
  std::filesystem::remove(path);
  style.chinese = false;
  report("github", {checked(sample_path(1))}, style);
  CHECK_THAT(read_file(path.string()), Catch::Contains("No findings."));
  std::filesystem::remove(path);
}

TEST_CASE("gitlab: an issue per finding, and one for a file that cannot be read", "[gitlab]") {
  const std::string json = report("gitlab", {checked(sample_path(11)), checked("/no/such.json")});
  CHECK_THAT(json, Catch::StartsWith("[\n  {\n    \"type\": \"issue\",\n    \"check_name\": "
                                     "\"deduction-without-reason\""));
  CHECK_THAT(json, Catch::Contains("\"severity\": \"minor\""));
  CHECK_THAT(json, Catch::Contains("\"check_name\": \"unreadable\""));
  CHECK_THAT(json, Catch::Contains("\"severity\": \"critical\""));
  CHECK_THAT(json, Catch::Contains("\"path\": \"/no/such.json\""));
}

TEST_CASE("junit: a finding below --fail-on is a passing test", "[junit]") {
  const std::string xml = report("junit", {checked(sample_path(11))});  // fail-on: error
  CHECK_THAT(xml, Catch::Contains("<testsuites name=\"pes\" tests=\"1\" failures=\"0\" errors=\"0\">"));
  CHECK_THAT(xml, !Catch::Contains("<failure"));
  CHECK_THAT(xml, Catch::Contains("<system-out>"));
  CHECK_THAT(xml, Catch::Contains("deduction-without-reason"));
}

TEST_CASE("junit: suites per file, failures per finding, passes per clean form, errors", "[junit]") {
  const std::string dir = std::string(PES_SOURCE_DIR) + "/tests/golden/";
  Options fail_on_warning;
  fail_on_warning.rules.fail_on = Severity::Warning;
  const std::string xml = report("junit", {checked(sample_path(1)),
                                           checked(sample_path(11), fail_on_warning),
                                           checked(dir + "truncated.json"),
                                           checked("/no/such.json")});
  CHECK_THAT(xml, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pes\""));
  CHECK_THAT(xml, Catch::Contains("tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n    <testcase classname=\""));
  CHECK_THAT(xml, Catch::Contains("name=\"市张江管委会专项发展资金监管经费\"/>"));
  CHECK_THAT(xml, Catch::Contains("<failure type=\"deduction-without-reason\""));
  CHECK_THAT(xml, Catch::Contains("<error type=\"parse-error\""));
  CHECK_THAT(xml, Catch::Contains("<error type=\"unreadable\""));
  CHECK_THAT(xml, Catch::Contains("<testsuites name=\"pes\" tests=\"4\" failures=\"1\" errors=\"2\">"));
  // Stable names: the form, the rule and the field's pointer, no line or column.
  CHECK_THAT(xml, Catch::Contains("name=\"服务经济工作经费: deduction-without-reason /indicators/"));
  FileResult awkward = with_awkward_message();
  awkward.rules.fail_on = Severity::Notice;  // its finding is a notice: fail on it, to see <failure>
  const std::string escaped = report("junit", {awkward});
  CHECK_THAT(escaped, Catch::Contains("message=\"100% sure: a, b&#13;&#10;next | cell\""));
}

TEST_CASE("statistics: findings counted per rule", "[statistics]") {
  Options half_up;
  half_up.rounding = RoundingPolicy::HalfUp;
  std::ostringstream out;
  auto stats = find_reporter("statistics")->make(out, {}, "");
  Summary s;
  for (int n : {1, 11}) {
    FileResult r = checked(sample_path(n), half_up);
    stats->file(r);
  }
  stats->finish(s);
  CHECK_THAT(out.str(), Catch::Contains("    1  deduction-without-reason   warning"));
  CHECK_THAT(out.str(), Catch::Contains("budget-score-mismatch      error"));
  std::ostringstream none;
  auto empty = find_reporter("statistics")->make(none, {}, "");
  empty->finish(s);
  CHECK(none.str() == "statistics: no findings\n");
}

TEST_CASE("output specs: FORMAT[:PATH]", "[output]") {
  CHECK(parse_output_spec("sarif")->reporter->name == "sarif");
  CHECK(parse_output_spec("sarif")->path.empty());
  CHECK(parse_output_spec("sarif:pes.sarif")->path == "pes.sarif");
  CHECK(parse_output_spec("junit:out/a:b.xml")->path == "out/a:b.xml");
  CHECK(parse_output_spec("github:-")->path.empty());
  CHECK_FALSE(parse_output_spec("xml"));
  CHECK_FALSE(parse_output_spec("json:"));
  CHECK_FALSE(parse_output_spec(""));
}

TEST_CASE("output files appear whole on commit, never half-written", "[output]") {
  const auto dir = std::filesystem::temp_directory_path() / "pes_output_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string target = (dir / "report.sarif").string();
  Message error;
  {
    OutputFile f;
    REQUIRE(f.open(target, error));
    f.stream() << "partial";
    CHECK_FALSE(std::filesystem::exists(target));
  }  // dropped without commit
  CHECK(std::filesystem::is_empty(dir));
  {
    OutputFile f;
    REQUIRE(f.open(target, error));
    f.stream() << "whole";
    REQUIRE(f.commit(error));
  }
  CHECK(read_file(target) == "whole");
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);
  OutputFile bad;
  CHECK_FALSE(bad.open((dir / "missing" / "x.json").string(), error));
  CHECK_THAT(error.en, Catch::Contains("missing/x.json"));
  std::filesystem::remove_all(dir);
}
