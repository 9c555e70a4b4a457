// CSV that is safe to open in a spreadsheet, and what a spreadsheet did to a CSV: formula-like
// texts written behind an apostrophe and read back exactly, error values, unreadable targets,
// one edited identity cell, numbers as a Chinese-locale spreadsheet saves them.
#include <catch2/catch.hpp>

#include "pes/csv_writer.h"
#include "pes/form_writer.h"
#include "pes/readers.h"
#include "pes/spreadsheet.h"
#include "pes/writers.h"
#include "read_support.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

FileResult check_csv(const std::string& text) {
  Checker checker(Options{});
  FileResult r;
  r.path = "test.csv";
  r.opened = true;
  r.source = Source("test.csv", text);
  checker.check_source(r);
  return r;
}


const std::string kHeader =
    "项目名称,年度,全年预算数,年初预算数,全年执行数,执行率,预算执行得分,一级指标,"
    "二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施,总分,评分等级\n";
// A correct form of two indicators: budget 10 of 10, indicators 45 + 45.
const std::string kFirst =
    "项目甲,2023,10,10,10,100.00,10.00,产出指标,数量指标,完成率,≥95%,100%,45,45,,100.00,优\n";
const std::string kSecond = ",,,,,,,,质量指标,达标率,≥90%,95%,45,45,,,\n";

}  // namespace

TEST_CASE("texts a spreadsheet would take as formulas are written behind an apostrophe",
          "[csv][spreadsheet]") {
  for (const std::string_view text :
       {"=100.00(%)", "+86 21 1234", "-3 个", "@SUM(A1)", "\tx", "\rx", "'=1", "''+1"}) {
    std::string out;
    append_csv_cell(out, text);
    CHECK(out == "\"'" + std::string(text) + "\"");
    CHECK(unneutralised(out.substr(1, out.size() - 2)) == text);
  }
  for (const std::string_view text : {"100.00(%)", "'abc", "a=b", "", "'"}) {
    CHECK_FALSE(needs_neutralising(text));
    CHECK(unneutralised(text) == text);
  }
  // Numbers stay numbers: a negative one is no formula, and a spreadsheet keeps it a number.
  for (const std::string_view number : {"-3", "-0.50", "19.80", "2023"}) {
    std::string out;
    append_csv_number(out, number);
    CHECK(out == number);
  }
  std::string out;
  append_csv_number(out, "-1e5");
  CHECK(out == "\"'-1e5\"");
}

TEST_CASE("every dangerous prefix survives JSON → CSV → JSON as text", "[csv][spreadsheet]") {
  nlohmann::ordered_json j = sample(2);
  j["project"] = "=HYPERLINK(\"http://example.com\",\"点击\")";
  j["implementer"] = "+上海市普陀区";
  j["goals"]["expected"] = "-支持网络安全产业";
  j["goals"]["achieved"] = "@完成";
  j["indicators"][0]["actual"] = "\t100.00(%)";
  j["indicators"][1]["reason"] = "'=已说明";
  j["indicators"][2]["name"] = "\r指标";
  const Document doc = read_text_as(j.dump(2), Format::Json);
  REQUIRE(doc.findings.empty());
  std::string csv;
  Message error;
  REQUIRE(write_forms(doc.forms, Format::Csv, TextEncoding::Utf8, csv, error));
  CHECK(csv.find("\"'=HYPERLINK(") != std::string::npos);
  CHECK(csv.find("\"'=100.00(%)\"") != std::string::npos);  // the sample's own targets
  CHECK(csv.find(",=") == std::string::npos);
  CHECK(csv.find(",+") == std::string::npos);
  CHECK(csv.find(",@") == std::string::npos);
  const Document back = read_text_as(csv, Format::Csv);
  REQUIRE(back.findings.empty());
  REQUIRE(back.forms.size() == 1);
  CHECK(json_of(back.forms[0]) == json_of(doc.forms[0]));
}

TEST_CASE("a negative number round-trips as a number, not as text", "[csv][spreadsheet]") {
  // Edited as text: the digits as written (-0.50) are what must come back.
  std::string json = read_file(sample_path(2));
  const std::size_t executed = json.find("\"executed\": 0.00", json.find("\"carryover\""));
  REQUIRE(executed != std::string::npos);
  json.replace(executed, 16, "\"executed\": -0.50");
  const Document doc = read_text_as(json, Format::Json);
  std::string csv;
  Message error;
  REQUIRE(write_forms(doc.forms, Format::Csv, TextEncoding::Utf8, csv, error));
  CHECK(csv.find(",-0.50,") != std::string::npos);
  CHECK(csv.find("'-0.50") == std::string::npos);
  const Document back = read_text_as(csv, Format::Csv);
  REQUIRE(back.forms.size() == 1);
  CHECK(back.forms[0].row(FundsRowId::Carryover).executed.value.str() == "-0.50");
  CHECK(json_of(back.forms[0]) == json_of(doc.forms[0]));
}

