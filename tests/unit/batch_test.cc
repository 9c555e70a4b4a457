// pes batch: JSON Lines input, the order of results for any number of threads, the summary's
// arithmetic, the tables, and a directory mixing good, bad and unparseable files.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "pes/form_digest.h"
#include "pes/pipeline.h"
#include "pes/report.h"
#include "pes/tables.h"
#include "temp_dir.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;
using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

std::string compact(int sample_number) { return sample(sample_number).dump(); }

FileResult check_lines(const std::string& text) {
  Checker checker(Options{});
  FileResult r;
  r.path = "test.jsonl";
  r.opened = true;
  r.source = Source("test.jsonl", text);
  checker.check_source(r);
  return r;
}

struct Collected {
  std::vector<std::size_t> inputs;
  std::string rows;
  std::string findings;
  std::string problems;  // what pes batch names on standard error
  Summary summary;
};

// The run pes batch makes: the tables as JSON Lines (or CSV), the summary.
Collected run(const std::vector<Input>& inputs, unsigned jobs, std::size_t block = 1 << 20,
              TableFormat format = TableFormat::JsonLines) {
  RunConfig config;
  config.jobs = jobs;
  config.block_bytes = block;
  const std::string table = format == TableFormat::JsonLines ? "t.jsonl" : "t.csv";
  std::ostringstream rows;
  std::ostringstream findings;
  auto forms_table = find_reporter("forms")->make(rows, {}, table);
  auto findings_table = find_reporter("findings")->make(findings, {}, table);
  Collected c;
  run_pipeline(inputs, config, [&](const FileResult& r) {
    c.inputs.push_back(r.input);
    c.summary.add(r);
    forms_table->file(r);
    findings_table->file(r);
    if (!r.opened) c.problems += r.error.en + "\n";
    for (const Finding& f : r.file_findings) c.problems += finding_line(r.path, f, false) + "\n";
  });
  forms_table->finish(c.summary);
  findings_table->finish(c.summary);
  c.rows = rows.str();
  c.findings = findings.str();
  return c;
}

std::string summary_text(const Summary& s, bool chinese) {
  std::ostringstream out;
  ReportStyle style;
  style.chinese = chinese;
  find_reporter("summary")->make(out, style, "")->finish(s);
  return out.str();
}

