// Source: lines ended by LF, CR LF or a bare CR; columns in characters on lines of any length;
// reading that stops at a NUL byte near the start of a long file.
#include "pes/source.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#include "pes/grid.h"
#include "pes/json_reader.h"
#include "test_support.h"

using namespace pes;
namespace fs = std::filesystem;

namespace {

// The line and column of an offset, counted the slow way.
LineColumn naive(std::string_view t, std::size_t offset) {
  LineColumn lc;
  for (std::size_t i = 0; i < offset; ++i) {
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= t.size() || t[i + 1] != '\n'))) {
      ++lc.line;
      lc.column = 1;
    } else if (t[i] != '\r' && (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) {
      ++lc.column;
    }
  }
  return lc;
}

std::string temp_file(const std::string& name, const std::string& data) {
  const fs::path path = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  std::ofstream(path, std::ios::binary) << data;
  return path.string();
}

}  // namespace

TEST_CASE("a byte-order mark is no character of the first line", "[source]") {
  const std::string text = "\xEF\xBB\xBF{\"a\": 1}\nx";
  const Source s("t", text);
  CHECK(s.locate(0).column == 1);  // the mark itself
  CHECK(s.locate(3).column == 1);  // {
  CHECK(s.locate(text.find('1')).column == 7);
  CHECK(s.locate(text.find('x')).line == 2);
  CHECK(s.locate(text.find('x')).column == 1);
  const Source plain("t", text.substr(3));
  CHECK(plain.locate(plain.text().find('1')).column == 7);
}

TEST_CASE("LF, CR LF and a bare CR each end one line", "[source]") {
  for (const char* end : {"\n", "\r\n", "\r"}) {
    INFO("line end " << (std::string_view(end) == "\n" ? "LF" : end[1] ? "CRLF" : "CR"));
    const std::string text = std::string("ab") + end + "cd" + end + end + "ef";
    const Source s("t", text);
    const std::size_t e = std::string_view(end).size();
    CHECK(s.locate(0).line == 1);
    CHECK(s.locate(1).column == 2);
    CHECK(s.locate(2 + e).line == 2);  // c
    CHECK(s.locate(2 + e).column == 1);
    CHECK(s.locate(2 + e + 2 + e).line == 3);    // the empty line
    CHECK(s.locate(text.size() - 1).line == 4);  // f
    CHECK(s.locate(text.size() - 1).column == 2);
  }
  // Mixed in one file, as after an edit on another system.
  const std::string mixed = "a\r\nb\rc\nd";
  const Source s("t", mixed);
  CHECK(s.locate(mixed.find('d')).line == 4);
  CHECK(skip_line_end(mixed, 1) == 3);
  CHECK(skip_line_end(mixed, 4) == 5);
  CHECK(skip_line_end(mixed, 0) == 0);
  CHECK(find_line_end(mixed, 3) == 4);
  CHECK(find_line_end(mixed, 7) == mixed.size());
}

TEST_CASE("every offset of texts with mixed line ends is located as counted by hand", "[source]") {
  constexpr std::string_view kPieces[] = {"a", "\n", "\r", "\r\n", "中", " "};
  std::mt19937 random(1118);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  for (int n = 0; n < 300; ++n) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += kPieces[pick(random)];
    const Source s("t", text);
    for (std::size_t at = 0; at <= text.size(); ++at) {
      INFO("offset " << at << " of a text with " << std::count(text.begin(), text.end(), '\r')
                     << " CRs");
      const LineColumn want = naive(text, at);
      const LineColumn got = s.locate(at);
      CHECK(got.line == want.line);
      // The LF of a CR LF is no place a finding names; the hand count leaves its CR out.
      if (at == 0 || text[at - 1] != '\r' || text[at] != '\n') CHECK(got.column == want.column);
    }
  }
}