TEST_CASE("spreadsheet-error: an error value in a cell names the cell and what happened",
          "[csv][spreadsheet]") {
  const std::string broken =
      "项目甲,2023,10,10,10,#DIV/0!,10.00,产出指标,数量指标,完成率,Err:509,100%,45,45,,100.00,优"
      "\n";
  const FileResult r = check_csv(kHeader + broken + kSecond);
  const auto errors = of_rule(r, RuleId::SpreadsheetError);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message.en ==
        "执行率, line 2: the spreadsheet shows #DIV/0! here: a formula divides by zero; enter "
        "the value itself, not a formula");
  CHECK(errors[0].pointer == "执行率");
  CHECK(errors[1].message.en ==
        "年度指标值, line 2: the spreadsheet shows Err:509 here: the cell became a formula that "
        "failed; re-enter it as text");
  CHECK(errors[1].message.zh ==
        "年度指标值，第 2 行：电子表格在此显示 Err:509：该单元格被当作公式计算，且计算失败；"
        "请以文本形式重新输入");
  CHECK(errors[1].severity == Severity::Error);
  CHECK(errors[1].reported == "Err:509");
  // The indicator is not judged, which unreadable-value says as in every format.
  const auto unjudged = of_rule(r, RuleId::UnreadableValue);
  REQUIRE(unjudged.size() == 1);
  CHECK(unjudged[0].reported == "Err:509");
  CHECK(of_rule(r, RuleId::InvalidField).empty());

  for (const std::string_view value : {"#VALUE!", "#REF!", "#N/A", "#NAME?", "Err:502"}) {
    CHECK(spreadsheet_error(value) != nullptr);
  }
  for (const std::string_view value : {"#1", "Err:409", "Err:5099", "#VALUE", "# N/A", "错误"}) {
    CHECK(spreadsheet_error(value) == nullptr);
  }
}

TEST_CASE("spreadsheet-error is silent on a clean CSV and on texts that only look alike",
          "[csv][spreadsheet]") {
  const FileResult r = check_csv(kHeader + kFirst + kSecond);
  CHECK(all_findings(r).empty());
  const FileResult hash =
      check_csv(kHeader + kFirst + ",,,,,,,,质量指标,#1 达标率,≥90%,95%,45,45,Err:509 已更正,,\n");
  CHECK(of_rule(hash, RuleId::SpreadsheetError).empty());
}

TEST_CASE("unreadable-value: a target that cannot be read is a notice, not silence",
          "[csv][spreadsheet]") {
  const FileResult r =
      check_csv(kHeader + kFirst + ",,,,,,,,质量指标,达标率,见附件,95%,45,45,,,\n");
  const auto notices = of_rule(r, RuleId::UnreadableValue);
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].severity == Severity::Notice);
  CHECK(notices[0].message.en ==
        "“达标率” is not judged: its target (年度指标值) “见附件” cannot be read as a number with "
        "its comparison and unit, a qualitative target or a completion");
  CHECK(notices[0].message.zh ==
        "“达标率”未予评判：其年度指标值“见附件”无法识别为带比较符和单位的数值、定性目标或完成情况");
  CHECK(notices[0].pointer == "年度指标值");
  CHECK(notices[0].line == 3);
  // In any format: a JSON form whose actual is an error value a spreadsheet left there.
  nlohmann::ordered_json j = sample(2);
  j["indicators"][1]["actual"] = "#VALUE!";
  const auto json = of_rule(check_json(j), RuleId::UnreadableValue);
  REQUIRE(json.size() == 1);
  CHECK(
      json[0].message.en.ends_with("its actual (实际完成值) “#VALUE!” cannot be read as a number "
                                   "with its comparison and unit, a qualitative target or a "
                                   "completion"));
  CHECK(json[0].pointer == "/indicators/1/actual");
  // Silent where every target and actual can be read.
  CHECK(of_rule(check_csv(kHeader + kFirst + kSecond), RuleId::UnreadableValue).empty());
}

