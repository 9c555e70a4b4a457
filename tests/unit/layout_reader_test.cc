// The printed table layout as tab-separated text: the seed, and each extraction quirk alone.
#include <catch2/catch.hpp>

#include <filesystem>

#include "form_compare.h"
#include "pes/form_writer.h"
#include "pes/json_reader.h"
#include "pes/readers.h"
#include "pes/text_encoding.h"
#include "read/layout/layout_text.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;
namespace fs = std::filesystem;

namespace {

Document read_as(const std::string& path, const std::string& text, Format format) {
  Readers readers;
  Document doc;
  readers.read(Source(path, text), format, doc);
  return doc;
}

Form sample_form(int n) {
  const Document doc = read_as(sample_path(n), read_file(sample_path(n)), Format::Json);
  REQUIRE(doc.forms.size() == 1);
  return doc.forms[0];
}

}  // namespace

TEST_CASE("the seed's twelve forms read as the hand-checked samples, field by field", "[layout]") {
  const std::string seed = read_file(std::string(PES_SOURCE_DIR) + "/tests/fixtures/data/seed-2023.txt");
  REQUIRE_FALSE(seed.empty());
  REQUIRE(seed.back() != '\n');  // the seed ends without a newline, as extracted
  const Document doc = read_as("seed-2023.txt", seed, Format::Tsv);
  REQUIRE(doc.parsed);
  REQUIRE(doc.forms.size() == 12);
  for (int n = 1; n <= 12; ++n) {
    INFO("form " << n);
    const auto diff = form_differences(doc.forms[static_cast<std::size_t>(n - 1)], sample_form(n));
    for (const auto& d : diff) UNSCOPED_INFO(d);
    CHECK(diff.empty());
  }
}

TEST_CASE("the comparison used above does see a different form", "[layout]") {
  CHECK_FALSE(form_differences(sample_form(1), sample_form(2)).empty());
  CHECK(form_differences(sample_form(3), sample_form(3)).empty());
}

TEST_CASE("what the layout reader reads prints as pes/1 JSON and reads back the same", "[layout]") {
  const std::string seed = read_file(std::string(PES_SOURCE_DIR) + "/tests/fixtures/data/seed-2023.txt");
  const Document doc = read_as("seed-2023.txt", seed, Format::Tsv);
  REQUIRE(doc.forms.size() == 12);
  for (std::size_t i = 0; i < doc.forms.size(); ++i) {
    std::string json;
    write_form_json(doc.forms[i], json);
    const Document back = read_as("back.json", json, Format::Json);
    INFO("form " << i + 1 << "\n" << json);
    REQUIRE(back.forms.size() == 1);
    CHECK(back.findings.empty());
    CHECK(form_differences(back.forms[0], doc.forms[i]).empty());
  }
}

namespace {

// A small form in the seed's layout with the given goal and indicator rows.
std::string form_text(const std::string& goals, const std::string& indicators,
                      const std::string& total_row = "总分\t\t\t\t\t100.00\t100.00\n") {
  return "## 财政项目支出绩效自评表\n\n(2023 年度)\n\n"
         "项目名称\t\t测试项目\t\t\t\n"
         "主管部门\t\t某委员会\t\t实施单位\t\t某中心\t\n"
         "项目资金 (万元)\t\t年初预算数\t全年预算数\t全年执行数\t分数\t执行率(%)\t得分\n"
         "\t\t年度资金总额:\t10.00\t10.00\t10.00\t10.00\t100.00\t10.00\n"
         "\t\t其中: 当年财政拨款\t10.00\t10.00\t10.00\t-\t100.00\t-\n"
         "\t\t上年结转资金\t0.00\t0.00\t0.00\t-\t0.00\t-\n"
         "\t\t其他资金\t0.00\t0.00\t0.00\t-\t0.00\t-\n"
         "年度总体目标\t\t预期目标\t\t实际完成情况\t\t\t\n" +
         goals +
         "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施"
         "\n" +
         indicators + total_row + "评分等级\t\t优\t\t\t";
}

const std::string kGoals = "\t\t目标甲\t\t完成乙\t\t\t\n";
const std::string kRows =
    "产出指标\t数量指标\t完成率\t≥95.00(%)\t100.00(%)\t60.00\t60.00\t\n"
    "效益指标\t社会效益指标\t认可度\t≥90.00(%)\t95.00(%)\t30.00\t30.00\t\n";

Document read_text(const std::string& text) { return read_as("t.txt", text, Format::Tsv); }

std::vector<Finding> repairs(const Document& doc) {
  std::vector<Finding> out;
  for (const Finding& f : doc.findings) {
    if (f.rule == RuleId::LayoutRepair) out.push_back(f);
  }
  return out;
}

const Indicator& indicator(const Document& doc, std::size_t i) {
  REQUIRE(doc.forms.size() == 1);
  REQUIRE(doc.forms[0].indicators.size() > i);
  return doc.forms[0].indicators[i];
}

// The 1-based line of a finding in a text.
std::uint32_t line_of(const std::string& text, const Finding& f) {
  return Source("t.txt", text).locate(f.offset).line;
}

}  // namespace

