// Where findings are placed: a CSV's rows as a spreadsheet counts them (line breaks inside quoted
// cells start no row), its column letters, and workbook cells made for blank cells.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "pes/document.h"
#include "pes/fields.h"
#include "pes/readers.h"

using namespace pes;

namespace {

std::string golden(const std::string& name) {
  std::ifstream in(std::string(PES_SOURCE_DIR) + "/tests/golden/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The place of a finding at indicator i's reason in `csv`.
Finding reason_finding(const std::string& csv, std::uint32_t i) {
  Readers readers;
  Document doc;
  const Source source("f.csv", csv);
  readers.read(source, Format::Csv, doc);
  REQUIRE(doc.parsed);
  REQUIRE(doc.forms.size() == 1);
  Finding f;
  f.form = 0;
  f.field = {FieldKey::Reason, {}, i};
  f.offset = doc.forms[0].indicators.at(i).reason.offset;
  locate(source, doc, f);
  return f;
}

}  // namespace

TEST_CASE("a CSV's rows are counted as a spreadsheet counts them", "[locate]") {
  // Indicator 12's reason is a quoted cell of three lines with doubled quotes inside; the file
  // ends records with CR LF and the lines inside that cell with LF.
  const std::string mixed = golden("csv_multiline.csv");
  const std::string lf = replace_all(mixed, "\r\n", "\n");
  for (const std::string& csv :
       {mixed, lf, replace_all(lf, "\n", "\r\n"), replace_all(lf, "\n", "\r")}) {
    const Finding in_cell = reason_finding(csv, 12);
    CHECK(in_cell.line == 14);
    CHECK(in_cell.row == 14);
    const Finding after = reason_finding(csv, 13);
    CHECK(after.line == 17);
    CHECK(after.row == 15);
    const Finding last = reason_finding(csv, 14);
    CHECK(last.line == 18);
    CHECK(last.row == 16);
    CHECK(last.column_letter == "AG");
    CHECK(last.pointer == "偏差原因分析及改进措施");
    CHECK(finding_place(last) == "16:AG");
    CHECK(in_table(last));
  }
}

TEST_CASE("a JSON finding keeps its line and column", "[locate]") {
  Finding f;
  f.line = 12;
  f.column = 5;
  CHECK(finding_place(f) == "12:5");
  CHECK_FALSE(in_table(f));
  f.row = 7;
  CHECK(finding_place(f) == "7");  // a CSV row, no one column
  f.in_cell = true;
  f.pointer = "'My sheet'!C5";
  CHECK(finding_place(f) == "'My sheet'!C5");
}

TEST_CASE("a blank workbook cell gets a place of its own", "[locate]") {
  Document doc;
  doc.format = Format::Xlsx;
  doc.places.push_back({"'My sheet'!C5", 5, 3});
  const std::uint64_t h5 = place_in_row(doc, 1, 8);
  REQUIRE(h5 == 2);
  CHECK(doc.places[1].name == "'My sheet'!H5");
  CHECK(doc.places[1].row == 5);
  CHECK(doc.places[1].column == 8);
  CHECK(place_in_row(doc, 1, 3) == 1);  // the cell itself
  CHECK(place_in_row(doc, 0, 8) == 0);  // no place to start from
  CHECK(doc.places.size() == 2);

  Finding f;
  f.form = 0;
  f.offset = h5;
  locate(Source("book.xlsx", ""), doc, f);
  CHECK(f.pointer == "'My sheet'!H5");
  CHECK(f.row == 5);
  CHECK(f.column_letter == "H");
}

TEST_CASE("a message said of a file names it in each language's way", "[finding]") {
  const pes::Message m{"cannot open", "无法打开"};
  const pes::Message about = m.about("a/表.json");
  CHECK(about.en == "a/表.json: cannot open");
  CHECK(about.zh == "a/表.json：无法打开");
}
