// JSON → CSV → JSON gives back the same forms, digit for digit, and the CSV checks the same.
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>

#include "pes/fields.h"
#include "pes/csv_writer.h"
#include "pes/form_writer.h"
#include "pes/readers.h"
#include "pes/text_encoding.h"
#include "pes/writers.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

Document read_as(const std::string& text, Format format, const std::string& path) {
  Readers readers;
  Document doc;
  readers.read(Source(path, text), format, doc);
  return doc;
}

// A number as the form carries it: state and every digit ("9.80", not 9.8).
std::string show(const Number& n) {
  return n.ok() ? n.value.str() : n.present() ? "<invalid>" : "<missing>";
}
std::string show(const Text& t) {
  return t.ok() ? "“" + t.value + "”" : t.present() ? "<invalid>" : "<missing>";
}

void require_same(const Form& a, const Form& b) {
  CHECK(a.year.ok() == b.year.ok());
  CHECK(a.year.value == b.year.value);
  CHECK(show(a.project) == show(b.project));
  CHECK(show(a.department) == show(b.department));
  CHECK(show(a.implementer) == show(b.implementer));
  CHECK(show(a.unit) == show(b.unit));
  CHECK(show(a.template_name) == show(b.template_name));
  CHECK(show(a.funds_weight) == show(b.funds_weight));
  for (FundsRowId id : kFundsRows) {
    INFO("funds row " << row_name(id));
    const FundsRow& x = a.row(id);
    const FundsRow& y = b.row(id);
    CHECK(x.present == y.present);
    CHECK(show(x.label) == show(y.label));
    CHECK(show(x.initial) == show(y.initial));
    CHECK(show(x.annual) == show(y.annual));
    CHECK(show(x.executed) == show(y.executed));
    CHECK(show(x.rate) == show(y.rate));
    CHECK(show(x.score) == show(y.score));
  }
  CHECK(show(a.goals_expected) == show(b.goals_expected));
  CHECK(show(a.goals_achieved) == show(b.goals_achieved));
  REQUIRE(a.indicators.size() == b.indicators.size());
  for (std::size_t i = 0; i < a.indicators.size(); ++i) {
    INFO("indicator " << i);
    const Indicator& x = a.indicators[i];
    const Indicator& y = b.indicators[i];
    CHECK(show(x.level1) == show(y.level1));
    CHECK(show(x.level2) == show(y.level2));
    CHECK(show(x.name) == show(y.name));
    CHECK(show(x.target) == show(y.target));
    CHECK(show(x.actual) == show(y.actual));
    CHECK(show(x.weight) == show(y.weight));
    CHECK(show(x.score) == show(y.score));
    CHECK(show(x.reason) == show(y.reason));
    CHECK(x.is_sub_item() == y.is_sub_item());
  }
  CHECK(show(a.total) == show(b.total));
  CHECK(show(a.grade) == show(b.grade));
}

std::string to_csv(const std::vector<Form>& forms, TextEncoding encoding = TextEncoding::Utf8) {
  std::string out;
  Message error;
  REQUIRE(write_forms(forms, Format::Csv, encoding, out, error));
  return out;
}

// What a check finds, without where: rule, reported, expected, message.
std::vector<std::string> outcomes(const FileResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : all_findings(r)) {
    out.push_back(std::string(rule_info(f.rule).name) + " | " + f.reported + " | " + f.expected +
                  " | " + f.message.en);
  }
  // Findings come in the order of the file, and a CSV puts the form's cells on its first row.
  std::sort(out.begin(), out.end());
  return out;
}

FileResult check_as(const std::string& text, const std::string& path) {
  Checker checker(Options{});
  FileResult r;
  r.path = path;
  r.opened = true;
  r.source = Source(path, text);
  checker.check_source(r);
  return r;
}

}  // namespace

TEST_CASE("each seed sample converts to CSV and back unchanged, digits included", "[csv]") {
  for (int n = 1; n <= 12; ++n) {
    INFO("form " << n);
    const std::string json = read_file(sample_path(n));
    const Document original = read_as(json, Format::Json, "form.json");
    REQUIRE(original.parsed);
    REQUIRE(original.findings.empty());
    const std::string csv = to_csv(original.forms);
    CHECK(csv.starts_with(kUtf8Bom));
    const Document back = read_as(csv, Format::Csv, "form.csv");
    REQUIRE(back.parsed);
    REQUIRE(back.findings.empty());
    REQUIRE(back.forms.size() == 1);
    require_same(original.forms[0], back.forms[0]);
    // And written back as JSON, the text is the sample's own, byte for byte.
    std::string again;
    write_form_json(back.forms[0], again);
    CHECK(again + "\n" == json);
  }
}