TEST_CASE("a clean form in the layout reads with no repair", "[layout]") {
  const Document doc = read_text(form_text(kGoals, kRows));
  REQUIRE(doc.parsed);
  REQUIRE(doc.forms.size() == 1);
  const Form& f = doc.forms[0];
  CHECK(f.year.value == 2023);
  CHECK(f.project.value == "测试项目");
  CHECK(f.department.value == "某委员会");
  CHECK(f.implementer.value == "某中心");
  CHECK(f.unit.value == "万元");
  CHECK(f.goals_expected.value == "目标甲");
  CHECK(f.goals_achieved.value == "完成乙");
  CHECK(f.total.value.str() == "100.00");
  CHECK(f.grade.value == "优");
  CHECK(f.indicators.size() == 2);
  CHECK(indicator(doc, 1).level1.value == "效益指标");
  CHECK(doc.findings.empty());
}

TEST_CASE("labels split by spaces", "[layout][quirk]") {
  const std::string text =
      form_text(kGoals,
                "产出 指标\t数量 指标\t完成率\t≥95.00(%)\t100.00(%)\t60.00\t60.00\t\n"
                "满意 度指 标\t服务 对象 满意 度指 标\t满意度\t满意\t达成指标\t30.00\t30.00\t\n");
  const std::string spaced =
      std::string(text).replace(text.find("年度总体目标"), 18, "年度 总体 目标");
  const Document doc = read_text(spaced);
  CHECK(indicator(doc, 0).level1.value == "产出指标");
  CHECK(indicator(doc, 1).level1.value == "满意度指标");
  CHECK(indicator(doc, 1).level2.value == "服务对象满意度指标");
  CHECK(doc.forms[0].goals_expected.value == "目标甲");
  CHECK(repairs(doc).empty());
}

TEST_CASE("a row split across a page break is joined, and says so", "[layout][quirk]") {
  const std::string text = form_text(
      kGoals,
      "产出指标\t数量指标\t完成率\t≥95.00(%)\t100.00(%)\t60.00\t60.00\t\n"
      "满意 度指\t服务 对象\t满意度\t≥90.00(%)\t90.00(%)\t30.00\t29.00\t开展力度不够，科普工\n"
      "\n"
      "标\t满意度指标\t\t\t\t\t\t作影响力尚未凸显。\n");
  const Document doc = read_text(text);
  const Indicator& ind = indicator(doc, 1);
  CHECK(ind.level1.value == "满意度指标");
  CHECK(ind.level2.value == "服务对象满意度指标");
  CHECK(ind.reason.value == "开展力度不够，科普工作影响力尚未凸显。");
  CHECK(doc.forms[0].indicators.size() == 2);
  const auto r = repairs(doc);
  REQUIRE(r.size() == 1);
  CHECK(r[0].form == 0);
  CHECK(line_of(text, r[0]) == 18);
}

TEST_CASE("a reason continued on the next line joins its row", "[layout][quirk]") {
  const std::string text =
      form_text(kGoals,
                "产出指标\t数量指标\t完成率\t≥95.00(%)\t100.00(%)\t60.00\t59.00\t个别网点还有投诉\n"
                "\t\t\t\t\t\t\t改进措施：增加巡检。\n"
                "效益指标\t社会效益指标\t认可度\t≥90.00(%)\t95.00(%)\t30.00\t30.00\t\n");
  const Document doc = read_text(text);
  CHECK(indicator(doc, 0).reason.value == "个别网点还有投诉改进措施：增加巡检。");
  CHECK(indicator(doc, 1).reason.value.empty());
  CHECK(repairs(doc).size() == 1);
}

