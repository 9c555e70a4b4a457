// Bad input gets a clear message with its line and column, never a crash.
#include "pes/json_reader.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "read/json/json_syntax.h"
#include <string>

#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {
Finding only_parse_error(const FileResult& r) {
  REQUIRE_FALSE(r.doc.parsed);
  REQUIRE(r.forms.empty());
  REQUIRE(r.file_findings.size() == 1);
  CHECK(r.file_findings[0].rule == RuleId::ParseError);
  return r.file_findings[0];
}
}  // namespace

TEST_CASE("empty and blank files", "[json]") {
  for (const char* text : {"", "  \n\t ", "\xEF\xBB\xBF"}) {
    const Finding f = only_parse_error(check_text(text));
    CHECK(f.message.en.find("empty") != std::string::npos);
  }
}

TEST_CASE("truncated and malformed JSON name line and column", "[json]") {
  const Finding t = only_parse_error(check_text("{\n  \"year\": 2023,\n  \"project\": \"x"));
  CHECK(t.line == 3);
  CHECK(t.message.en.find("not well-formed JSON") == 0);

  const Finding c = only_parse_error(check_text("{\n  \"year\": 2023,\n}"));
  CHECK(c.line == 3);
  CHECK(c.column == 1);

  const Finding trailing = only_parse_error(check_text("{\"year\": 2023} x"));
  CHECK(trailing.line == 1);

  const Finding utf8 = only_parse_error(check_text("{\"project\": \"\xC3\x28\"}"));
  CHECK(utf8.line == 1);
}

TEST_CASE("deep nesting gets an answer, never a crash", "[json]") {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  const FileResult array = check_text(deep);
  const auto found = all_findings(array);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.en == "form: expected a form object, found an array");

  std::string objects = "{\"funds\": ";
  for (int i = 0; i < 5000; ++i) objects += "{\"x\": ";
  objects += "1" + std::string(5000, '}') + "}";
  const FileResult nested = check_text(objects);
  CHECK(nested.count(Severity::Error) > 0);
}

TEST_CASE("a string where a number belongs, and numbers as strings", "[json]") {
  nlohmann::ordered_json f = sample(1);
  f["funds"]["total"]["executed"] = "十九点五";
  f["total"] = " 99.84 ";
  f["funds"]["total"]["rate"] = "98.48%";
  const FileResult r = check_json(f);
  const auto bad = of_rule(r, RuleId::InvalidField);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].pointer == "/funds/total/executed");
  CHECK(bad[0].message.en ==
        "funds.total.executed: “十九点五” is not a number; write it in digits");
  CHECK(of_rule(r, RuleId::RateMismatch).empty());
  CHECK(of_rule(r, RuleId::TotalMismatch).empty());
}

TEST_CASE("wrong kinds of values", "[json]") {
  nlohmann::ordered_json f = sample(1);
  f["indicators"][0]["weight"] = nlohmann::ordered_json::array();
  f["funds"]["fiscal"] = true;
  const auto bad = of_rule(check_json(f), RuleId::InvalidField);
  REQUIRE(bad.size() == 2);
  CHECK(bad[0].message.en == "funds.fiscal: expected an object, found true/false");
  CHECK(bad[1].message.en == "indicators[0].weight: expected a number, found an array");
}

TEST_CASE("huge numbers are an invalid field, never a silent wrap", "[json]") {
  nlohmann::ordered_json f = sample(1);
  const std::string text = f.dump(2);
  std::string big = text;
  const auto at = big.find("\"total\": 99.84");
  REQUIRE(at != std::string::npos);
  big.replace(at, 14, "\"total\": 1e400");
  const auto bad = of_rule(check_text(big), RuleId::InvalidField);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].message.en.find("too large") != std::string::npos);
}

TEST_CASE("findings point at the line and column of the value", "[json]") {
  const std::string text =
      "{\n"
      "  \"year\": 2023, \"project\": \"p\", \"grade\": \"优\",\n"
      "  \"funds\": {\"total\": {\"initial\": 1, \"annual\": 2, \"executed\": 1, \"rate\": "
      "49.00}},\n"
      "  \"indicators\": [], \"total\": 5\n"
      "}\n";
  const auto rate = of_rule(check_text(text), RuleId::RateMismatch);
  REQUIRE(rate.size() == 1);
  CHECK(rate[0].line == 3);
  CHECK(rate[0].column == 73);
  CHECK(rate[0].expected == "50.00");
}

TEST_CASE("an array file holds many forms, pointers start with the index", "[json]") {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  a.push_back(sample(1));
  a.push_back(sample(2));
  a[1]["total"] = "1";
  a.push_back(42);
  const FileResult r = check_json(a);
  REQUIRE(r.doc.is_array);
  REQUIRE(r.forms.size() == 2);
  const auto total = of_rule(r, RuleId::TotalMismatch);
  REQUIRE(total.size() == 1);
  CHECK(total[0].pointer == "/1/total");
  const auto bad = of_rule(r, RuleId::InvalidField);
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].form == 2);
}

