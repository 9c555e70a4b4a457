// A large JSON array is read in parts of whole forms: every report is the same as when the
// array is read whole, and a file that cannot be cut safely is read whole.
#include <fcntl.h>
#include <simdjson.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "pes/pipeline.h"
#include "pes/report.h"
#include "pipeline/array_cutter.h"
#include "temp_dir.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;
using json = nlohmann::ordered_json;

namespace {

struct Reports {
  std::size_t results = 0;  // results handed back: more than one when the file was cut
  std::string text;
  std::string json_report;
  std::string forms;
  std::string findings;
  std::string junit;
  std::string sarif;
};

// Every reporter that shows places, run over one input with blocks of `block` bytes.
Reports run_reports(const std::string& path, std::size_t block) {
  RunConfig config;
  config.jobs = 2;
  config.block_bytes = block;
  std::ostringstream text, json_report, forms, findings, junit, sarif;
  ReportStyle style;
  std::vector<std::unique_ptr<Reporter>> reporters;
  reporters.push_back(find_reporter("text")->make(text, style, ""));
  reporters.push_back(find_reporter("json")->make(json_report, style, ""));
  reporters.push_back(find_reporter("forms")->make(forms, style, "t.csv"));
  reporters.push_back(find_reporter("findings")->make(findings, style, "t.jsonl"));
  reporters.push_back(find_reporter("junit")->make(junit, style, ""));
  reporters.push_back(find_reporter("sarif")->make(sarif, style, ""));
  Reports r;
  Summary summary;
  run_pipeline({{path, Format::Json}}, config, [&](FileResult& result) {
    ++r.results;
    summary.add(result);
    for (auto& rep : reporters) rep->file(result);
  });
  for (auto& rep : reporters) rep->finish(summary);
  r.text = text.str();
  r.json_report = json_report.str();
  r.forms = forms.str();
  r.findings = findings.str();
  r.junit = junit.str();
  r.sarif = sarif.str();
  return r;
}

void same_reports(const Reports& cut, const Reports& whole) {
  CHECK(cut.text == whole.text);
  CHECK(cut.json_report == whole.json_report);
  CHECK(cut.forms == whole.forms);
  CHECK(cut.findings == whole.findings);
  CHECK(cut.junit == whole.junit);
  CHECK(cut.sarif == whole.sarif);
}

// Forms of the twelve samples, with mistakes planted in some and Chinese text in all.
std::vector<json> forms(int n) {
  std::vector<json> out;
  for (int i = 0; i < n; ++i) {
    json f = sample(1 + i % 12);
    if (i % 5 == 2) f["total"] = "90.00";
    if (i % 7 == 3) f["funds"]["total"]["rate"] = "99.00";
    if (i % 11 == 4) f["year"] = "二〇二三";
    // Escapes and braces inside strings, at every alignment.
    if (i % 3 == 1)
      f["implementer"] = std::string(static_cast<std::size_t>(i), 'x') + "\"}{\\}\"\\\"";
    out.push_back(std::move(f));
  }
  return out;
}

std::string minified(const std::vector<json>& fs) {
  std::string s = "[";
  for (std::size_t i = 0; i < fs.size(); ++i) {
    if (i > 0) s += ',';
    s += fs[i].dump();
  }
  s += ']';
  return s;
}

std::string with_crlf(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// Standard input reads `path` while this lives.
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& path) : saved_(::dup(STDIN_FILENO)) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    REQUIRE(::dup2(fd, STDIN_FILENO) == STDIN_FILENO);
    ::close(fd);
  }
  ~StdinFrom() {
    ::dup2(saved_, STDIN_FILENO);
    ::close(saved_);
  }
  StdinFrom(const StdinFrom&) = delete;
  StdinFrom& operator=(const StdinFrom&) = delete;

 private:
  int saved_;
};

struct StdinRun {
  std::size_t forms = 0;
  std::vector<Finding> file_findings;
};

// Checks standard input, read from `path`, reading at most `whole_bytes` of a document whole.
StdinRun run_stdin(const std::string& path, std::uint64_t whole_bytes) {
  const StdinFrom from(path);
  RunConfig config;
  config.block_bytes = 1 << 16;
  config.whole_bytes = whole_bytes;
  StdinRun out;
  run_pipeline({{"-", Format::Json, true}}, config, [&](FileResult& r) {
    out.forms += r.forms.size();
    out.file_findings.insert(out.file_findings.end(), r.file_findings.begin(),
                             r.file_findings.end());
  });
  return out;
}

}  // namespace