TEST_CASE("cells shifted right or left are read by their place from the numbers",
          "[layout][quirk]") {
  const std::string text =
      form_text(kGoals,
                "产出指标\t数量指标\t完成率\t≥95.00(%)\t100.00(%)\t60.00\t60.00\t\n"
                "\t效益指标\t社会效益指标\t营商环境\t优化\t达成指标\t15.00\t15.00\n"
                "认可度\t\t\t提升\t达成指标\t15.00\t14.00\t人才数量有待提升\n");
  const Document doc = read_text(text);
  const Indicator& right = indicator(doc, 1);
  CHECK(right.level1.value == "效益指标");
  CHECK(right.level2.value == "社会效益指标");
  CHECK(right.name.value == "营商环境");
  CHECK(right.target.value == "优化");
  CHECK(right.score.value.str() == "15.00");
  const Indicator& left = indicator(doc, 2);  // the name in the level-1 cell
  CHECK(left.level1.value == "效益指标");
  CHECK(left.level2.value == "社会效益指标");
  CHECK(left.name.value == "认可度");
  CHECK(left.target.value == "提升");
  CHECK(left.reason.value == "人才数量有待提升");
}

TEST_CASE("an empty cell between a name and its target", "[layout][quirk]") {
  const std::string text =
      form_text(kGoals,
                "产出指标\t数量指标\t完成率\t\t≥80.00(%)\t80.00(%)\t60.00\t60.00\t\n"
                "效益指标\t社会效益指标\t认可度\t≥90.00(%)\t95.00(%)\t30.00\t30.00\t\n");
  const Document doc = read_text(text);
  CHECK(indicator(doc, 0).name.value == "完成率");
  CHECK(indicator(doc, 0).target.value == "≥80.00(%)");
  CHECK(indicator(doc, 0).actual.value == "80.00(%)");
  CHECK(indicator(doc, 0).weight.value.str() == "60.00");
  CHECK(repairs(doc).empty());
}

TEST_CASE("a goal text continued after a page break", "[layout][quirk]") {
  const std::string goals =
      "\t\t<p>目标甲</p>\t\t<p>一、完成乙</p> <p>二、委托第三</p>\t\t\t\n\n"
      "\t\t\t\t方机构评估。\t\t\t\n";
  const std::string text = form_text(goals, kRows);
  const Document doc = read_text(text);
  REQUIRE(doc.forms.size() == 1);
  CHECK(doc.forms[0].goals_expected.value == "目标甲");
  CHECK(doc.forms[0].goals_achieved.value == "一、完成乙\n二、委托第三方机构评估。");
  const auto r = repairs(doc);
  REQUIRE(r.size() == 1);
  CHECK(line_of(text, r[0]) == 15);
}

TEST_CASE("<p> markup in goals is stripped, paragraphs joined by newlines", "[layout][quirk]") {
  const Document doc = read_text(form_text("\t\t<p>甲</p> <p>乙</p>\t\t<p>丙</p>\t\t\t\n", kRows));
  CHECK(doc.forms[0].goals_expected.value == "甲\n乙");
  CHECK(doc.forms[0].goals_achieved.value == "丙");
  CHECK(repairs(doc).empty());
}

TEST_CASE("thousands separators in amounts", "[layout][quirk]") {
  std::string text = form_text(kGoals, kRows);
  const std::string row = "\t\t年度资金总额:\t10.00\t10.00\t10.00";
  text.replace(text.find(row), row.size(), "\t\t年度资金总额:\t3,827.50\t3,602.50\t3,533.88");
  const Document doc = read_text(text);
  const FundsRow& total = doc.forms[0].row(FundsRowId::Total);
  CHECK(total.initial.value.str() == "3827.50");
  CHECK(total.annual.value.str() == "3602.50");
  CHECK(total.executed.value.str() == "3533.88");
  CHECK(doc.forms[0].funds_weight.value.str() == "10.00");
  CHECK(total.score.value.str() == "10.00");
}

TEST_CASE("TeX signs become plain text", "[layout][quirk]") {
  const Document doc = read_text(
      form_text("\t\t维护率 $\\geq 90\\%$ ；\t\t完成\t\t\t\n",
                "产出指标\t数量指标\t完成率\t$\\geq 90.00(\\%)$\t100.00(%)\t60.00\t60.00\t\n"
                "\t质量指标\t达标率\t$> 90.00(\\%)$\t100.00(%)\t30.00\t30.00\t\n"));
  CHECK(indicator(doc, 0).target.value == "≥90.00(%)");
  CHECK(indicator(doc, 1).target.value == ">90.00(%)");
  CHECK(doc.forms[0].goals_expected.value == "维护率 ≥90% ；");
}