TEST_CASE("a byte-order mark is allowed", "[json]") {
  const FileResult r = check_text("\xEF\xBB\xBF" + read_file(sample_path(1)));
  REQUIRE(r.doc.parsed);
  CHECK(all_findings(r).empty());
}

TEST_CASE("number tokens must be JSON numbers", "[json]") {
  const std::string good = read_file(sample_path(1));
  for (const char* bad : {"0x10", "NaN", "+5", "01", "1.", ".5"}) {
    std::string text = good;
    const auto at = text.find("\"total\": 99.84");
    REQUIRE(at != std::string::npos);
    text.replace(at, 14, std::string("\"total\": ") + bad);
    INFO(bad);
    const Finding f = only_parse_error(check_text(text));
    CHECK(f.message.en.rfind("not well-formed JSON", 0) == 0);
  }
}

TEST_CASE("encodings other than UTF-8 are named", "[json]") {
  const Finding utf16 = only_parse_error(check_text(std::string("\xFF\xFE{\0}\0", 6)));
  CHECK(utf16.message.en == "the file is encoded as UTF-16; save it as UTF-8");
  // 项目 in GBK is CF EE C4 BF.
  const Finding gbk = only_parse_error(check_text("{\n\"project\": \"\xCF\xEE\xC4\xBF\"}"));
  CHECK(gbk.line == 2);
  CHECK(gbk.column == 13);
  CHECK(gbk.message.en == "not valid UTF-8: byte 0xCF; is the file GBK? Save it as UTF-8");
}

TEST_CASE("top-level values that are no form", "[json]") {
  for (const char* text : {"null", "42", "\"form\"", "true"}) {
    const FileResult r = check_text(text);
    INFO(text);
    REQUIRE(r.file_findings.size() == 1);
    CHECK(r.file_findings[0].rule == RuleId::InvalidField);
  }
}

TEST_CASE("the parser's messages are in Chinese too, with no English left", "[json]") {
  struct Case {
    const char* text;
    const char* zh;
  };
  const Case cases[] = {
      {"{\"year\": 2023,", "JSON 格式错误：解析对象的键时出错：意外的文本结尾；应为字符串"},
      {"{\"year\": 2023 \"x\": 1}", "JSON 格式错误：解析对象时出错：意外的字符串；应为“}”"},
      {"[1,]", "JSON 格式错误：解析值时出错：意外的“]”；应为“[”、“{” 或一个值"},
      {"{\"year\": -}", "JSON 格式错误：解析值时出错：无效的数字：'-' 之后应为数字"},
      {"{\"year\": \"a\tb\"}",
       "JSON 格式错误：解析值时出错：字符串中的控制字符 U+0009 (HT) 须转义为 \\u0009 或 \\t"},
      {"{\"year\": \"ab", "JSON 格式错误：解析值时出错：字符串缺少右引号"},
      {"{\"year\": x}",
       "JSON 格式错误：解析值时出错：无效的值（应为 true、false、null、数字或带引号的字符串）"},
  };
  for (const Case& c : cases) {
    const Finding f = only_parse_error(check_text(c.text));
    INFO(c.text << " → " << f.message.en);
    CHECK(f.message.zh == c.zh);
    CHECK(f.message.en.starts_with("not well-formed JSON: syntax error"));
  }
}

TEST_CASE("a cut-short atom is no JSON, where a whole one is read", "[json]") {
  // On-Demand tells null, true and false by their first letter; pes checks the rest.
  for (const char* atom : {"nul", "tru", "fals", "nulll", "truex"}) {
    const std::string text = fmt::format("{{\"year\": 2023, \"grade\": {}}}", atom);
    INFO(text);
    const Finding f = only_parse_error(check_text(text));
    CHECK(f.line == 1);
    CHECK(f.message.en.starts_with("not well-formed JSON: syntax error"));
  }
  // In a member pes does not read too.
  const Finding f = only_parse_error(check_text("{\"year\": 2023, \"note\": nul}"));
  CHECK(f.message.en.starts_with("not well-formed JSON: syntax error"));
  for (const char* atom : {"null", "true", "false"}) {
    const std::string text =
        fmt::format("{{\"year\": 2023, \"grade\": {}, \"note\": {} }}", atom, atom);
    INFO(text);
    const FileResult r = check_text(text);
    REQUIRE(r.doc.forms.size() == 1);
    CHECK(r.doc.forms[0].year.value == 2023);
  }
}

