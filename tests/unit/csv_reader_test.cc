// Reading CSV as finance offices export it, and a clear message for every way it can be broken.
#include "pes/csv_reader.h"

#include <catch2/catch.hpp>

#include "pes/csv_columns.h"
#include "pes/csv_writer.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

FileResult check_csv(const std::string& text, TextEncoding encoding = TextEncoding::Auto) {
  Checker checker(Options{});
  checker.readers().set_encoding(encoding);
  FileResult r;
  r.path = "test.csv";
  r.opened = true;
  r.source = Source("test.csv", text);
  checker.check_source(r);
  return r;
}

Finding only_parse_error(const FileResult& r) {
  REQUIRE_FALSE(r.doc.parsed);
  REQUIRE(r.forms.empty());
  REQUIRE(r.file_findings.size() == 1);
  CHECK(r.file_findings[0].rule == RuleId::ParseError);
  return r.file_findings[0];
}

const std::string kHeader =
    "项目名称,年度,全年预算数,年初预算数,全年执行数,执行率,预算执行得分,一级指标,"
    "二级指标,三级指标,实际完成值,分值,得分,偏差原因分析及改进措施,总分,评分等级\n";
// A correct form of two indicators: budget 10 of 10, indicators 45 + 45.
const std::string kForm =
    "项目甲,2023,10,10,10,100.00,10.00,产出指标,数量指标,完成率,100%,45,45,,100.00,优\n"
    ",,,,,,,,质量指标,达标率,100%,45,45,,,\n";

}  // namespace

TEST_CASE("a clean CSV form reads and checks clean", "[csv]") {
  const FileResult r = check_csv(kHeader + kForm);
  REQUIRE(r.doc.parsed);
  REQUIRE(r.forms.size() == 1);
  CHECK(all_findings(r).empty());
  const Form& f = r.doc.forms[0];
  CHECK(f.project.value == "项目甲");
  CHECK(f.year.value == 2023);
  REQUIRE(f.indicators.size() == 2);
  // A blank level1 cell is the same as the row above; the blank form cells are merged cells.
  CHECK(f.indicators[1].level1.value == "产出指标");
  CHECK(f.indicators[1].level2.value == "质量指标");
  CHECK(f.total.value.str() == "100.00");
  CHECK(r.forms[0].re.total->str() == "100.00");
}

TEST_CASE("a new form starts where project, year or implementer change", "[csv]") {
  const std::string other =
      "项目乙,2023,10,10,10,100.00,10.00,产出指标,数量指标,完成率,100%,45,45,,100.00,优\n"
      ",,,,,,,,质量指标,达标率,100%,45,45,,,\n";
  const std::string next_year =
      "项目乙,2024,10,10,10,100.00,10.00,产出指标,数量指标,完成率,100%,45,45,,100.00,优\n"
      "项目乙,2024,,,,,,,质量指标,达标率,100%,45,45,,,\n";
  const FileResult r = check_csv(kHeader + kForm + other + next_year);
  REQUIRE(r.forms.size() == 3);
  CHECK(all_findings(r).empty());
  CHECK(r.doc.forms[1].project.value == "项目乙");
  CHECK(r.doc.forms[2].year.value == 2024);
  CHECK(r.doc.forms[2].indicators.size() == 2);
  // The level above never carries over into the next form.
  const FileResult orphan = check_csv(
      kHeader + kForm + "项目乙,2023,10,10,10,100.00,10.00,,数量指标,完成率,100%,90,90,,100.00,优\n");
  REQUIRE(orphan.forms.size() == 2);
  CHECK(orphan.doc.forms[1].indicators[0].level1.state == FieldState::Missing);
  CHECK(of_rule(orphan, RuleId::InvalidField).size() == 1);
}

TEST_CASE("form cells that disagree within a form name both lines", "[csv]") {
  const std::string rows =
      "项目甲,2023,10,10,10,100.00,10.00,产出指标,数量指标,完成率,100%,45,45,,100.00,优\n"
      "项目甲,2023,10,10,10,100.0,10.00,,质量指标,达标率,100%,45,45,,99.00,优\n";
  const FileResult r = check_csv(kHeader + rows);
  REQUIRE(r.forms.size() == 1);
  const auto bad = of_rule(r, RuleId::InvalidField);
  REQUIRE(bad.size() == 1);  // 100.0 and 100.00 are the same number; 99.00 is not 100.00
  CHECK(bad[0].message.en ==
        "总分: line 3 has “99.00”, but line 2 of the same form has “100.00”; a form's own cells "
        "must agree on every row (or be left blank after its first row)");
  CHECK(bad[0].line == 3);
  CHECK(bad[0].pointer == "总分");
  CHECK(bad[0].reported == "99.00");
  CHECK(bad[0].expected == "100.00");
}

