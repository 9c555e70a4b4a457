// .docx documents in the template layout: the twelve samples read back, each WordprocessingML
// structure reads as Word shows it, the real forms give the grid of their tab-separated text,
// broken files and files past the limits say so.
#include "pes/docx_grid.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "form_compare.h"
#include "grid_compare.h"
#include "read_support.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

std::string fixture(const std::string& name) { return std::string(PES_DOCX_HTML_DIR) + "/" + name; }

Document read_docx(const std::string& bytes) { return read_as("doc.docx", bytes, Format::Docx); }

struct Read {
  Grid grid;
  std::vector<CellPlace> places;
  std::string en;
  std::string zh;
  bool ok = false;
  const std::string& place(const GridCell& c) const { return places.at(c.offset - 1).name; }
};

Read grid_of(const std::string& path) {
  Read r;
  r.ok = read_docx_grid(read_file(path), r.grid, r.places, r.en, r.zh);
  return r;
}

// The first row whose first cell is `text`.
const GridRow& row_starting(const Grid& grid, const std::string& text) {
  for (const GridRow& row : grid.rows) {
    if (!row.cells.empty() && row.cells[0].text == text) return row;
  }
  FAIL("no row starts with " << text);
  return grid.rows.front();
}

std::vector<std::string> texts(const GridRow& row) {
  std::vector<std::string> out;
  for (const GridCell& c : row.cells) out.push_back(c.text);
  return out;
}

}  // namespace

TEST_CASE("a document of the twelve samples in the template layout reads back the same", "[docx]") {
  const Document doc = read_docx(read_file(fixture("forms.docx")));
  REQUIRE(doc.parsed);
  REQUIRE(doc.forms.size() == 12);
  for (int n = 1; n <= 12; ++n) {
    INFO("form " << n);
    const auto diff = form_differences(doc.forms[static_cast<std::size_t>(n - 1)], sample_form(n));
    for (const auto& d : diff) UNSCOPED_INFO(d);
    CHECK(diff.empty());
  }
  CHECK(doc.findings.empty());  // a clean template needs no repair
}

TEST_CASE("a document's findings name their table, row and cell", "[docx]") {
  Checker checker(Options{});
  FileResult r;
  checker.check_file(fixture("forms.docx"), r);
  REQUIRE(r.forms.size() == 12);
  // form 11 really lost a point without a reason: its row is in the eleventh table
  const auto found = of_rule(r, RuleId::DeductionWithoutReason);
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer.rfind("表11!R", 0) == 0);
  CHECK(found[0].line > 1);
  CHECK(r.count(Severity::Error) == 0);
}

TEST_CASE("paragraphs outside the tables are one-cell rows, in document order", "[docx]") {
  const Read r = grid_of(fixture("forms.docx"));
  REQUIRE(r.ok);
  REQUIRE(r.grid.rows.size() > 3);
  const GridRow& title = r.grid.rows[0];
  REQUIRE(title.cells.size() == 1);
  CHECK(title.cells[0].text == "财政项目支出绩效自评表");
  CHECK(r.place(title.cells[0]) == "段落1");
  CHECK(r.grid.rows[1].cells.at(0).text == "（2023年度）");
  CHECK(r.place(r.grid.rows[2].cells.at(0)) == "表1!R1C1");
  CHECK(r.places.at(r.grid.rows[2].cells.at(2).offset - 1).column == 3);

  const Read q = grid_of(fixture("quirks.docx"));
  REQUIRE(q.ok);
  CHECK(q.grid.rows.at(0).cells.at(0).text == "2022年度项目支出绩效自评表");
  CHECK(q.grid.rows.at(1).cells.at(0).text == "(2023年度)");
  // a paragraph broken by w:br gives a row a line; both name the same paragraph
  const GridRow& dept = row_starting(q.grid, "部门:某某局");
  CHECK(dept.cells.size() == 1);
  const GridRow& unit = row_starting(q.grid, "单位:万元");
  CHECK(q.place(dept.cells[0]) == q.place(unit.cells[0]));
  CHECK(row_starting(q.grid, "表外文字").cells.size() == 1);
}

TEST_CASE("a cell spanning grid columns (w:gridSpan) is spread, its copies marked", "[docx]") {
  const Read q = grid_of(fixture("quirks.docx"));
  REQUIRE(q.ok);
  const GridRow& row = row_starting(q.grid, "跨三列");
  CHECK(texts(row) == std::vector<std::string>{"跨三列", "跨三列", "跨三列", "右"});
  CHECK_FALSE(row.cells[0].copy_left);
  CHECK(row.cells[1].copy_left);
  CHECK(row.cells[2].copy_left);
  CHECK_FALSE(row.cells[3].copy_left);
  CHECK(q.place(row.cells[3]) == "表1!R1C4");  // the grid column, not the fourth w:tc
  CHECK(texts(row_starting(q.grid, "a")) == std::vector<std::string>{"a", "b", "c", "d"});
  // Word's maximum is 63 columns; a span of 999999999 is held to 1024, not spread
  const Read wide = grid_of(fixture("limits-span.docx"));
  REQUIRE(wide.ok);
  REQUIRE(wide.grid.rows.size() == 1);
  CHECK(wide.grid.rows[0].cells.size() == 1025);
  CHECK(wide.grid.rows[0].cells.back().text == "尾");
}

