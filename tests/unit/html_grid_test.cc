// Saved web pages in the template layout: the twelve samples read back (in UTF-8 and in GBK),
// each HTML table structure reads as a browser shows it, the real forms give the grid of their
// tab-separated text, and pages that are empty, mis-encoded or nested too deeply say so.
#include "pes/html_grid.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "form_compare.h"
#include "grid_compare.h"
#include "read_support.h"
#include "pes/text_encoding.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

std::string fixture(const std::string& name) { return std::string(PES_DOCX_HTML_DIR) + "/" + name; }

Document read_html(const std::string& bytes) { return read_as("page.html", bytes, Format::Html); }

Grid grid_of(std::string_view html) {
  Grid grid;
  std::string en;
  std::string zh;
  REQUIRE(read_html_grid(html, 0, grid, en, zh));
  return grid;
}

std::vector<std::vector<std::string>> rows_of(std::string_view html) {
  std::vector<std::vector<std::string>> out;
  for (const GridRow& row : grid_of(html).rows) {
    std::vector<std::string> cells;
    for (const GridCell& c : row.cells) cells.push_back(c.text);
    out.push_back(std::move(cells));
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

std::string gbk(const std::string& utf8) {
  std::string out;
  std::size_t bad = 0;
  REQUIRE(utf8_to_gb18030(utf8, out, bad));
  return out;
}

void check_sample_11(const Document& doc) {
  REQUIRE(doc.parsed);
  REQUIRE(doc.forms.size() == 1);
  const auto diff = form_differences(doc.forms[0], sample_form(11));
  for (const auto& d : diff) UNSCOPED_INFO(d);
  CHECK(diff.empty());
}

}  // namespace

TEST_CASE("a page of the twelve samples in the template layout reads back the same", "[html]") {
  for (const char* name : {"forms.html", "forms-gbk.html"}) {
    INFO(name);
    const Document doc = read_html(read_file(fixture(name)));
    REQUIRE(doc.parsed);
    REQUIRE(doc.forms.size() == 12);
    for (int n = 1; n <= 12; ++n) {
      INFO("form " << n);
      const auto diff =
          form_differences(doc.forms[static_cast<std::size_t>(n - 1)], sample_form(n));
      for (const auto& d : diff) UNSCOPED_INFO(d);
      CHECK(diff.empty());
    }
    CHECK(doc.findings.empty());
  }
}

TEST_CASE("a page's findings have the line and column of their cell's text", "[html]") {
  Checker checker(Options{});
  FileResult utf8;
  checker.check_file(fixture("forms.html"), utf8);
  const auto found = of_rule(utf8, RuleId::DeductionWithoutReason);
  REQUIRE(found.size() == 1);
  // the line holds the indicator's row; the column is where the score's text starts
  const std::string page = read_file(fixture("forms.html"));
  std::size_t at = 0;
  for (std::uint32_t line = 1; line < found[0].line; ++line) at = page.find('\n', at) + 1;
  const std::string line = page.substr(at, page.find('\n', at) - at);
  CHECK(line.rfind("  <tr>", 0) == 0);
  // the same finding in the GBK page: the same line and column (columns count characters)
  FileResult gb;
  checker.check_file(fixture("forms-gbk.html"), gb);
  REQUIRE(gb.doc.decoded);
  const auto again = of_rule(gb, RuleId::DeductionWithoutReason);
  REQUIRE(again.size() == 1);
  CHECK(again[0].line == found[0].line);
  CHECK(again[0].column == found[0].column);
}

TEST_CASE("rowspan and colspan spread a cell; copies to the right are marked", "[html]") {
  const Grid g = grid_of(
      "<table><tr><td rowspan=2 colspan=2>A</td><td>B</td></tr>"
      "<tr><td>C</td></tr><tr><td>D</td><td>E</td><td>F</td></tr></table>");
  REQUIRE(g.rows.size() == 3);
  REQUIRE(g.rows[0].cells.size() == 3);
  CHECK(g.rows[0].cells[0].text == "A");
  CHECK_FALSE(g.rows[0].cells[0].copy_left);
  CHECK(g.rows[0].cells[1].text == "A");
  CHECK(g.rows[0].cells[1].copy_left);
  CHECK(g.rows[0].cells[2].text == "B");
  // the row below: A repeated downward (kept), C pushed past the spanned columns
  REQUIRE(g.rows[1].cells.size() == 3);
  CHECK(g.rows[1].cells[0].text == "A");
  CHECK_FALSE(g.rows[1].cells[0].copy_left);
  CHECK(g.rows[1].cells[1].copy_left);
  CHECK(g.rows[1].cells[2].text == "C");
  CHECK(g.rows[2].cells[0].text == "D");
  // a copy points at the cell it repeats
  CHECK(g.rows[1].cells[0].offset == g.rows[0].cells[0].offset);
  // rowspan=0 reaches the end of the row group; a rowspan past it stops there
  CHECK(rows_of("<table><tbody><tr><td rowspan=0>L</td><td>1</td></tr><tr><td>2</td></tr>"
                "</tbody><tbody><tr><td>3</td></tr></tbody></table>") ==
        Rows{{"L", "1"}, {"L", "2"}, {"3"}});
  CHECK(rows_of("<table><tr><td rowspan=99>L</td><td>1</td></tr><tr><td>2</td></tr></table>") ==
        Rows{{"L", "1"}, {"L", "2"}});
}

TEST_CASE("a cell's <br> and blocks are line breaks, white space collapses, entities decode",
          "[html]") {
  const Grid g = grid_of(
      "<table><tr><td>\n  第一行<br>第二行<p>段落</p>  多个 \t  空格 &amp;&nbsp;x  </td>"
      "<th>&lt;p&gt;a&lt;/p&gt;</th><td><div>甲</div><div>乙<br></div><div>丙</div></td>"
      "<td>上<br><br>下</td><td>&nbsp; </td><td>末</td></tr></table>");
  REQUIRE(g.rows.size() == 1);
  REQUIRE(g.rows[0].cells.size() == 6);
  CHECK(g.rows[0].cells[0].text == "第一行\n第二行\n段落\n多个 空格 & x");
  CHECK(g.rows[0].cells[1].text == "<p>a</p>");  // text, not markup
  CHECK(g.rows[0].cells[2].text == "甲\n乙\n丙");
  CHECK(g.rows[0].cells[3].text == "上\n\n下");  // two breaks: an empty line between
  CHECK(g.rows[0].cells[4].text.empty());        // Word writes &nbsp; into a cell left empty
}

TEST_CASE("text outside the tables is one-cell rows, in document order", "[html]") {
  CHECK(rows_of("<html><head><title>页面标题</title><style>td{}</style></head><body>"
                "<h1>2022年度项目支出绩效自评表</h1><p>(2023年度)<br>部门:某某局 </p>"
                "<table><caption>表题</caption><tr><td>a</td><td>b</td></tr></table>"
                "<div>脚注<script>var x = 1;</script></div></body></html>") ==
        Rows{{"2022年度项目支出绩效自评表"},
             {"(2023年度)"},
             {"部门:某某局"},
             {"表题"},
             {"a", "b"},
             {"脚注"}});
}

TEST_CASE("a table inside a cell is read in order with the cell's text", "[html]") {
  // a page laid out in an outer table: its cell holds the title, the form's table, a footnote
  CHECK(rows_of("<table><tr><td><p>标题</p><table><tr><td>内1</td><td>内2</td></tr>"
                "<tr><td colspan=2>内3</td></tr></table>脚注</td></tr>"
                "<tr><td>下</td><td>一行</td></tr></table>") ==
        Rows{{"标题"}, {"内1", "内2"}, {"内3", "内3"}, {"脚注"}, {"下", "一行"}});
}

TEST_CASE("GBK pages are read by their <meta charset>, or by their bytes", "[html]") {
  const std::string page = read_file(fixture("form11.html"));
  REQUIRE(page.find("<meta charset=\"utf-8\">") != std::string::npos);
  auto with_meta = [&](const std::string& meta) {
    std::string p = page;
    p.replace(p.find("<meta charset=\"utf-8\">"), 22, meta);
    return p;
  };
  SECTION("meta charset=gb2312") {
    const Document doc = read_html(gbk(with_meta("<meta charset=gb2312>")));
    check_sample_11(doc);
    CHECK(doc.decoded);
  }
  SECTION("http-equiv Content-Type with charset=GBK") {
    check_sample_11(read_html(
        gbk(with_meta("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">"))));
  }
  SECTION("no charset: UTF-8 if it reads as UTF-8, else GB18030") {
    check_sample_11(read_html(with_meta("")));
    check_sample_11(read_html(gbk(with_meta(""))));
  }
  SECTION("a UTF-8 byte order mark outranks the meta") {
    const Document doc = read_html(std::string(kUtf8Bom) + with_meta("<meta charset=gbk>"));
    check_sample_11(doc);
    CHECK_FALSE(doc.decoded);
  }
  SECTION("GBK bytes in a page that declares UTF-8: the byte is named") {
    const std::string bytes = gbk(page);
    const Document doc = read_html(bytes);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.findings.size() == 1);
    CHECK(doc.findings[0].message.en.find("is not valid UTF-8, which the page declares") !=
          std::string::npos);
    CHECK(static_cast<unsigned char>(bytes[doc.findings[0].offset]) >= 0x80);
  }
}

TEST_CASE("each real form as a web page gives the grid of its tab-separated text", "[html]") {
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(PES_REAL_FORMS_DIR)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".layout.txt")) continue;
    ++seen;
    INFO(name);
    const std::string page =
        read_file(fixture("real/" + name.substr(0, name.size() - 11) + ".html"));
    const auto diff =
        grid_differences(grid_of(page), read_tsv_grid(read_file(entry.path().string())));
    for (const auto& d : diff) UNSCOPED_INFO(d);
    CHECK(diff.empty());
  }
  CHECK(seen == 5);
}

TEST_CASE("an empty, UTF-16 or deeply nested page is a parse error, never a hang", "[html]") {
  for (const std::string& bytes :
       {std::string(), std::string(" \n\t"), std::string("\xFF\xFE<\0h\0", 6)}) {
    const Document doc = read_html(bytes);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.findings.size() == 1);
    CHECK(doc.findings[0].rule == RuleId::ParseError);
  }
  // 100,000 nested elements take gumbo minutes; the page is refused before it is parsed
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div><b>";
  Grid grid;
  std::string en;
  std::string zh;
  CHECK_FALSE(read_html_grid(deep, 0, grid, en, zh));
  CHECK(en.find("more than 512 deep") != std::string::npos);
  // …but as many elements side by side read at once
  std::string wide = "<table>";
  for (int i = 0; i < 20000; ++i) wide += "<tr><td><b>格</b><p>段</td></tr>";
  CHECK(grid_of(wide + "</table>").rows.size() == 20000);
  // sloppy markup the parser closes by itself is not nesting: unclosed <font> in cells, <li>, <p>
  std::string sloppy = "<ul>";
  for (int i = 0; i < 2000; ++i) sloppy += "<li><p>项";
  sloppy += "</ul><table>";
  for (int i = 0; i < 2000; ++i) sloppy += "<tr><td><font size=2><b>格<td>格";
  CHECK(grid_of(sloppy + "</table>").rows.size() == 4000);
  // a cell spanning 1000 columns over 2,000 rows would be two million cells: refused
  std::string spans = "<table><tr><td rowspan=65534 colspan=1000>宽</td></tr>";
  for (int i = 0; i < 2000; ++i) spans += "<tr><td>格</td></tr>";
  CHECK_FALSE(read_html_grid(spans + "</table>", 0, grid, en, zh));
  CHECK(en.find("too many cells") != std::string::npos);
  // a page with no table and no form text: no form found
  const Document none = read_html("<p>这是一份说明，没有自评表</p>");
  CHECK_FALSE(none.parsed);
  CHECK(none.findings.at(0).message.en.find("no 财政项目支出绩效自评表 found") == 0);
}