std::vector<json> lines_of(const std::string& text) {
  std::vector<json> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto nl = text.find('\n', pos);
    out.push_back(json::parse(text.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("JSON Lines: one form a line, numbered and placed by line", "[batch][jsonl]") {
  json bad = sample(3);  // clean but for the rate planted here
  bad["funds"]["total"]["rate"] = "99.00";
  const std::string text =
      compact(1) + "\n\n" + bad.dump() + "\n" + "{\"year\": 2023,\n" + compact(3) + "\n";
  const FileResult r = check_lines(text);
  REQUIRE(r.doc.format == Format::JsonLines);
  REQUIRE(r.doc.forms.size() == 3);
  CHECK(r.doc.forms[0].index == 0);
  CHECK(r.doc.forms[1].index == 1);
  CHECK(r.doc.forms[2].index == 3);  // the broken line is form 2
  CHECK(r.forms[0].findings.empty());
  REQUIRE(r.forms[1].findings.size() == 1);
  CHECK(r.forms[1].findings[0].rule == RuleId::RateMismatch);
  CHECK(r.forms[1].findings[0].line == 3);  // after a blank line
  CHECK(r.forms[1].findings[0].pointer == "/funds/total/rate");
  CHECK(r.forms[2].findings.empty());
  REQUIRE(r.file_findings.size() == 1);
  CHECK(r.file_findings[0].rule == RuleId::ParseError);
  CHECK(r.file_findings[0].form == 2);
  CHECK(r.file_findings[0].line == 4);
  CHECK(r.file_findings[0].message.en.find("not well-formed JSON") == 0);
}

TEST_CASE("JSON Lines: a line that is no object, trailing content, a BOM, CRLF", "[batch][jsonl]") {
  const FileResult r =
      check_lines("\xEF\xBB\xBF" + compact(1) + "\r\n[1,2]\r\n" + compact(1) + " x\r\n");
  REQUIRE(r.doc.forms.size() == 1);
  CHECK(r.forms[0].findings.empty());
  REQUIRE(r.file_findings.size() == 2);
  CHECK(r.file_findings[0].rule == RuleId::InvalidField);
  CHECK(r.file_findings[0].line == 2);
  CHECK(r.file_findings[1].rule == RuleId::ParseError);
  CHECK(r.file_findings[1].line == 3);
}

TEST_CASE("JSON Lines: an empty file has no forms and no findings", "[batch][jsonl]") {
  const FileResult r = check_lines("\n  \n");
  CHECK(r.doc.parsed);
  CHECK(r.doc.forms.empty());
  CHECK(r.file_findings.empty());
}

TEST_CASE("a file with bad lines in several parts is one file not well-formed", "[batch][jsonl]") {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 40; ++i) {
    lines += (i % 10 == 3 ? std::string("{\"year\": 20") : compact(1 + i % 12)) + "\n";
  }
  const std::string many = dir.write("many.jsonl", lines);
  const std::string broken = dir.write("broken.json", "{\"year\": 2023");
  const std::string clean = dir.write("clean.jsonl", compact(1) + "\n");
  for (unsigned jobs : {1u, 2u}) {
    // Parts of some 8 KB: the four bad lines fall in different parts.
    const Collected c = run(
        {{many, Format::JsonLines}, {broken, Format::Json}, {clean, Format::JsonLines}}, jobs,
        8 << 10);
    CHECK(c.summary.files == 3);
    CHECK(c.summary.unparseable == 2);
    CHECK(c.summary.bad_lines == 4);
    CHECK(c.summary.forms == 37);
    CHECK(summary_text(c.summary, false).starts_with(
        "3 files (0 unreadable, 2 not well-formed, with 4 bad lines of JSON Lines), 37 forms"));
    CHECK(summary_text(c.summary, true).starts_with(
        "文件 3 个（无法读取 0，格式错误 2，其中 JSON Lines 坏行 4 行）；自评表 37 张"));
  }
}

TEST_CASE("a block of a file starts at its own line", "[batch][jsonl]") {
  Source s;
  s.assign("x.jsonl", "a\nb\n", 41);
  CHECK(s.locate(0).line == 41);
  CHECK(s.locate(2).line == 42);
}

TEST_CASE("results come back in input order and the same for every number of threads", "[batch]") {
  TempDir dir;
  json bad = sample(1);
  bad["total"] = "90.00";
  std::string lines;
  for (int i = 0; i < 40; ++i) lines += (i % 7 == 3 ? bad.dump() : compact(1 + i % 12)) + "\n";
  for (int i = 0; i < 30; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "f%02d.json", 29 - i);  // created in reverse order
    dir.write(name, i % 5 == 0 ? bad.dump(2) : sample(1 + i % 12).dump(2));
  }
  dir.write("m/many.jsonl", lines);
  const auto inputs = expand_inputs({dir.path.string()});
  REQUIRE(inputs.size() == 31);
  CHECK(inputs[0].path == (dir.path / "f00.json").string());
  CHECK(inputs[29].path == (dir.path / "f29.json").string());
  CHECK(inputs[30].path == (dir.path / "m/many.jsonl").string());
  CHECK(inputs[30].format == Format::JsonLines);

  // Small blocks cut the JSON Lines file into many pieces of work.
  const Collected one = run(inputs, 1, 4096);
  for (unsigned jobs : {2u, 3u, 8u}) {
    const Collected many = run(inputs, jobs, 4096);
    CHECK(many.rows == one.rows);
    CHECK(many.findings == one.findings);
    CHECK(summary_text(many.summary, true) == summary_text(one.summary, true));
  }
  CHECK(std::is_sorted(one.inputs.begin(), one.inputs.end()));
  CHECK(one.inputs.size() > 31);  // the JSON Lines file came in several blocks
  const auto rows = lines_of(one.rows);
  REQUIRE(rows.size() == 70);
  for (int i = 0; i < 40; ++i) {
    const json& row = rows[static_cast<std::size_t>(30 + i)];
    CHECK(row["form"] == i + 1);  // numbered from 1
    CHECK(row["line"] == i + 1);
    CHECK(row["errors"] == (i % 7 == 3 ? 1 : 0));
  }
  CHECK(one.summary.files == 31);
  CHECK(one.summary.forms == 70);
  CHECK(one.summary.forms_with_errors == 6 + 6);
}

TEST_CASE("a JSON Lines line longer than a block is read whole", "[batch]") {
  TempDir dir;
  json big = sample(7);
  big["goals"]["expected"] = std::string(200000, 'x');  // more than the 65,536 bytes of one read
  dir.write("big.jsonl", compact(1) + "\n" + big.dump() + "\n" + compact(2) + "\n");
  const Collected c = run({{(dir.path / "big.jsonl").string(), Format::JsonLines}}, 2, 1024);
  CHECK(c.summary.forms == 3);
  CHECK(c.summary.forms_with_errors == 0);
  const auto rows = lines_of(c.rows);
  REQUIRE(rows.size() == 3);
  CHECK(rows[2]["form"] == 3);  // the third form, numbered from 1
  CHECK(rows[2]["line"] == 3);
}

TEST_CASE("the summary adds exactly per year and department, in 万元", "[batch]") {
  auto form_with = [](const char* dept, const char* annual, const char* executed,
                      const char* unit) {
    json f = sample(1);
    f["department"] = dept;
    f["unit"] = unit;
    f["funds"]["total"]["annual"] = annual;
    f["funds"]["total"]["executed"] = executed;
    return f;
  };
  json earlier = form_with("甲", "12345678.90", "12345678.90", "元");
  earlier["year"] = 2022;
  earlier["project"] = "上年项目";
  const json forms =
      json::array({form_with("甲", "0.10", "0.05", "万元"), form_with("甲", "0.20", "0.10", "万元"),
                   form_with("乙", "1000.00", "999.99", "元"), sample(2), earlier});
  const FileResult r = check_json(forms);
  REQUIRE(r.forms.size() == 5);
  Summary s;
  for (std::size_t i = 0; i < 5; ++i) s.add_form(r.doc.forms[i], r.forms[i], "a.json");
  CHECK(s.forms == 5);
  CHECK(s.duplicates.empty());
  REQUIRE(s.groups.size() == 4);
  const DepartmentTotals& jia = s.groups.at({2023, "甲"});
  CHECK(jia.forms == 2);
  CHECK(jia.annual == *Decimal::parse("0.3").value);  // 0.1 + 0.2, exactly
  CHECK(jia.executed == *Decimal::parse("0.15").value);
  CHECK(jia.rate()->str() == "50.00");
  const DepartmentTotals& yi = s.groups.at({2023, "乙"});
  CHECK(yi.annual == *Decimal::parse("0.1").value);  // 1000 元 = 0.1 万元
  CHECK(yi.executed == *Decimal::parse("0.099999").value);
  CHECK(yi.rate()->str() == "100.00");  // 99.999 rounded half-up
  CHECK(s.groups.at({2023, "上海市普陀区科学技术委员会"}).forms == 1);
  CHECK(s.groups.at({2022, "甲"}).annual == *Decimal::parse("1234.56789").value);
  CHECK(s.year_totals(2023).forms == 4);
  // The edited forms no longer add up: their rates, scores and totals are wrong.
  CHECK(s.forms_with_errors == 4);
  REQUIRE(s.error_forms.size() == 4);
  CHECK(s.error_forms[0].form.file == "a.json");
  CHECK(s.error_forms[0].form.number == 1);
  CHECK(s.error_forms[3].form.number == 5);
  CHECK(s.error_forms[3].form.project == "上年项目");
  CHECK(s.per_rule[static_cast<std::size_t>(RuleId::RateMismatch)] >= 3);
  std::uint64_t graded = 0;
  for (auto g : s.grades) graded += g;
  CHECK(graded == 5);
  const std::string text = summary_text(s, true);
  // Years in order, each with its departments; 万元 with 2 decimals and thousands separators.
  const auto y2022 = text.find("  2022 年\t1\t1,234.57\t1,234.57\t100.00%\n    甲\t1\t1,234.57");
  const auto y2023 = text.find("  2023 年\t4\t");
  CHECK(y2022 != std::string::npos);
  CHECK(y2023 != std::string::npos);
  CHECK(y2022 < y2023);
  CHECK(text.find("    甲\t2\t0.30\t0.15\t50.00%") > y2023);
  CHECK(text.find("有错误的自评表（4 张）：\n  a.json#1\t") != std::string::npos);
  CHECK(text.find("a.json#5\t上年项目\t错误 ") != std::string::npos);
}

TEST_CASE("the form digest tells values apart by where one ends", "[batch]") {
  json a = sample(1);
  a["project"] = "ab";
  a["implementer"] = "c";
  json b = sample(1);
  b["project"] = "a";
  b["implementer"] = "bc";
  json c = sample(1);
  c["project"] = "ab";
  c["implementer"] = "c";
  c["funds"]["total"]["executed"] = "19.4";
  json d = sample(1);  // a copy of a, its number written with other digits
  d["project"] = "ab";
  d["implementer"] = "c";
  d["funds"]["total"]["annual"] = "19.800";
  const FileResult r = check_json(json::array({a, b, c, d}));
  REQUIRE(r.doc.forms.size() == 4);
  FormDigester digest;
  const FormDigest da = digest(r.doc.forms[0]);
  CHECK(digest(r.doc.forms[1]) != da);
  CHECK(digest(r.doc.forms[2]) != da);
  CHECK(digest(r.doc.forms[3]) == da);
  CHECK(digest(r.doc.forms[0]) == da);  // the buffer kept between calls changes nothing
}

TEST_CASE("a form filed twice is counted once and listed", "[batch]") {
  json other = sample(1);
  other["funds"]["total"]["executed"] = "19.4";  // the same project, year and unit, other figures
  // 19.8 and 19.80 are one value; the copy's money and grade are not counted again.
  json same = sample(1);
  same["funds"]["total"]["annual"] = "19.80";
  const FileResult r = check_json(json::array({sample(1), other, same}));
  REQUIRE(r.forms.size() == 3);
  Summary s;
  for (std::size_t i = 0; i < 3; ++i) s.add_form(r.doc.forms[i], r.forms[i], "b.json");
  CHECK(s.forms == 3);
  CHECK(s.distinct_forms() == 2);
  REQUIRE(s.duplicates.size() == 1);
  CHECK(s.duplicates[0].form.number == 3);
  CHECK(s.duplicates[0].first.number == 1);
  CHECK(s.duplicates[0].first.file == "b.json");
  const DepartmentTotals& d = s.groups.begin()->second;
  CHECK(d.forms == 2);
  CHECK(d.annual == *Decimal::parse("39.6").value);
  std::uint64_t graded = 0;
  for (auto g : s.grades) graded += g;
  CHECK(graded == 2);
  const std::string text = summary_text(s, false);
  CHECK(text.find("3 forms (2 distinct, 1 duplicate)") != std::string::npos);
  CHECK(text.find("duplicate forms, counted once (1):\n  b.json#3 = b.json#1\t") !=
        std::string::npos);
}

TEST_CASE("the summary names so many duplicates and error forms, and counts the rest", "[batch]") {
  json bad = sample(1);
  bad["total"] = 1;
  const FileResult r = check_json(bad);
  Summary s;
  const std::size_t n = Summary::kListed + 3;
  for (std::size_t i = 0; i < n; ++i) s.add_form(r.doc.forms[0], r.forms[0], "c.jsonl");
  CHECK(s.distinct_forms() == 1);
  CHECK(s.duplicate_forms == n - 1);
  CHECK(s.duplicates.size() == Summary::kListed);
  CHECK(s.forms_with_errors == n);
  CHECK(s.error_forms.size() == Summary::kListed);
  const std::string text = summary_text(s, false);
  CHECK(text.find(fmt::format("forms with errors ({}):", n)) != std::string::npos);
  CHECK(text.find("  … and 3 more\n") != std::string::npos);  // error forms
  CHECK(text.find("  … and 2 more\n") != std::string::npos);  // duplicates
}

TEST_CASE("tables: CSV with a BOM and RFC 4180 quoting, JSON Lines", "[batch]") {
  CHECK(form_table_header(TableFormat::Csv)
            .starts_with("\xEF\xBB\xBF"
                         "file,form,line,"));
  CHECK(form_table_header(TableFormat::JsonLines).empty());
  CHECK(table_format_for_path("x/out.JSONL") == TableFormat::JsonLines);
  CHECK(table_format_for_path("out.csv") == TableFormat::Csv);
  json f = sample(1);
  f["project"] = "项目, \"甲\"\n二期";
  const FileResult r = check_json(f);
  std::string csv;
  append_form_row(csv, TableFormat::Csv, "a,b.json", 1, 1, r.doc.forms[0], r.forms[0]);
  CHECK(csv.starts_with(
      "\"a,b.json\",1,1,2023,上海市普陀区科学技术委员会,\"项目, \"\"甲\"\"\n二期\",万元,"));
  CHECK(csv.ends_with(",99.84,99.84,优,优,0,0\r\n"));
  CHECK(csv.find(",万元,19.8,19.5,") != std::string::npos);
  std::string jl;
  append_form_row(jl, TableFormat::JsonLines, "a.json", 1, 1, r.doc.forms[0], r.forms[0]);
  const json row = json::parse(jl);
  CHECK(row["project"] == "项目, \"甲\"\n二期");
  CHECK(row["rate"].dump() == "98.48");
  CHECK(row["grade"] == "优");
}

TEST_CASE("a directory mixing good and bad and unparseable files", "[batch]") {
  TempDir dir;
  json bad = sample(1);
  bad["grade"] = "良";
  dir.write("a-good.json", sample(1).dump(2));
  dir.write("b-bad.json", bad.dump(2));
  dir.write("c-broken.json", "{\"year\": 2023,");
  dir.write("d-lines.jsonl", compact(3) + "\nnot json\n" + bad.dump() + "\n");
  dir.write("e-notes.txt", "not a filing");
  dir.write("sub/f-good.json", sample(3).dump());
  auto inputs = expand_inputs({dir.path.string(), (dir.path / "missing").string()});
  REQUIRE(inputs.size() == 6);  // the .txt file is not read; what is missing is one
  REQUIRE(inputs[5].error.has_value());
  CHECK(inputs[5].error->en.find("missing: cannot open") != std::string::npos);
  inputs.push_back({(dir.path / "gone.json").string(), Format::Json});
  inputs.push_back({(dir.path / "gone.jsonl").string(), Format::JsonLines});
  const Collected c = run(inputs, 2);
  const Summary& s = c.summary;
  CHECK(s.files - s.unreadable == 5);  // read
  CHECK(s.unreadable == 3);
  CHECK(c.problems.find("missing: cannot open") != std::string::npos);
  CHECK(s.unparseable == 2);  // the broken file and the broken line
  CHECK(s.forms == 5);
  CHECK(s.forms_with_errors == 2);
  CHECK(s.per_rule[static_cast<std::size_t>(RuleId::GradeMismatch)] == 2);
  CHECK(s.per_rule[static_cast<std::size_t>(RuleId::ParseError)] == 2);
  CHECK(c.problems.find("c-broken.json:1:") != std::string::npos);
  CHECK(c.problems.find("d-lines.jsonl:2:") != std::string::npos);
  CHECK(c.problems.find("gone.json: cannot open") != std::string::npos);
  CHECK(c.problems.find("gone.jsonl: cannot open") != std::string::npos);
  const auto findings = lines_of(c.findings);
  REQUIRE(findings.size() == 7);  // and a row for each file that cannot be read, in its place
  for (std::size_t i = 4; i < 7; ++i) {
    CHECK(findings[i]["rule"].is_null());
    CHECK(findings[i]["line"].is_null());
    CHECK(findings[i]["severity"] == "error");
    CHECK(findings[i]["message"].get<std::string>().find(": cannot open: ") != std::string::npos);
  }
  CHECK(findings[4]["file"].get<std::string>().ends_with("missing"));
  CHECK(findings[6]["file"].get<std::string>().ends_with("gone.jsonl"));
  CHECK(findings[0]["rule"] == "grade-mismatch");
  CHECK(findings[1]["rule"] == "parse-error");
  CHECK(findings[1]["form"].is_null());
  CHECK(findings[2]["rule"] == "parse-error");
  CHECK(findings[2]["form"] == 2);
  CHECK(findings[2]["line"] == 2);
  CHECK(findings[3]["form"] == 3);
  CHECK(findings[3]["line"] == 3);
}