TEST_CASE("a level-1 cell holding a level-2 name", "[layout][quirk]") {
  const std::string text =
      form_text(kGoals,
                "产出指标\t数量指标\t完成率\t≥95.00(%)\t100.00(%)\t30.00\t30.00\t\n"
                "质量指标\t质量指标\t达标率\t≥95.00(%)\t100.00(%)\t30.00\t30.00\t\n"
                "时效指标\t\t及时率\t≥95.00(%)\t100.00(%)\t30.00\t30.00\t\n");
  const Document doc = read_text(text);
  CHECK(indicator(doc, 1).level1.value == "产出指标");
  CHECK(indicator(doc, 1).level2.value == "质量指标");
  CHECK(indicator(doc, 2).level1.value == "产出指标");
  CHECK(indicator(doc, 2).level2.value == "时效指标");
  const auto r = repairs(doc);
  REQUIRE(r.size() == 2);
  CHECK(line_of(text, r[0]) == 16);
  CHECK(line_of(text, r[1]) == 17);
  CHECK(r[0].severity == Severity::Notice);
}

TEST_CASE("a level 1 that is missing is inferred from its level 2", "[layout][quirk]") {
  const Document doc = read_text(
      form_text(kGoals, "\t服务对象满意度指标\t满意度\t满意\t达成指标\t90.00\t90.00\t\n"));
  CHECK(indicator(doc, 0).level1.value == "满意度指标");
  CHECK(repairs(doc).size() == 1);
}

TEST_CASE("a shifted 总分 row still gives the total", "[layout][quirk]") {
  const Document doc = read_text(form_text(kGoals, kRows, "\n总分\t\t100.00\t98.00\t\n"));
  CHECK(doc.forms[0].total.value.str() == "98.00");
}

TEST_CASE("an empty text, or JSON named as text, says so", "[layout]") {
  for (const char* text : {"", " \r\n\t\n"}) {
    const Document doc = read_text(text);
    REQUIRE(doc.findings.size() == 1);
    CHECK(doc.findings[0].message.en.find("the file is empty: expected the printed table") == 0);
  }
  const Document json = read_text("\n  {\"year\": 2023}");
  REQUIRE(json.findings.size() == 1);
  CHECK(json.findings[0].message.en.find("this looks like JSON") == 0);
  CHECK(json.findings[0].offset == 3);
}

TEST_CASE("text with no form, or not UTF-8, is a parse error", "[layout]") {
  for (const char* text : {"hello\tworld\n", "项目\t说明\n一\t二"}) {
    const Document doc = read_text(text);
    CHECK_FALSE(doc.parsed);
    REQUIRE(doc.findings.size() == 1);
    CHECK(doc.findings[0].rule == RuleId::ParseError);
    CHECK(doc.findings[0].message.en.find("no 财政项目支出绩效自评表 found") == 0);
  }
  const Document bad = read_text("项目名称\t\xff\xfe\n");
  REQUIRE(bad.findings.size() == 1);
  CHECK(bad.findings[0].message.en.find("line 1: byte 0xFF cannot be read as UTF-8 or GBK") == 0);
}

namespace {

// UTF-8 text as UTF-16 with its byte-order mark, little- or big-endian (BMP characters only).
std::string utf16(const std::string& utf8, bool little) {
  std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
    unsigned unit = n == 1 ? c : n == 2 ? c & 0x1Fu : c & 0x0Fu;
    for (int k = 1; k < n; ++k) {
      unit = (unit << 6) | (static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]) & 0x3Fu);
    }
    const char hi = static_cast<char>(unit >> 8);
    const char lo = static_cast<char>(unit & 0xFF);
    out += little ? lo : hi;
    out += little ? hi : lo;
    i += static_cast<std::size_t>(n);
  }
  return out;
}

Document read_text_in(const std::string& text, TextEncoding encoding) {
  Readers readers;
  readers.set_encoding(encoding);
  Document doc;
  readers.read(Source("t.txt", text), Format::Tsv, doc);
  return doc;
}

}  // namespace

