// The tables everything else reads: the field table, the format table, the reporter registry.
#include <catch2/catch.hpp>

#include <set>

#include "pes/csv_columns.h"
#include "pes/fields.h"
#include "pes/form_schema.h"
#include "pes/formats.h"
#include "pes/report.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

TEST_CASE("every value field has the one member pointer its parent and type call for", "[fields]") {
  std::set<FieldKey> keys;
  for (const FieldInfo& f : fields()) {
    CHECK(keys.insert(f.key).second);  // one row per key
    CHECK(&field_info(f.key) == &f);
    const int pointers = (f.form_text != nullptr) + (f.form_number != nullptr) +
                         (f.form_year != nullptr) + (f.row_text != nullptr) +
                         (f.row_number != nullptr) + (f.indicator_text != nullptr) +
                         (f.indicator_number != nullptr) + (f.indicator_flag != nullptr);
    CHECK(pointers == (f.is_value() && f.type != FieldType::Ordinal ? 1 : 0));
    if (f.parent == FieldParent::Row) CHECK((f.row_text != nullptr || f.row_number != nullptr));
    if (f.parent == FieldParent::Indicator) {
      CHECK((f.indicator_text != nullptr || f.indicator_number != nullptr ||
             f.indicator_flag != nullptr));
    }
    if (f.type == FieldType::Str) {
      CHECK((f.form_text != nullptr || f.row_text != nullptr || f.indicator_text != nullptr));
    }
    if (f.type == FieldType::Bool) CHECK(f.indicator_flag != nullptr);
    CHECK_FALSE(f.zh.empty());
    CHECK_FALSE(f.en.empty());
  }
  CHECK(keys.size() == kFieldKeyCount);
}

TEST_CASE("pointers and names come from the field table", "[fields]") {
  CHECK(json_pointer({FieldKey::RowRate, FundsRowId::Fiscal, 0}) == "/funds/fiscal/rate");
  CHECK(json_pointer({FieldKey::FundsWeight}) == "/funds/weight");
  CHECK(json_pointer({FieldKey::Score, {}, 3}) == "/indicators/3/score");
  CHECK(json_pointer({FieldKey::Indicator, {}, 3}) == "/indicators/3");
  CHECK(json_pointer({FieldKey::GoalsAchieved}) == "/goals/achieved");
  CHECK(json_pointer({FieldKey::Form}).empty());
  CHECK(field_name({FieldKey::RowRate, FundsRowId::Total, 0}) == "funds.total.rate");
  CHECK(field_name({FieldKey::Score, {}, 3}) == "indicators[3].score");
  CHECK(field_name({FieldKey::Row, FundsRowId::Other, 0}) == "funds.other");
  CHECK(field_name({FieldKey::Form}) == "form");
  CHECK(field_label_zh(FieldKey::RowAnnual) == "全年预算数");
  CHECK(row_label_zh(FundsRowId::Carryover) == "上年结转资金");
  CHECK(find_field(FieldParent::Indicator, "reason")->key == FieldKey::Reason);
  CHECK(find_field(FieldParent::Form, "reason") == nullptr);
}

TEST_CASE("a member is found wherever it stands, starting where the last one was",
          "[fields]") {
  const auto fields = fields_of(FieldParent::Indicator);
  REQUIRE(fields.size() >= 3);
  // In the table's order, then backwards, then an unknown name: the same answers as the plain
  // lookup, and `next` just past the last match.
  std::size_t next = 0;
  for (const FieldInfo* f : fields) CHECK(find_field(FieldParent::Indicator, f->json, next) == f);
  CHECK(next == fields.size());
  for (std::size_t i = fields.size(); i-- > 0;) {
    CHECK(find_field(FieldParent::Indicator, fields[i]->json, next) == fields[i]);
    CHECK(next == i + 1);
  }
  const std::size_t before = next;
  CHECK(find_field(FieldParent::Indicator, "judgement", next) == nullptr);
  CHECK(next == before);
  std::size_t at_end = fields.size();
  CHECK(find_field(FieldParent::Indicator, fields[0]->json, at_end) == fields[0]);
}

