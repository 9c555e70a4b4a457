// The reporters that write files of their own (xlsx, sqlite) and the annotated workbook: where
// they go, and that a failure is reported rather than passed over.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pes/output.h"
#include "pes/report.h"
#include "test_support.h"

namespace pes {
namespace {

using test::sample_path;

FileResult checked_sample(int n) {
  Checker checker(Options{});
  FileResult r;
  checker.check_file(sample_path(n), r);
  return r;
}

TEST_CASE("a report format is chosen by the file's extension", "[report]") {
  CHECK(output_format_for_path("year.xlsx") == OutputFormat::Xlsx);
  CHECK(output_format_for_path("dir.v2/YEAR.XLSX") == OutputFormat::Xlsx);
  CHECK(output_format_for_path("year.sqlite") == OutputFormat::Sqlite);
  CHECK(output_format_for_path("year.db") == OutputFormat::Sqlite);
  CHECK(output_format_for_path("year.htm") == OutputFormat::Html);
  CHECK_FALSE(output_format_for_path("year.csv"));
  CHECK_FALSE(output_format_for_path("year.jsonl"));
  CHECK_FALSE(output_format_for_path("dir.xlsx/year"));
  CHECK(needs_file(OutputFormat::Xlsx));
  CHECK(needs_file(OutputFormat::Sqlite));
  CHECK_FALSE(needs_file(OutputFormat::Html));
  CHECK(parse_output_spec("html:r.html")->format == OutputFormat::Html);
  CHECK(parse_output_spec("sqlite:r.db")->path == "r.db");
}

TEST_CASE("a workbook or database that cannot be written is an error, not silence", "[report]") {
  for (const OutputFormat f : {OutputFormat::Xlsx, OutputFormat::Sqlite}) {
    auto r = make_file_reporter(f, "/no/such/folder/out.file", ReportStyle{});
    const FileResult file = checked_sample(1);
    r->file(file);
    r->finish(Summary{});
    REQUIRE(r->error() != nullptr);
    CHECK(r->error()->en.find("/no/such/folder/out.file") != std::string::npos);
    CHECK_FALSE(r->error()->zh.empty());
  }
}

TEST_CASE("the workbook and the database are written at finish", "[report]") {
  namespace fs = std::filesystem;
  const fs::path dir_path =
      fs::temp_directory_path() / ("pes-report-files-test-" + std::to_string(::getpid()));
  fs::create_directories(dir_path);
  const std::string dir = dir_path.string();
  for (const OutputFormat f : {OutputFormat::Xlsx, OutputFormat::Sqlite}) {
    const std::string path = dir + (f == OutputFormat::Xlsx ? "/r.xlsx" : "/r.sqlite");
    auto r = make_file_reporter(f, path, ReportStyle{true, false, {}, {}});
    r->file(checked_sample(11));
    r->finish(Summary{});
    CHECK(r->error() == nullptr);
    std::ifstream in(path, std::ios::binary);
    std::string head(16, '\0');
    in.read(head.data(), 16);
    CHECK(head.substr(0, f == OutputFormat::Xlsx ? 2 : 15) ==
          (f == OutputFormat::Xlsx ? "PK" : "SQLite format 3"));
  }
  fs::remove_all(dir_path);
}

TEST_CASE("only a workbook can be annotated", "[report]") {
  std::ostringstream out;
  auto r = make_annotate_reporter(out, ReportStyle{});
  r->file(checked_sample(1));  // JSON
  r->finish(Summary{});
  REQUIRE(r->error() != nullptr);
  CHECK(r->error()->en.find("could not be read as a workbook") != std::string::npos);
  CHECK(out.str().empty());

  std::ostringstream none;
  auto empty = make_annotate_reporter(none, ReportStyle{});
  empty->finish(Summary{});
  CHECK(empty->error() != nullptr);
}

TEST_CASE("the HTML page escapes text from forms and draws four charts", "[report]") {
  FileResult file = checked_sample(11);
  file.doc.forms[0].project.value = "<script>alert('x')</script> & “引号”";
  file.path = "a<b>.json";
  std::ostringstream out;
  auto r = make_html_reporter(out, ReportStyle{});
  r->file(file);
  Summary s;
  s.add(file);
  r->finish(s);
  const std::string page = out.str();
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; “引号”") !=
        std::string::npos);
  CHECK(page.find("a&lt;b&gt;.json#1") != std::string::npos);
  std::size_t charts = 0;
  for (auto at = page.find("<svg class=\"chart"); at != std::string::npos;
       at = page.find("<svg class=\"chart", at + 1)) {
    ++charts;
  }
  CHECK(charts == 4);
  CHECK(page.find("@media print") != std::string::npos);
  CHECK(page.find("default-src 'none'") != std::string::npos);
}

}  // namespace
}  // namespace pes
