// pes batch over a directory of Word documents, web pages and legacy binary files: the first two
// are read, each legacy file is named with what to save it as, one problem line each, counted.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "pes/pipeline.h"
#include "pes/report.h"
#include "pes/summary.h"
#include "temp_dir.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& name) { return std::string(PES_DOCX_HTML_DIR) + "/" + name; }

}  // namespace

TEST_CASE("a directory walk reads .docx, .html and .htm and names each legacy file", "[batch]") {
  TempDir dir;
  const std::string ole =
      std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0');
  dir.write("a.docx", read_file(fixture("form11.docx")));
  dir.write("b.html", read_file(fixture("form11.html")));
  dir.write("c.XLS", ole);
  dir.write("d.doc", ole);
  dir.write("e.htm", read_file(fixture("form11.html")));
  dir.write("f.et", ole);
  dir.write("g.wps", ole);
  dir.write("notes.txt", "not picked up");
  const std::vector<Input> inputs = expand_inputs({dir.path.string()});
  REQUIRE(inputs.size() == 7);
  CHECK(inputs[0].format == Format::Docx);
  CHECK(inputs[1].format == Format::Html);
  CHECK(inputs[2].format == Format::Legacy);
  CHECK(inputs[4].format == Format::Html);

  RunConfig config;
  config.jobs = 2;
  std::string problems;  // what pes batch names on standard error
  Summary s;
  run_pipeline(inputs, config, [&](const FileResult& r) {
    s.add(r);
    for (const Finding& f : r.file_findings) problems += finding_line(r.path, f, false) + "\n";
  });
  CHECK(s.files == 7);
  CHECK(s.forms == 3);
  CHECK(s.unparseable == 4);
  CHECK(problems.find("c.XLS is a legacy Excel binary file") != std::string::npos);
  CHECK(problems.find("d.doc is a legacy Word binary file") != std::string::npos);
  CHECK(problems.find("f.et is a legacy WPS spreadsheet binary file") != std::string::npos);
  CHECK(problems.find("save it as .docx") != std::string::npos);
  std::size_t lines = 0;
  for (char c : problems) lines += c == '\n' ? 1 : 0;
  CHECK(lines == 4);  // one each, and none for the forms that read
}