TEST_CASE("a value pes does not read is held to JSON at any depth", "[json]") {
  // On-Demand passes over what pes does not ask for without looking at its atoms, numbers or
  // escapes; pes looks. Each place below is one where a value is passed over: a member pes
  // does not know (in the form, in funds, in a row, in an indicator), a value of a kind its
  // field cannot hold.
  const char* places[] = {
      R"({"year": 2023, "note": @})",
      R"({"year": 2023, "note": {"a": [1, {"b": @}]}})",
      R"({"year": 2023, "funds": {"remark": [@]}})",
      R"({"year": 2023, "funds": {"total": {"annual": 1, "why": {"x": @}}}})",
      R"({"year": 2023, "indicators": [{"name": "甲", "extra": [[@]]}]})",
      R"({"year": 2023, "project": {"x": @}})",
      R"({"year": {"x": @}})",
      R"({"year": 2023, "indicators": {"x": @}})",
      R"({"year": 2023, "funds": [@]})",
      R"({"year": 2023, "indicators": [{"name": "甲", "weight": [@]}]})",
  };
  for (const char* place : places) {
    for (const char* bad : {"nul", "tru", "0x10", "01", R"("\q")", "1."}) {
      std::string text = place;
      text.replace(text.find('@'), 1, bad);
      INFO(text);
      const Finding f = only_parse_error(check_text(text));
      CHECK(f.message.en.starts_with("not well-formed JSON: syntax error"));
    }
    // The same places with JSON in them read on: a wrong kind is a finding, not an error.
    for (const char* good : {"null", "true", "-1.5e3", R"("\\q\u0041")", "[]", "{}"}) {
      std::string text = place;
      text.replace(text.find('@'), 1, good);
      INFO(text);
      const FileResult r = check_text(text);
      REQUIRE(r.doc.forms.size() == 1);
      for (const Finding& f : r.file_findings) CHECK(f.rule != RuleId::ParseError);
    }
  }
}

TEST_CASE("a passed-over value is checked without recursion and within its text", "[json]") {
  using pes::json::check_passed_value;
  // Deeper than any stack: 200,000 arrays, with a cut-short atom at the bottom or none.
  const std::string open(200000, '['), close(200000, ']');
  CHECK(check_passed_value(open + "1" + close) == simdjson::SUCCESS);
  CHECK(check_passed_value(open + "nul" + close) == simdjson::N_ATOM_ERROR);
  const FileResult deep = check_text("{\"year\": 2023, \"note\": " + open + "true" + close + "}");
  REQUIRE(deep.doc.forms.size() == 1);
  CHECK(deep.doc.forms[0].year.value == 2023);
  // The value ends where its brackets close: what follows is not its business.
  CHECK(check_passed_value(R"([1, {"a": "b"}] nul)") == simdjson::SUCCESS);
  CHECK(check_passed_value("\"a\" x") == simdjson::SUCCESS);
  // Never past the text: an unclosed array, string or escape at the very end.
  for (const char* cut : {"[[1,", "\"abc", "\"\\", "\"\\u12", "{\"a\": tr"}) {
    INFO(cut);
    const std::string text = cut;  // its own allocation: ASan sees a read past it
    CHECK(check_passed_value(text) != simdjson::SUCCESS);
  }
  // A surrogate only as the first of a pair, as in the strings pes reads.
  CHECK(check_passed_value(R"("\uD83D\uDE00")") == simdjson::SUCCESS);
  for (const char* lone : {R"("\uD800")", R"("\uD800x")", R"("\uDC00")", R"("\uD800\u0041")",
                           R"("\uD800\")", R"("\uD800\uDC")"}) {
    INFO(lone);
    CHECK(check_passed_value(lone) == simdjson::STRING_ERROR);
  }
  // Raw control characters in a string are no JSON; escaped ones are.
  CHECK(check_passed_value("\"a\tb\"") == simdjson::UNESCAPED_CHARS);
  CHECK(check_passed_value(R"("a\tb\u00e9\/")") == simdjson::SUCCESS);
  const Finding tab = only_parse_error(check_text("{\"year\": 2023, \"note\": [\"a\tb\"]}"));
  CHECK(tab.message.en.starts_with("not well-formed JSON: syntax error"));
}

TEST_CASE("the four hex digits of a \\u escape", "[json]") {
  using pes::json::hex4;
  CHECK(hex4("0041") == 0x41);
  CHECK(hex4("dC00rest") == 0xDC00);
  CHECK(hex4("FFFF") == 0xFFFF);
  CHECK(hex4("004") == -1);  // too short
  CHECK(hex4("00g1") == -1);
  CHECK(hex4("") == -1);
}

TEST_CASE("member names with escapes are read as JSON means them", "[json]") {
  // "\u0079ear" is "year" and "pro\u006aect" is "project"; a name that only looks like a
  // field's once its escape is kept raw ("ye\\ar") names no field.
  const FileResult r = check_text(
      "{\"\\u0079ear\": 2023, \"pro\\u006aect\": \"甲\", \"ye\\\\ar\": 1999, "
      "\"funds\": {\"tot\\u0061l\": {\"annual\": 100}}}");
  REQUIRE(r.doc.forms.size() == 1);
  const Form& form = r.doc.forms[0];
  CHECK(form.year.ok());
  CHECK(form.year.value == 2023);
  CHECK(form.project.value == "甲");
  CHECK(form.row(FundsRowId::Total).annual.ok());
}
