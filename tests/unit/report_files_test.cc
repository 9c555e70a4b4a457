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
  CHECK(reporter_for_out("year.xlsx").name == "xlsx");
  CHECK(reporter_for_out("dir.v2/YEAR.XLSX").name == "xlsx");
  CHECK(reporter_for_out("year.sqlite").name == "sqlite");
  CHECK(reporter_for_out("year.db").name == "sqlite");
  CHECK(reporter_for_out("year.htm").name == "html");
  CHECK(reporter_for_out("year.csv").name == "forms");
  CHECK(reporter_for_out("year.jsonl").name == "forms");
  CHECK(reporter_for_out("dir.xlsx/year").name == "forms");
  CHECK(find_reporter("xlsx")->own_file);
  CHECK(find_reporter("sqlite")->own_file);
  CHECK_FALSE(find_reporter("html")->own_file);
  CHECK(parse_output_spec("html:r.html")->reporter->name == "html");
  CHECK(parse_output_spec("sqlite:r.db")->path == "r.db");
}

TEST_CASE("a workbook or database that cannot be written is an error, not silence", "[report]") {
  for (const std::string_view f : {"xlsx", "sqlite"}) {
    std::ostringstream unused;
    auto r = find_reporter(f)->make(unused, ReportStyle{}, "/no/such/folder/out.file");
    const FileResult file = checked_sample(1);
    r->file(file);
    r->finish(Summary{});
    REQUIRE(r->error() != nullptr);
    // It says why; the run names the output (make() was given its temporary file).
    CHECK(r->error()->en.starts_with("cannot write the "));
    CHECK(r->error()->zh.starts_with("无法写入"));
    CHECK(r->error()->en.find("/no/such/folder") == std::string::npos);
  }
}

TEST_CASE("the workbook and the database are written at finish", "[report]") {
  namespace fs = std::filesystem;
  const fs::path dir_path =
      fs::temp_directory_path() / ("pes-report-files-test-" + std::to_string(::getpid()));
  fs::create_directories(dir_path);
  const std::string dir = dir_path.string();
  for (const std::string_view f : {"xlsx", "sqlite"}) {
    const bool xlsx = f == "xlsx";
    const std::string path = dir + (xlsx ? "/r.xlsx" : "/r.sqlite");
    std::ostringstream unused;
    auto r = find_reporter(f)->make(unused, ReportStyle{true, false, {}, {}}, path);
    r->file(checked_sample(11));
    r->finish(Summary{});
    CHECK(r->error() == nullptr);
    std::ifstream in(path, std::ios::binary);
    std::string head(16, '\0');
    in.read(head.data(), 16);
    CHECK(head.substr(0, xlsx ? 2 : 15) == (xlsx ? "PK" : "SQLite format 3"));
  }
  fs::remove_all(dir_path);
}

TEST_CASE("only a workbook can be annotated", "[report]") {
  std::ostringstream out;
  auto r = find_reporter("annotate")->make(out, ReportStyle{}, "");
  r->file(checked_sample(1));  // JSON
  r->finish(Summary{});
  REQUIRE(r->error() != nullptr);
  CHECK(r->error()->en.find("could not be read as a workbook") != std::string::npos);
  CHECK(out.str().empty());

  std::ostringstream none;
  auto empty = find_reporter("annotate")->make(none, ReportStyle{}, "");
  empty->finish(Summary{});
  CHECK(empty->error() != nullptr);
}

TEST_CASE("the HTML page escapes text from forms and draws four charts", "[report]") {
  FileResult file = checked_sample(11);
  file.doc.forms[0].project.value = "<script>alert('x')</script> & “引号”";
  file.path = "a<b>.json";
  std::ostringstream out;
  auto r = find_reporter("html")->make(out, ReportStyle{}, "");
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