TEST_CASE("cells merged down (w:vMerge) take the text of the cell where the merge starts",
          "[docx]") {
  const Read q = grid_of(fixture("quirks.docx"));
  REQUIRE(q.ok);
  const GridRow& first = row_starting(q.grid, "下并");
  CHECK(texts(first) == std::vector<std::string>{"下并", "下并", "e", "f"});
  // the next row continues the merge over both columns: copies downward are kept, the one to
  // the right is marked as a copy
  const auto at = static_cast<std::size_t>(&first - q.grid.rows.data());
  const GridRow& next = q.grid.rows.at(at + 1);
  CHECK(texts(next) == std::vector<std::string>{"下并", "下并", "g", "h"});
  CHECK_FALSE(next.cells[0].copy_left);
  CHECK(next.cells[1].copy_left);
  CHECK(q.place(next.cells[0]) == "表1!R4C1");
}

TEST_CASE("a cell's paragraphs and breaks are lines, tabs spaces, deleted text left out",
          "[docx]") {
  const Read q = grid_of(fixture("quirks.docx"));
  REQUIRE(q.ok);
  const GridRow& row = row_starting(q.grid, "第一行\n第二行\n第二段");
  CHECK(texts(row) == std::vector<std::string>{"第一行\n第二行\n第二段", "左 右加上"});
  // a cell inside a content control (w:sdt) is read like any other
  CHECK(texts(row_starting(q.grid, "控件")) == std::vector<std::string>{"控件", "普通"});
  // w:gridBefore leaves the first grid column empty
  const auto at = static_cast<std::size_t>(&row_starting(q.grid, "控件") - q.grid.rows.data());
  CHECK(texts(q.grid.rows.at(at + 1)) == std::vector<std::string>{"", "后移"});
}

TEST_CASE("a table inside a table's cell is read in order with the cell's paragraphs", "[docx]") {
  const Read q = grid_of(fixture("quirks.docx"));
  REQUIRE(q.ok);
  const GridRow& title = row_starting(q.grid, "外层标题");
  const auto at = static_cast<std::size_t>(&title - q.grid.rows.data());
  REQUIRE(q.grid.rows.size() >= at + 4);
  CHECK(texts(q.grid.rows[at + 1]) == std::vector<std::string>{"内1", "内2"});
  CHECK(texts(q.grid.rows[at + 2]) == std::vector<std::string>{"内3", "内4"});
  CHECK(texts(q.grid.rows[at + 3]) == std::vector<std::string>{"外层脚注"});
  CHECK(q.place(q.grid.rows[at + 1].cells[0]) == "表4!R1C1");
  CHECK(q.place(q.grid.rows[at + 2].cells[1]) == "表4!R2C2");
}

TEST_CASE("each real form as a document gives the grid of its tab-separated text", "[docx]") {
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(PES_REAL_FORMS_DIR)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".layout.txt")) continue;
    ++seen;
    INFO(name);
    const Read r = grid_of(fixture("real/" + name.substr(0, name.size() - 11) + ".docx"));
    REQUIRE(r.ok);
    const auto diff = grid_differences(r.grid, read_tsv_grid(read_file(entry.path().string())));
    for (const auto& d : diff) UNSCOPED_INFO(d);
    CHECK(diff.empty());
  }
  CHECK(seen == 5);
}

TEST_CASE("a broken document is a parse error, never a crash", "[docx]") {
  const std::string whole = read_file(fixture("forms.docx"));
  // (An empty file, and a workbook named .docx, which is read as the workbook it is: tests in
  // xlsx_grid_test.cc.)
  for (const std::string& bytes :
       {std::string("PK\x03\x04 not really a zip"), std::string("{\"year\": 2023}"),
        whole.substr(0, whole.size() / 2)}) {
    const Document doc = read_docx(bytes);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.findings.size() == 1);
    CHECK(doc.findings[0].rule == RuleId::ParseError);
    CHECK(doc.findings[0].message.en.find("not a readable .docx document") == 0);
  }
}

TEST_CASE("a document past the limits is refused with a reason", "[docx]") {
  // a 1 MB cell merged down 300 rows would repeat 900 MB of text
  const Read copies = grid_of(fixture("limits-copies.docx"));
  CHECK_FALSE(copies.ok);
  CHECK(copies.en.find("too many cells") != std::string::npos);
  const Read deep = grid_of(fixture("limits-deep.docx"));
  CHECK_FALSE(deep.ok);
  CHECK(deep.en.find("too deeply") != std::string::npos);
  CHECK(deep.zh.find("嵌套过深") != std::string::npos);
}