TEST_CASE("quoted cells: commas, doubled quotes and line breaks", "[csv]") {
  const std::string rows =
      "项目甲,2023,10,10,10,100.00,10.00,产出指标,数量指标,\"完成率, 含\"\"验收\"\"\",100%,45,44,"
      "\"第一行,\n第二行\r\n第三行\",99.00,优\n"
      ",,,,,,,,质量指标,达标率,100%,45,45,,,\n";
  const FileResult r = check_csv(kHeader + rows);
  REQUIRE(r.doc.parsed);
  const Form& f = r.doc.forms.at(0);
  CHECK(f.indicators[0].name.value == "完成率, 含\"验收\"");
  CHECK(f.indicators[0].reason.value == "第一行,\n第二行\r\n第三行");
  CHECK(of_rule(r, RuleId::DeductionWithoutReason).empty());
  // The next row starts on line 5: the reason took lines 2 to 4.
  CHECK(f.indicators[1].offset == (kHeader + rows).find(",,,,,,,,质量指标"));
  CHECK(all_findings(r).empty());
}

TEST_CASE("numbers as people type them, and unreadable ones", "[csv]") {
  const std::string rows =
      "项目甲,2023,\"1,000.00\",\"1,000.00\",\"1,000.00\",100.00%,10.00,产出指标,数量指标,完成率,"
      "100%,45,四十五,,100.00,优\n";
  const FileResult r = check_csv(kHeader + rows);
  CHECK(r.doc.forms.at(0).row(FundsRowId::Total).annual.value.str() == "1000.00");
  const auto bad = of_rule(r, RuleId::InvalidField);
  REQUIRE_FALSE(bad.empty());
  CHECK(bad[0].message.en == "indicators[0].score: “四十五” is not a number; write it in digits");
  CHECK(bad[0].pointer == "得分");
  const FileResult year = check_csv(
      kHeader +
      "项目甲,二〇二三,10,10,10,100.00,10.00,产出指标,数量指标,完成率,100%,90,90,,100.00,优\n");
  CHECK(of_rule(year, RuleId::InvalidField).at(0).pointer == "年度");
}

TEST_CASE("encodings: UTF-8 with and without BOM, GB18030, forced", "[csv]") {
  const std::string utf8 = kHeader + kForm;
  std::string gb;
  std::size_t bad = 0;
  REQUIRE(utf8_to_gb18030(utf8, gb, bad));
  for (const std::string& text : {utf8, std::string(kUtf8Bom) + utf8, gb}) {
    const FileResult r = check_csv(text);
    REQUIRE(r.forms.size() == 1);
    CHECK(r.doc.forms[0].project.value == "项目甲");
    CHECK(all_findings(r).empty());
  }
  CHECK(check_csv(gb, TextEncoding::Gb18030).forms.size() == 1);
  const Finding forced = only_parse_error(check_csv(gb, TextEncoding::Utf8));
  CHECK(forced.message.en.find("is not valid UTF-8") != std::string::npos);
  // Findings in a GB18030 file are placed by character, like in UTF-8.
  REQUIRE(utf8_to_gb18030(
      utf8 + "项目乙,2023,10,10,10,100.00,10.00,产出指标,数量指标,完成率,100%,90,80,原因,100.00,优\n",
      gb, bad));
  const FileResult gbr = check_csv(gb);
  const auto total = of_rule(gbr, RuleId::TotalMismatch);
  REQUIRE(total.size() == 1);
  CHECK(total[0].line == 4);
  CHECK(total[0].column == 60);  // in characters, not GB18030 bytes
}

TEST_CASE("bytes in neither encoding name their line and value", "[csv]") {
  std::string text = kHeader + kForm;
  text.insert(text.find("质量指标"), "\xFF");
  const Finding f = only_parse_error(check_csv(text));
  CHECK(f.line == 3);
  CHECK(f.message.en.starts_with("line 3: byte 0xFF cannot be read as UTF-8 or GBK/GB18030"));
  CHECK(f.message.zh.starts_with("第 3 行：字节 0xFF"));

  const Finding bom = only_parse_error(check_csv(std::string(kUtf8Bom) + "a\n\xCF\xEE"));
  CHECK(bom.line == 2);
  CHECK(bom.message.en ==
        "line 2: byte 0xCF is not valid UTF-8, which the file's byte-order mark declares");

  const Finding utf16 = only_parse_error(check_csv("\xFF\xFEp\0r\0"));
  CHECK(utf16.message.en.find("UTF-16") != std::string::npos);
}

