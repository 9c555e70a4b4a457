// .xlsx workbooks in the template layout: the twelve samples read back, broken files say so.
#include "pes/xlsx_grid.h"

#include <catch2/catch.hpp>

#include "form_compare.h"
#include "read_support.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

std::string fixture(const std::string& name) { return std::string(PES_XLSX_DIR) + "/" + name; }

Document read_xlsx(const std::string& bytes) { return read_as("book.xlsx", bytes, Format::Xlsx); }

}  // namespace

TEST_CASE("a workbook of the twelve samples in the template layout reads back the same", "[xlsx]") {
  const std::string bytes = read_file(fixture("forms.xlsx"));
  REQUIRE(bytes.size() > 1000);
  const Document doc = read_xlsx(bytes);
  REQUIRE(doc.parsed);
  REQUIRE(doc.forms.size() == 12);  // six on each of two sheets
  for (int n = 1; n <= 12; ++n) {
    INFO("form " << n);
    const auto diff = form_differences(doc.forms[static_cast<std::size_t>(n - 1)], sample_form(n));
    for (const auto& d : diff) UNSCOPED_INFO(d);
    CHECK(diff.empty());
  }
  CHECK(doc.findings.empty());  // a clean template needs no repair
}

TEST_CASE("a workbook is read as what it is, whatever its name; an empty one is said to be",
          "[xlsx]") {
  const std::string bytes = read_file(fixture("forms.xlsx"));
  for (const auto& [name, format] : {std::pair{"book.xls", Format::Legacy},
                                     std::pair{"book.docx", Format::Docx}}) {
    INFO(name);
    const Document doc = read_as(name, bytes, format);
    CHECK(doc.format == Format::Xlsx);
    CHECK(doc.forms.size() == 12);
    CHECK(doc.findings.empty());
  }
  for (const Format format : {Format::Xlsx, Format::Docx, Format::Legacy}) {
    const Document empty = read_as("empty", "", format);
    REQUIRE(empty.findings.size() == 1);
    CHECK(empty.findings[0].rule == RuleId::ParseError);
    CHECK(empty.findings[0].message.en == "the file is empty (0 bytes)");
    CHECK(empty.findings[0].message.zh == "文件为空（0 字节）");
  }
}

TEST_CASE("a workbook's findings name their sheet and cell", "[xlsx]") {
  Checker checker(Options{});
  FileResult r;
  checker.check_file(fixture("forms.xlsx"), r);
  REQUIRE(r.forms.size() == 12);
  // form 11 really lost a point without a reason: its row is on the second sheet
  const auto found = of_rule(r, RuleId::DeductionWithoutReason);
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer.rfind("'Sheet 2'!", 0) == 0);
  CHECK(found[0].line > 0);
  CHECK(r.count(Severity::Error) == 0);
}

TEST_CASE("a workbook with no form is a parse error", "[xlsx]") {
  const Document doc = read_xlsx(read_file(fixture("noform.xlsx")));
  CHECK_FALSE(doc.parsed);
  REQUIRE(doc.findings.size() == 1);
  CHECK(doc.findings[0].rule == RuleId::ParseError);
  CHECK(doc.findings[0].message.en.find("no 财政项目支出绩效自评表 found") == 0);
  Checker checker(Options{});
  FileResult r;
  checker.check_file(fixture("noform.xlsx"), r);
  REQUIRE(r.file_findings.size() == 1);
  CHECK(r.file_findings[0].line == 1);  // the workbook as a whole: still a valid place
  CHECK(r.file_findings[0].pointer.empty());
}

TEST_CASE("a broken zip is a parse error, never a crash", "[xlsx]") {
  const std::string whole = read_file(fixture("forms.xlsx"));
  for (const std::string& bytes :
       {std::string("PK\x03\x04 not really a zip"), std::string("{\"year\": 2023}"),
        whole.substr(0, whole.size() / 2)}) {  // (an empty file: the test above)
    const Document doc = read_xlsx(bytes);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.findings.size() == 1);
    CHECK(doc.findings[0].rule == RuleId::ParseError);
    CHECK(doc.findings[0].message.en.find("not a readable .xlsx workbook") == 0);
  }
}

TEST_CASE("merged cells spread out, copies to the right are marked", "[xlsx]") {
  std::vector<Grid> grids;
  std::vector<CellPlace> places;
  std::string en;
  std::string zh;
  REQUIRE(read_xlsx_grids(read_file(fixture("forms.xlsx")), grids, places, en, zh));
  REQUIRE(grids.size() == 2);
  CHECK(grids[0].name == "自评表");
  CHECK(grids[1].name == "Sheet 2");
  const GridRow& title = grids[0].rows[0];
  REQUIRE(title.cells.size() == 9);  // A1:I1 merged
  CHECK(title.cells[8].text == "财政项目支出绩效自评表");
  CHECK(title.cells[8].copy_left);
  CHECK_FALSE(title.cells[0].copy_left);
  CHECK(places[title.cells[0].offset - 1].name == "自评表!A1");
  // 项目资金 is merged over A5:B9: each funds row repeats it in column A, not a copy to the right
  const GridRow& funds = grids[0].rows[6];
  CHECK(funds.cells[0].text.rfind("项目资金", 0) == 0);
  CHECK_FALSE(funds.cells[0].copy_left);
  CHECK(funds.cells[1].copy_left);
  CHECK(funds.cells[2].text == "其中：当年财政拨款");
  CHECK(funds.cells[3].text == "9.8");  // stored 9.800000000000001, shown by Excel as 9.8
}

TEST_CASE("a rate kept as a fraction under a percent format reads as the percent shown", "[xlsx]") {
  // percent.xlsx: 执行率 cells hold 19.5 ÷ 19.8 = 0.98484… formatted 0.00%, as Excel shows 98.48%.
  const Document doc = read_xlsx(read_file(fixture("percent.xlsx")));
  REQUIRE(doc.parsed);
  REQUIRE(doc.forms.size() == 1);
  const Form& f = doc.forms[0];
  CHECK(f.row(FundsRowId::Total).rate.value.str() == "98.48");
  CHECK(f.row(FundsRowId::Carryover).rate.value.str() == "0.00");
  CHECK(form_differences(f, sample_form(1)).empty());
  Checker checker(Options{});
  FileResult r;
  checker.check_file(fixture("percent.xlsx"), r);
  CHECK(all_findings(r).empty());
}

TEST_CASE("a formula with no saved value is named, not read from another column", "[xlsx]") {
  Checker checker(Options{});
  FileResult r;
  checker.check_file(fixture("formula.xlsx"), r);
  REQUIRE(r.forms.size() == 1);
  const auto bad = of_rule(r, RuleId::InvalidField);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].field.key == FieldKey::Total);
  CHECK(bad[0].reported.starts_with("=SUM(G13:G"));
  CHECK(bad[0].message.en.ends_with(
      "this cell is a formula with no saved value: open and save it in Excel"));
  CHECK(rule_names(r) == std::vector<std::string>{"invalid-field"});
}