TEST_CASE("standard input past the most a document can be is read no further", "[batch][array]") {
  STATIC_REQUIRE(kMaxDocumentBytes == simdjson::SIMDJSON_MAXSIZE_BYTES);
  TempDir dir;
  const std::uint64_t limit = 1 << 20;
  // Not an array of forms: read whole, so up to the limit.
  for (const std::string name : {"brackets.json", "object.json", "table.csv"}) {
    INFO(name);
    std::string bytes = name == "brackets.json" ? std::string(3 << 20, '[')
                        : name == "object.json" ? "{\"project\": \"" + std::string(3 << 20, 'x') + "\"}"
                                                : "project,total\n" + std::string(3 << 20, 'x');
    const StdinRun over = run_stdin(dir.write(name, bytes), limit);
    CHECK(over.forms == 0);
    REQUIRE(over.file_findings.size() == 1);
    CHECK(over.file_findings[0].rule == RuleId::ParseError);
    CHECK(over.file_findings[0].message.en.starts_with("more than 1 MB, the most pes reads"));
    CHECK(over.file_findings[0].message.zh.starts_with("超过 1 MB"));
    // Within the limit, the reader says what is wrong.
    bytes.resize(limit - 1000);
    const StdinRun under = run_stdin(dir.write("under-" + name, bytes), limit);
    REQUIRE(!under.file_findings.empty());
    CHECK(under.file_findings[0].message.en.find("more than 1 MB") == std::string::npos);
  }
  // An array of forms is read in parts: the limit is not for it.
  const std::vector<json> fs = forms(600);
  const std::string array = json(fs).dump(1);
  REQUIRE(array.size() > 2 * limit);
  const StdinRun parts = run_stdin(dir.write("forms.json", array), limit);
  CHECK(parts.forms == fs.size());
  for (const Finding& f : parts.file_findings) CHECK(f.message.en.find("more than") == std::string::npos);
}

TEST_CASE("a large JSON array read in parts reports exactly what it does read whole",
          "[batch][array]") {
  TempDir dir;
  const std::vector<json> fs = forms(60);
  const json array(fs);
  const std::string pretty = array.dump(2);
  const std::vector<std::pair<std::string, std::string>> files = {
      {"pretty.json", pretty},
      {"minified.json", minified(fs)},  // one line: parts start in the middle of it
      {"crlf.json", with_crlf(pretty)},
      {"bare-cr.json",
       [&] {
         std::string s = pretty;
         for (char& c : s) c = c == '\n' ? '\r' : c;
         return s;
       }()},
      {"bom.json", "\xEF\xBB\xBF" + minified(fs) + "\n \n"},
  };
  for (const auto& [name, bytes] : files) {
    INFO(name);
    const std::string path = dir.write(name, bytes);
    const Reports whole = run_reports(path, 1 << 20);
    CHECK(whole.results == 1);
    for (std::size_t block : {std::size_t{1}, std::size_t{3000}, std::size_t{20000}}) {
      INFO(block);
      const Reports cut = run_reports(path, block);
      CHECK(cut.results > 1);
      same_reports(cut, whole);
    }
    CHECK(whole.findings.find("total-mismatch") != std::string::npos);
  }
}

TEST_CASE("an array that cannot be cut safely is read whole", "[batch][array]") {
  TempDir dir;
  const std::string good = minified(forms(20));
  const std::string body = good.substr(1, good.size() - 2);
  const std::vector<std::pair<std::string, std::string>> files = {
      {"broken-at-end.json", good.substr(0, good.size() - 1) + ",]"},
      {"trailing.json", good + " x"},
      {"number-element.json", "[" + body + ",1]"},
      {"surrogate.json", "[" + body + ",{\"project\":\"\\ud800\"}]"},
      {"bad-utf8.json", "[" + body + ",{\"project\":\"\xC3\x28\"}]"},
      {"control-char.json", "[" + body + ",{\"project\":\"a\tb\"}]"},
      {"bad-number.json", "[" + body + ",{\"total\":01}]"},
      {"object.json", sample(1).dump(2) + std::string(100000, ' ')},
      {"deep.json", "[" + body + ",{\"x\":" + std::string(300, '[') + std::string(300, ']') + "}]"},
  };
  for (const auto& [name, bytes] : files) {
    INFO(name);
    const std::string path = dir.write(name, bytes);
    const Reports whole = run_reports(path, 1 << 20);
    const Reports small = run_reports(path, 100);
    CHECK(small.results == 1);
    same_reports(small, whole);
  }
}

TEST_CASE("the array scanner finds the same parts however its input is split", "[batch][array]") {
  const std::vector<json> fs = forms(8);
  const std::string text = "\xEF\xBB\xBF" + with_crlf(json(fs).dump(1)) + "\r\n";
  ArrayScanner whole(5000);
  REQUIRE(whole.feed(text));
  REQUIRE(whole.finish());
  REQUIRE(whole.cuts().size() > 2);
  CHECK(whole.cuts()[0].first_form == 0);
  CHECK(whole.cuts()[0].line == 2);
  CHECK(whole.cuts()[0].column == 1);  // after one space of indent
  CHECK(text[whole.end()] == ']');
  for (std::size_t step : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{4096}}) {
    ArrayScanner split(5000);
    for (std::size_t at = 0; at < text.size(); at += step) {
      REQUIRE(split.feed(std::string_view(text).substr(at, step)));
    }
    REQUIRE(split.finish());
    REQUIRE(split.cuts().size() == whole.cuts().size());
    for (std::size_t i = 0; i < whole.cuts().size(); ++i) {
      CHECK(split.cuts()[i].offset == whole.cuts()[i].offset);
      CHECK(split.cuts()[i].first_form == whole.cuts()[i].first_form);
      CHECK(split.cuts()[i].line == whole.cuts()[i].line);
      CHECK(split.cuts()[i].column == whole.cuts()[i].column);
      CHECK(text[split.cuts()[i].offset] == '{');
    }
    CHECK(split.end() == whole.end());
  }
  ArrayScanner empty(10);
  REQUIRE(empty.feed("[ ]"));
  CHECK_FALSE(empty.finish());  // no forms: nothing to cut
}