TEST_CASE("bad CSV gets one parse error with its line, never a crash", "[csv]") {
  SECTION("ragged row") {
    const Finding f = only_parse_error(check_csv(kHeader + kForm + "项目甲,2023,多,一格\n"));
    CHECK(f.line == 4);
    CHECK(f.message.en.starts_with("line 4 has 4 cells, but the header (line 1) has 16"));
  }
  SECTION("unknown header") {
    std::string h = kHeader;
    h.replace(h.find("预算执行得分"), std::string("预算执行得分").size(), "备注");
    const Finding f = only_parse_error(check_csv(h + kForm));
    CHECK(f.line == 1);
    CHECK(f.message.en.starts_with("unknown column “备注” in the header (column 7)"));
  }
  SECTION("a column named twice") {
    const Finding f = only_parse_error(check_csv("项目名称,project\n甲,甲\n"));
    CHECK(f.message.en == "the header names column “项目名称” twice (columns 1 and 2)");
  }
  SECTION("a value under no header") {
    const Finding f = only_parse_error(check_csv("项目名称,\n甲,\n乙,x\n"));
    CHECK(f.line == 3);
    CHECK(f.message.en == "line 3, column 2 has a value, but its column has no header");
  }
  SECTION("unterminated quote") {
    const Finding f = only_parse_error(check_csv(kHeader + kForm + "项目乙,\"2023,1\n2\n"));
    CHECK(f.line == 4);
    CHECK(f.message.en.find("never ends (unterminated quote)") != std::string::npos);
  }
  SECTION("a quote inside an unquoted cell") {
    const Finding f = only_parse_error(check_csv(kHeader + "项目\"甲\",2023\n"));
    CHECK(f.line == 2);
    CHECK(f.message.en.starts_with(
        "not well-formed CSV: line 2 has a quote inside an unquoted cell"));
  }
  SECTION("a quoted cell that swallows lines up to the next quote") {
    const Finding f =
        only_parse_error(check_csv(kHeader + "项目甲,\"2023,10\n项目甲,2023,\"x\"y\n"));
    CHECK(f.line == 2);
    CHECK(f.message.en.find("is a closing quote missing on line 2?") != std::string::npos);
  }
  SECTION("empty, blank and header-only files") {
    for (const char* text : {"", "\n\n", ",,,\r\n,,\r\n", "\xEF\xBB\xBF"}) {
      const Finding f = only_parse_error(check_csv(text));
      CHECK(f.message.en.starts_with("the file is empty"));
    }
    const FileResult header_only = check_csv(kHeader);
    CHECK(header_only.doc.parsed);
    CHECK(header_only.forms.empty());
  }
  SECTION("blank rows are skipped, not ragged") {
    const FileResult r = check_csv(kHeader + ",,\n" + kForm + "\n,,,,,,,,,,,,,,\n");
    REQUIRE(r.doc.parsed);
    CHECK(r.forms.size() == 1);
  }
}

TEST_CASE("headers: Chinese label or pes/1 name, white space and case aside", "[csv]") {
  REQUIRE(find_csv_column("三级指标") != nullptr);
  CHECK(find_csv_column("三级指标")->name == "name");
  CHECK(find_csv_column(" 三级 指标 ")->name == "name");
  CHECK(find_csv_column("Fiscal_Rate")->header == "当年财政拨款执行率");
  CHECK(find_csv_column("年度资金总额执行率")->name == "rate");
  CHECK(find_csv_column("备注") == nullptr);
  CHECK(find_csv_column("") == nullptr);
  // Every column is found by both of its names.
  for (const CsvColumn& c : csv_columns()) {
    CHECK(find_csv_column(c.header) == &c);
    CHECK(find_csv_column(c.name) == &c);
  }
}

TEST_CASE("cells are quoted only when they must be", "[csv]") {
  auto cell = [](std::string_view s) {
    std::string out;
    append_csv_cell(out, s);
    return out;
  };
  CHECK(cell("9.80") == "9.80");
  CHECK(cell("") == "");
  CHECK(cell("a,b") == "\"a,b\"");
  CHECK(cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(cell("two\nlines") == "\"two\nlines\"");
  CHECK(cell(" edge") == "\" edge\"");
}

TEST_CASE("damaged CSV never crashes the reader", "[csv]") {
  const std::string good = read_file(std::string(PES_SOURCE_DIR) + "/samples/filings.csv");
  std::uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  const char specials[] = {',', '"', '\n', '\r', '\xFF', '\x80', '\0', ' '};
  for (int i = 0; i < 300; ++i) {
    std::string text = good.substr(0, 4000 + next() % 4000);
    for (int k = 0; k < 3; ++k) {
      const std::size_t at = next() % text.size();
      text[at] = (next() % 2 == 0) ? specials[next() % sizeof specials] : static_cast<char>(next());
    }
    const FileResult r = check_csv(text);
    for (const Finding& f : all_findings(r)) {
      CHECK(f.line >= 1);
      CHECK_FALSE(f.message.en.empty());
    }
  }
}
