// CSV keeps each form apart by its number (自评表序号), and pes writes no CSV that would read back
// as other forms than the ones written.
#include <catch2/catch.hpp>

#include "pes/csv_columns.h"
#include "pes/form_writer.h"
#include "pes/readers.h"
#include "pes/writers.h"
#include "read_support.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {


// The forms of a JSON text, written as CSV: the CSV, or the error.
std::pair<bool, std::string> convert(const std::string& json_text) {
  const Document doc = read_text_as(json_text, Format::Json);
  REQUIRE(doc.findings.empty());
  std::string csv;
  Message error;
  const bool ok = write_forms(doc.forms, Format::Csv, TextEncoding::Utf8, csv, error);
  return {ok, ok ? csv : error.en};
}

}  // namespace

TEST_CASE("forms that share 项目名称, 年度 and 实施单位 stay apart in CSV", "[csv]") {
  const std::string form = read_file(sample_path(1));
  const std::string twice = "[" + form + "," + form + "," + read_file(sample_path(2)) + "]";
  const auto [ok, csv] = convert(twice);
  REQUIRE(ok);
  CHECK(csv.starts_with(std::string(kUtf8Bom) + "自评表序号,项目名称,"));
  const Document back = read_text_as(csv, Format::Csv);
  REQUIRE(back.findings.empty());
  REQUIRE(back.forms.size() == 3);
  const Document original = read_text_as(twice, Format::Json);
  for (std::size_t i = 0; i < 3; ++i) CHECK(json_of(back.forms[i]) == json_of(original.forms[i]));
}

TEST_CASE("the reader starts a form where 自评表序号 changes, and only there", "[csv]") {
  const std::string head = "自评表序号,项目名称,年度,三级指标,分值,得分\n";
  // Two forms of the same name: told apart by their numbers.
  Document doc = read_text_as(head + "1,甲,2023,a,10,10\n1,,,b,10,10\n2,甲,2023,c,10,10\n", Format::Csv);
  REQUIRE(doc.forms.size() == 2);
  CHECK(doc.forms[0].indicators.size() == 2);
  CHECK(doc.forms[1].indicators.size() == 1);
  // A blank number continues the form, as a merged cell does.
  doc = read_text_as(head + "7,甲,2023,a,10,10\n,,,b,10,10\n", Format::Csv);
  CHECK(doc.forms.size() == 1);
  // With the column, a changed name within one number is a disagreement, not a new form.
  doc = read_text_as(head + "1,甲,2023,a,10,10\n1,乙,2023,b,10,10\n", Format::Csv);
  REQUIRE(doc.forms.size() == 1);
  REQUIRE(doc.findings.size() == 1);
  CHECK(doc.findings[0].rule == RuleId::InvalidField);
  // The pes/1 name works too; findings never name the column as a field's.
  CHECK(find_csv_column("form") == find_csv_column("自评表序号"));
  for (const ColumnHeader& c : read_text_as(head + "1,甲,2023,a,10,10\n", Format::Csv).columns) {
    CHECK(c.header != "自评表序号");
  }
  // Without the column, forms still split where the names change.
  doc = read_text_as("项目名称,年度,三级指标\n甲,2023,a\n乙,2023,b\n甲,2023,c\n", Format::Csv);
  CHECK(doc.forms.size() == 3);
}

TEST_CASE("a CSV that would read back differently is not written", "[csv]") {
  // A funds row with no amount is no row at all, in JSON as in CSV: it converts.
  auto form = sample(1);
  form["funds"]["carryover"] = nlohmann::ordered_json::object();
  auto [ok, why] = convert(form.dump());
  REQUIRE(ok);
  CHECK(why.find("上年结转资金") == std::string::npos);  // no carryover column in use

  form = sample(1);
  form["indicators"][1].erase("level2");
  std::tie(ok, why) = convert(form.dump());
  CHECK_FALSE(ok);
  CHECK(why.find("indicator 2 has no 二级指标, but in a CSV a blank 二级指标 means the same as the "
                 "row above") != std::string::npos);

  form = sample(1);
  form["indicators"][0].erase("actual");
  std::tie(ok, why) = convert(form.dump());
  CHECK_FALSE(ok);
  CHECK(why.find("indicator 1 has no 实际完成值 at all") != std::string::npos);

  // An empty text is a text: written and read back as one.
  form = sample(1);
  form["indicators"][0]["reason"] = "";
  std::tie(ok, why) = convert(form.dump());
  CHECK(ok);
}