TEST_CASE("the layout as GBK or UTF-16 text reads as it does in UTF-8", "[layout]") {
  std::string utf8 = form_text(kGoals, kRows);
  utf8.replace(utf8.find("\t100.00\t10.00\n"), 14, "\t100.00\t9,8\n");  // a finding to place
  const Document want = read_text(utf8);
  REQUIRE(want.forms.size() == 1);
  REQUIRE(want.findings.size() == 1);
  std::string gbk;
  std::size_t bad = 0;
  REQUIRE(utf8_to_gb18030(utf8, gbk, bad));
  for (const auto& [text, encoding] :
       {std::pair{gbk, TextEncoding::Auto}, std::pair{gbk, TextEncoding::Gb18030},
        std::pair{utf16(utf8, true), TextEncoding::Auto},
        std::pair{utf16(utf8, false), TextEncoding::Utf8}}) {
    const Document doc = read_text_in(text, encoding);
    REQUIRE(doc.parsed);
    REQUIRE(doc.forms.size() == 1);
    CHECK(form_differences(doc.forms[0], want.forms[0]).empty());
    REQUIRE(doc.findings.size() == 1);
    CHECK(doc.findings[0].rule == RuleId::InvalidField);
    REQUIRE(doc.decoded.has_value());  // findings are placed in the text as read
    CHECK(doc.decoded->locate(doc.findings[0].offset).line == 8);
  }
  // --encoding utf-8 on GBK bytes names the line and byte; UTF-16 cut in a character too.
  const Document forced = read_text_in(gbk, TextEncoding::Utf8);
  REQUIRE(forced.findings.size() == 1);
  CHECK(forced.findings[0].message.en.find("line 1: byte 0x") == 0);
  CHECK(forced.findings[0].message.en.find("(the encoding --encoding names)") != std::string::npos);
  std::string cut = utf16(utf8, true);
  cut.pop_back();
  const Document half = read_text_in(cut, TextEncoding::Auto);
  REQUIRE(half.findings.size() == 1);
  CHECK(half.findings[0].message.en.find("line 18: the UTF-16 text ends inside a character") == 0);
  // Placed by line and character in what was read, not by a count of UTF-16 or GBK bytes.
  REQUIRE(half.decoded.has_value());
  CHECK(half.decoded->locate(half.findings[0].offset).line == 18);  // the last line
  std::string stray = gbk;
  stray.insert(stray.find("\t\n", stray.find("\t\t")), "\xFF");  // at the end of line 5
  const Document at = read_text_in(stray, TextEncoding::Gb18030);
  REQUIRE(at.findings.size() == 1);
  CHECK(at.findings[0].message.en.find("line 5: byte 0xFF is not valid GB18030") == 0);
  REQUIRE(at.decoded.has_value());
  const LineColumn where = at.decoded->locate(at.findings[0].offset);
  CHECK(where.line == 5);
  CHECK(where.column == 13);  // after 项目名称, 2 tabs, 测试项目, 2 tabs: 12 characters
}

TEST_CASE("a bad number in the layout is an invalid-field at its cell", "[layout]") {
  std::string text = form_text(kGoals, kRows);
  text.replace(text.find("\t100.00\t10.00\n"), 14, "\t100.00\t9,8\n");
  const Document doc = read_text(text);
  REQUIRE(doc.findings.size() == 1);
  CHECK(doc.findings[0].rule == RuleId::InvalidField);
  CHECK(line_of(text, doc.findings[0]) == 8);
}

TEST_CASE("bytes that are no text say what they look like", "[layout]") {
  // UTF-16 with no byte-order mark: NUL bytes, and a code unit neither encoding reads.
  const Document utf16 = read_text(std::string("\x79\x98\xEE\x76\t\0\x88\xFF", 8));
  REQUIRE(utf16.findings.size() == 1);
  CHECK(utf16.findings[0].message.en.find("is it UTF-16 without a byte-order mark?") !=
        std::string::npos);
  // UTF-8's byte-order mark, yet --encoding gbk.
  const Document bom = read_text_in("\xEF\xBB\xBF项目名称\t测试", TextEncoding::Gb18030);
  REQUIRE(bom.findings.size() == 1);
  CHECK(bom.findings[0].message.en.find("starts with UTF-8's byte-order mark: is it UTF-8?") !=
        std::string::npos);
}