TEST_CASE("the CSV columns are a view of the field table", "[fields][csv]") {
  std::vector<std::string> names;
  for (const CsvColumn& c : csv_columns()) names.push_back(c.name);
  const std::vector<std::string> expected = {
      "form", "project", "year", "department", "implementer", "unit", "template", "funds_weight",
      "total_label", "initial", "annual", "executed", "rate", "funds_score", "fiscal_label",
      "fiscal_initial", "fiscal_annual", "fiscal_executed", "fiscal_rate", "carryover_label",
      "carryover_initial", "carryover_annual", "carryover_executed", "carryover_rate",
      "special_account_label", "special_account_initial", "special_account_annual",
      "special_account_executed", "special_account_rate", "unit_funds_label",
      "unit_funds_initial", "unit_funds_annual", "unit_funds_executed", "unit_funds_rate",
      "other_label", "other_initial", "other_annual", "other_executed", "other_rate",
      "goals_expected", "goals_achieved", "level1", "level2", "name", "target", "actual",
      "weight", "score", "reason", "sub_item", "total", "grade"};
  CHECK(names == expected);
  CHECK(find_csv_column("当年财政拨款执行率")->name == "fiscal_rate");
  CHECK(find_csv_column("年度资金总额 得分")->name == "funds_score");
  CHECK(find_csv_column("年度总体目标")->name == "goals_expected");
  CHECK(find_csv_column("分值")->name == "weight");  // not the budget's 分值
  CHECK(find_csv_column("FISCAL_RATE")->name == "fiscal_rate");
  CHECK(find_csv_column("备注") == nullptr);
  CHECK(find_csv_column("财政专户管理资金执行率")->name == "special_account_rate");
  CHECK(find_csv_column("单位资金行名称")->name == "unit_funds_label");
}

TEST_CASE("every format has a name, extensions and a reader", "[formats]") {
  std::set<std::string_view> names;
  for (const FormatInfo& f : formats()) {
    CHECK(names.insert(f.name).second);
    CHECK_FALSE(f.extensions.empty());
    CHECK(f.read != nullptr);
    CHECK(&format_info(f.id) == &f);
  }
  CHECK(format_for_path("a/b.JSONL") == Format::JsonLines);
  CHECK(format_for_path("x.tsv") == Format::Tsv);
  CHECK(format_for_path("dir.csv/x") == Format::Json);  // unknown: read as JSON
  CHECK_FALSE(has_known_extension("notes.md"));
  CHECK_FALSE(format_info(Format::Tsv).walked);
  CHECK(format_info(Format::Csv).writable);
  CHECK(describe_formats(FormatFilter::Writable, false) == "pes/1 JSON (.json), CSV (.csv)");
  CHECK(format_extensions(FormatFilter::Walked) ==
        ".json, .jsonl, .ndjson, .csv, .xlsx, .docx, .html, .htm, .xls, .doc, .et, .wps");
}

TEST_CASE("the report schema's format enum is the format table's names", "[formats]") {
  const auto schema =
      nlohmann::json::parse(read_file(std::string(PES_SOURCE_DIR) + "/schemas/report.schema.json"));
  const auto& e = schema["$defs"]["file"]["properties"]["format"]["enum"];
  std::vector<std::string> in_schema(e.begin(), e.end());
  std::vector<std::string> in_table;
  for (const FormatInfo& f : formats()) in_table.emplace_back(f.name);
  CHECK(in_schema == in_table);
}

TEST_CASE("every reporter has a name and a maker", "[report]") {
  std::set<std::string_view> names;
  for (const ReporterInfo& r : reporters()) {
    CHECK(names.insert(r.name).second);
    CHECK(r.make != nullptr);
    CHECK(find_reporter(r.name) == &r);
  }
  CHECK(find_reporter("xml") == nullptr);
  CHECK(reporter_names().starts_with("text, json, sarif, github, junit"));
}

TEST_CASE("schemas/pes-1.schema.json is the schema the field table writes", "[fields]") {
  // After changing the field table: build/pes schema > schemas/pes-1.schema.json
  CHECK(read_file(std::string(PES_SOURCE_DIR) + "/schemas/pes-1.schema.json") == form_schema());
}