TEST_CASE("a template, row labels, Sichuan's funds rows and a sub-item survive CSV", "[csv]") {
  auto f = sample(1);
  f["template"] = "部门预算项目支出绩效自评表";
  f["funds"]["fiscal"]["label"] = "其中:财政资金";
  f["funds"]["total"]["initial"] = "10.80";
  f["funds"]["total"]["annual"] = "20.80";
  f["funds"]["total"]["executed"] = "20.50";
  f["funds"]["special_account"] = {{"label", "财政专户管理资金"}, {"initial", "1.00"},
                                   {"annual", "1.00"},           {"executed", "1.00"}};
  auto sub = f["indicators"][0];
  sub["name"] = "其中：子项";
  sub["sub_item"] = true;
  sub.erase("weight");
  sub.erase("score");
  f["indicators"].insert(f["indicators"].begin() + 1, sub);
  const Document original = read_as(f.dump(2), Format::Json, "form.json");
  REQUIRE(original.findings.empty());
  const Document back = read_as(to_csv(original.forms), Format::Csv, "form.csv");
  REQUIRE(back.parsed);
  REQUIRE(back.findings.empty());
  REQUIRE(back.forms.size() == 1);
  require_same(original.forms[0], back.forms[0]);
  CHECK(back.forms[0].row(FundsRowId::SpecialAccount).present);
  CHECK(back.forms[0].indicators[1].is_sub_item());
}

TEST_CASE("the twelve samples in one CSV, and as GB18030, read back as twelve forms", "[csv]") {
  std::vector<Form> forms;
  for (int n = 1; n <= 12; ++n) {
    Document d = read_as(read_file(sample_path(n)), Format::Json, "form.json");
    forms.push_back(d.forms.at(0));
  }
  for (TextEncoding e : {TextEncoding::Utf8, TextEncoding::Gb18030}) {
    INFO(text_encoding_name(e));
    const std::string csv = to_csv(forms, e);
    CHECK(csv.starts_with(kUtf8Bom) == (e == TextEncoding::Utf8));
    const Document back = read_as(csv, Format::Csv, "all.csv");
    REQUIRE(back.findings.empty());
    REQUIRE(back.forms.size() == 12);
    CHECK(back.decoded.has_value() == (e == TextEncoding::Gb18030));
    for (std::size_t i = 0; i < 12; ++i) {
      INFO("form " << i + 1);
      CHECK(back.forms[i].index == i);
      require_same(forms[i], back.forms[i]);
    }
  }
  // samples/filings.csv is exactly what pes writes for them.
  CHECK(read_file(std::string(PES_SOURCE_DIR) + "/samples/filings.csv") == to_csv(forms));
}

TEST_CASE("a form as CSV checks with the same findings as the form as JSON", "[csv]") {
  // Each sample, as filed, and broken in ways that fire the rules.
  auto breakages = std::vector<std::function<void(nlohmann::ordered_json&)>>{
      [](nlohmann::ordered_json&) {},
      [](nlohmann::ordered_json& f) {
        f["total"] = "97.00";
        f["grade"] = "良";
      },
      [](nlohmann::ordered_json& f) {
        f["funds"]["fiscal"]["rate"] = "90.00";
        f["funds"]["total"]["score"] = "9.99";
        f["indicators"][0]["score"] = "99.00";
        f["indicators"][1]["level2"] = "质量";
      },
      [](nlohmann::ordered_json& f) {
        f["indicators"][2]["score"] = "-1";
        f["indicators"][2]["weight"] = "16.5";
        f["funds"]["other"]["executed"] = "3";
      },
  };
  for (int n = 1; n <= 12; ++n) {
    for (std::size_t b = 0; b < breakages.size(); ++b) {
      INFO("form " << n << ", breakage " << b);
      // Numbers as strings keep their digits through nlohmann's dump.
      nlohmann::ordered_json j = sample(n);
      breakages[b](j);
      const std::string json = j.dump(2);
      const FileResult from_json = check_as(json, "form.json");
      const Document doc = read_as(json, Format::Json, "form.json");
      const FileResult from_csv = check_as(to_csv(doc.forms), "form.csv");
      if (b > 0) CHECK_FALSE(outcomes(from_json).empty());
      CHECK(outcomes(from_csv) == outcomes(from_json));
      REQUIRE(from_csv.forms.size() == 1);
      CHECK(from_csv.forms[0].re.total == from_json.forms[0].re.total);
    }
  }
}

TEST_CASE("CSV findings name the line and the column's header, not a JSON Pointer", "[csv]") {
  std::string csv = to_csv(read_as(read_file(sample_path(11)), Format::Json, "f.json").forms);
  FileResult r = check_as(csv, "f.csv");
  auto found = all_findings(r);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == RuleId::DeductionWithoutReason);
  CHECK(found[0].pointer == "偏差原因分析及改进措施");
  CHECK(found[0].line == 14);  // the 13th indicator's row, after the header

  // A header in pes/1 names is named as the file names it.
  const std::string named =
      "project,year,initial,annual,executed,rate,funds_score,level1,level2,name,weight,score,total,"
      "grade\n"
      "p,2023,10,10,10,100.00,10.00,产出指标,数量指标,a,90,90,100.00,优\n"
      "p,,,,,,,,,b,0,1,,\n";
  r = check_as(named, "n.csv");
  const auto out_of_range = of_rule(r, RuleId::ScoreOutOfRange);
  REQUIRE(out_of_range.size() == 1);
  CHECK(out_of_range[0].pointer == "score");
  CHECK(out_of_range[0].line == 3);
  CHECK(out_of_range[0].column == 15);  // p,,,,,,,,,b,0,1
  const auto total = of_rule(r, RuleId::TotalMismatch);
  REQUIRE(total.size() == 1);
  CHECK(total[0].pointer == "total");
  CHECK(total[0].line == 2);
}