TEST_CASE("columns on a very long line are counted in characters from checkpoints", "[source]") {
  // One line of 1 MB mixing one-, two- and three-byte characters, then a second line.
  std::string text;
  std::mt19937 rng(7);
  while (text.size() < (1 << 20)) {
    switch (rng() % 3) {
      case 0:
        text += 'a';
        break;
      case 1:
        text += "\xC3\xA9";
        break;  // é
      case 2:
        text += "\xE9\xA1\xB9";
        break;  // 项
    }
  }
  text += "\nsecond line";
  Source s;
  s.assign("t", text, 10);
  std::vector<std::size_t> offsets = {
      0, 1, 4095, 4096, 4097, text.size() / 2, text.size() - 3, text.size()};
  for (int i = 0; i < 200; ++i) offsets.push_back(rng() % text.size());
  for (const std::size_t at : offsets) {
    INFO("offset " << at);
    const LineColumn want = naive(text, at);
    const LineColumn got = s.locate(at);
    CHECK(got.line == want.line + 9);  // the source starts on line 10
    CHECK(got.column == want.column);
  }
}

TEST_CASE("a NUL byte near the start of a long file stops the reading", "[source]") {
  std::string binary(3 * Source::kHeadBytes, '\0');
  binary.replace(0, 5, "{\"a\":");
  const std::string path = temp_file("pes-source-nul", binary);
  Source s;
  std::string en;
  std::string zh;
  REQUIRE(s.load(path, en, zh));
  CHECK(s.nul_stop() == 5);
  CHECK(s.text().size() <= Source::kHeadBytes);
  // The readers say so at once, whatever the text format.
  Readers readers;
  for (const Format f : {Format::Json, Format::JsonLines, Format::Csv, Format::Tsv}) {
    Document doc;
    readers.read(s, f, doc);
    REQUIRE(doc.findings.size() == 1);
    CHECK(doc.findings[0].rule == RuleId::ParseError);
    CHECK(doc.findings[0].offset == 5);
    CHECK(doc.findings[0].message.en.starts_with("a NUL byte (0x00)"));
  }
  // A workbook is binary: read whole.
  REQUIRE(s.load(path, en, zh, /*binary=*/true));
  CHECK(s.nul_stop() == std::string::npos);
  CHECK(s.text().size() == binary.size());
  // A small file is read whole, and its reader places the NUL as before.
  const std::string small = temp_file("pes-source-nul-small", "{\"a\":\0}");
  REQUIRE(s.load(small, en, zh));
  CHECK(s.nul_stop() == std::string::npos);
  fs::remove(path);
  fs::remove(small);
}

TEST_CASE("the layout text and JSON Lines readers end lines at CR, LF and CR LF", "[source]") {
  const Grid grid = read_tsv_grid("a\tb\rc\td\r\ne\n\rf");
  REQUIRE(grid.rows.size() == 5);
  CHECK(grid.rows[0].cells.size() == 2);
  CHECK(grid.rows[1].cells[1].text == "d");
  CHECK(grid.rows[2].cells[0].text == "e");
  CHECK(grid.rows[3].cells[0].text.empty());
  CHECK(grid.rows[4].cells[0].text == "f");
  CHECK(grid.rows[4].offset == 12);

  // A spreadsheet's quoted cells: a line break and a doubled quote inside; a quote that only
  // starts a cell's text, as in a table extracted from a PDF, stays.
  const Grid quoted = read_tsv_grid("a\t\"资金到位较晚\r\n下年\"\"改进\"\"\"\r\n\"十四五\"规划\t\"\"\n\"x");
  REQUIRE(quoted.rows.size() == 3);
  REQUIRE(quoted.rows[0].cells.size() == 2);
  CHECK(quoted.rows[0].cells[1].text == "资金到位较晚\r\n下年\"改进\"");
  CHECK(quoted.rows[0].cells[1].offset == 2);
  REQUIRE(quoted.rows[1].cells.size() == 2);
  CHECK(quoted.rows[1].cells[0].text == "\"十四五\"规划");
  CHECK(quoted.rows[1].cells[1].text.empty());
  CHECK(quoted.rows[2].cells[0].text == "\"x");  // never closed: text

  const std::string form = test::sample(1).dump();
  for (const char* end : {"\n", "\r\n", "\r"}) {
    const std::string text = form + end + "not json" + end + end + form;
    const FileResult r = [&] {
      Checker checker(Options{});
      FileResult out;
      out.path = "t.jsonl";
      out.opened = true;
      out.source = Source("t.jsonl", text);
      checker.check_source(out);
      return out;
    }();
    CHECK(r.doc.forms.size() == 2);
    REQUIRE(r.file_findings.size() == 1);
    CHECK(r.file_findings[0].line == 2);
  }
}