TEST_CASE("identity-variant: one edited 项目名称 or 年度 does not split a form",
          "[csv][spreadsheet]") {
  const FileResult r =
      check_csv(kHeader + kFirst + "项目甲（续）,2023年,,,,,,,质量指标,达标率,≥90%,95%,45,45,,,\n");
  REQUIRE(r.forms.size() == 1);
  CHECK(r.doc.forms[0].indicators.size() == 2);
  const auto notices = of_rule(r, RuleId::IdentityVariant);
  REQUIRE(notices.size() == 2);
  CHECK(notices[0].message.en ==
        "项目名称 changes here to “项目甲（续）” (line 2 has “项目甲”); read as the same form "
        "because “（续）” marks a continued table");
  CHECK(notices[0].line == 3);
  CHECK(notices[1].message.en ==
        "年度 changes here to “2023年” (line 2 has “2023”); read as the same form because both "
        "name the year 2023");
  CHECK(of_rule(r, RuleId::GradeMismatch).empty());
  CHECK(of_rule(r, RuleId::InvalidField).empty());

  // One row of a name the rows around it do not share, and nothing of a form of its own.
  const FileResult typo =
      check_csv(kHeader + kFirst + "项目申,2023,,,,,,,质量指标,达标率,≥90%,95%,45,45,,,\n");
  REQUIRE(typo.forms.size() == 1);
  const auto edited = of_rule(typo, RuleId::IdentityVariant);
  REQUIRE(edited.size() == 1);
  CHECK(edited[0].message.en.starts_with(
      "项目名称 changes here to “项目申” (line 2 has “项目甲”); read as the same form because "
      "only this row says so"));
}

TEST_CASE("identity-variant is silent where a new form starts with its own cells",
          "[csv][spreadsheet]") {
  const std::string other =
      "项目乙,2023,20,20,20,100.00,10.00,产出指标,数量指标,完成率,≥95%,100%,90,90,,100.00,优\n";
  const FileResult r = check_csv(kHeader + kFirst + kSecond + other);
  REQUIRE(r.forms.size() == 2);
  CHECK(all_findings(r).empty());
  // Two rows of the new name, without cells of its own: a new form too.
  const std::string rows =
      "项目乙,2023,,,,,,产出指标,数量指标,完成率,≥95%,100%,45,45,,,\n"
      "项目乙,2023,,,,,,,质量指标,达标率,≥90%,95%,45,45,,,\n";
  const FileResult two = check_csv(kHeader + kFirst + kSecond + rows);
  CHECK(two.forms.size() == 2);
  // … which says where it starts, since it lacks a form's own cells.
  const auto split = of_rule(two, RuleId::IdentityVariant);
  REQUIRE(split.size() == 1);
  CHECK(split[0].message.en ==
        "项目名称 changes here to “项目乙” (line 2 has “项目甲”); a new form starts, though this "
        "row brings none of a form's own cells (funds, goals, 总分): if the rows are one form, "
        "correct the cell");
  CHECK(split[0].line == 4);
  CHECK(split[0].form == 1);
}

TEST_CASE("normalized-value: numbers as a spreadsheet in a Chinese locale saves them",
          "[csv][spreadsheet]") {
  const std::string rows =
      "项目甲,2023,\"1,234.50\",'1234.50,１２３４．５０,100.00%,10.00,产出指标,数量指标,完成率,"
      "≥95%,100%,45,45,,100.00,优\n";
  const FileResult r = check_csv(kHeader + rows + kSecond);
  const Form& f = r.doc.forms.at(0);
  CHECK(f.row(FundsRowId::Total).annual.value.str() == "1234.50");
  CHECK(f.row(FundsRowId::Total).initial.value.str() == "1234.50");
  CHECK(f.row(FundsRowId::Total).executed.value.str() == "1234.50");
  const auto notices = of_rule(r, RuleId::NormalizedValue);
  REQUIRE(notices.size() == 4);
  CHECK(notices[0].message.en ==
        "全年预算数, line 2: “1,234.50” read as 1234.50, without thousands separators");
  CHECK(notices[1].message.en ==
        "年初预算数, line 2: “'1234.50” read as 1234.50, without a leading apostrophe (a "
        "spreadsheet's mark of text)");
  CHECK(notices[2].message.en ==
        "全年执行数, line 2: “１２３４．５０” read as 1234.50, without full-width digits");
  CHECK(notices[3].message.en ==
        "执行率, line 2: “100.00%” read as 100.00, without a percent sign");
  CHECK(notices[3].severity == Severity::Notice);
  CHECK(of_rule(r, RuleId::InvalidField).empty());

  const FileResult spaced =
      check_csv(kHeader +
                "项目甲,2023,\"1 234,50\",1234.50,1234.50,100.00,10.00,产出指标,数量指标,完成率,"
                "≥95%,100%,45,45,,100.00,优\n" +
                kSecond);
  CHECK(spaced.doc.forms.at(0).row(FundsRowId::Total).annual.value.str() == "1234.50");
  const auto comma = of_rule(spaced, RuleId::NormalizedValue);
  REQUIRE(comma.size() == 1);
  CHECK(comma[0].message.en ==
        "全年预算数, line 2: “1 234,50” read as 1234.50, without thousands separators (spaces) "
        "and a decimal comma");
  // Silent on plain numbers.
  CHECK(of_rule(check_csv(kHeader + kFirst + kSecond), RuleId::NormalizedValue).empty());
}