TEST_CASE("a title with 财政 names no template: the real forms read the same with it", "[layout]") {
  // 财政项目支出绩效自评表 is printed in Shanghai (over a funds column headed 分数) and across the
  // provinces (over 分值): the heading, not the title, tells the template.
  std::size_t read = 0;
  for (const auto& entry : fs::directory_iterator(PES_REAL_FORMS_DIR)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".layout.txt")) continue;
    INFO(name);
    const std::string text = read_file(entry.path().string());
    std::string titled = text;
    const std::size_t at = titled.find("项目支出绩效自评表");
    REQUIRE(at != std::string::npos);
    const std::string_view caizheng_word = "财政";
    if (titled.find("部门预算项目") != std::string::npos) continue;  // Sichuan's own title
    if (at < caizheng_word.size() ||
        titled.compare(at - caizheng_word.size(), caizheng_word.size(), caizheng_word) != 0) {
      titled.insert(at, caizheng_word);
    }
    const Document plain = read_text(text);
    const Document caizheng = read_text(titled);
    REQUIRE(plain.forms.size() == caizheng.forms.size());
    for (std::size_t i = 0; i < plain.forms.size(); ++i) {
      CHECK(caizheng.forms[i].template_name.value == plain.forms[i].template_name.value);
      for (const auto& d : form_differences(caizheng.forms[i], plain.forms[i])) FAIL_CHECK(d);
    }
    ++read;
  }
  CHECK(read >= 4);
}

TEST_CASE("the unit of the amounts is read wherever the table states it", "[layout]") {
  const std::string text = form_text(kGoals, kRows);
  const std::string funds = "项目资金 (万元)";
  REQUIRE(text.find(funds) != std::string::npos);
  auto unit_of = [&](const std::string& edited) {
    const Document doc = read_text(edited);
    REQUIRE(doc.forms.size() == 1);
    return doc.forms[0].unit.value;
  };
  auto with = [&](std::string_view label, std::string_view title_tail = "",
                  std::string_view line = "") {
    std::string t = text;
    t.replace(t.find(funds), funds.size(), label);
    t.insert(t.find("\n"), title_tail);
    if (!line.empty()) t.insert(t.find("项目名称"), std::string(line) + "\n");
    return t;
  };
  CHECK(unit_of(text) == "万元");
  CHECK(unit_of(with("项目资金（元）")) == "元");
  CHECK(unit_of(with("项目资金(单位:元)")) == "元");
  CHECK(unit_of(with("项目资金（单位：元）")) == "元");
  CHECK(unit_of(with("项目资金", "（单位：元）")) == "元");            // in the title
  CHECK(unit_of(with("项目资金", "", "\t\t\t\t金额单位：元")) == "元");  // a line of its own
  CHECK(unit_of(with("项目资金", "", "单位:万元")) == "万元");
  CHECK(unit_of(with("项目资金")).empty());  // stated nowhere
  CHECK(layout::stated_unit("元旦慰问(元)") == "元");
  CHECK_FALSE(layout::stated_unit("春节(元旦)慰问").has_value());
  CHECK_FALSE(layout::stated_unit("专项资金(5000万元)").has_value());
}

TEST_CASE("a total row labelled 合计 or 总计, or written by hand with its grade", "[layout]") {
  const std::string path =
      std::string(PES_REAL_FORMS_DIR) + "/03-yunnan-lincang-yongde-2022.layout.txt";
  const std::string text = read_file(path);
  const std::string row = "总分\t\t\t\t\t\t\t\t100\t96\t优\n";
  REQUIRE(text.find(row) != std::string::npos);
  const Document want = read_text(text);
  REQUIRE(want.forms.size() == 1);
  REQUIRE(want.forms[0].total.value.str() == "96");
  auto read_with = [&](std::string_view replacement) {
    std::string t = text;
    t.replace(t.find(row), row.size(), replacement);
    const Document doc = read_text(t);
    REQUIRE(doc.forms.size() == 1);
    return doc;
  };
  for (const char* label : {"合计", "总计"}) {
    INFO(label);
    const Document doc = read_with(std::string(label) + "\t\t\t\t\t\t\t\t100\t96\t优\n");
    CHECK(form_differences(doc.forms[0], want.forms[0]).empty());
  }
  // By hand: 总分 | 96 | 评分等级 | 优, and 96分.
  for (const char* hand : {"总分\t96\t评分等级\t优\n", "总分\t96分\t评分等级\t优\n"}) {
    const Document doc = read_with(hand);
    CHECK(doc.forms[0].total.value.str() == "96");
    CHECK(doc.forms[0].grade.value == "优");
  }
  // A total row with nothing in its score column stays unscored: its 分值 is no total.
  const Document unscored = read_with("总分\t\t\t\t\t\t\t\t100\t\t\n");
  CHECK_FALSE(unscored.forms[0].total.present());
}
