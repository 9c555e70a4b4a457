// The CSV splitter reads plain rows itself and leaves the others to libcsv: its rows, cells,
// offsets and errors are what libcsv alone gives, byte for byte, and plain cells are views of
// the text rather than copies.
#include "read/csv/csv_table.h"

#include <csv.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

using namespace pes;

namespace {

struct Cell {
  std::string text;
  std::uint64_t offset = 0;
  bool operator==(const Cell&) const = default;
};

struct Row {
  std::vector<Cell> cells;
  std::uint64_t offset = 0;
  bool operator==(const Row&) const = default;
};

struct Split {
  std::vector<Row> rows;
  CsvError error = CsvError::None;
  std::uint64_t error_offset = 0;
  std::uint64_t error_cell = 0;
  bool operator==(const Split&) const = default;
};

std::string shown(const Split& s) {
  std::string out;
  for (const Row& r : s.rows) {
    out += "row@" + std::to_string(r.offset) + ":";
    for (const Cell& c : r.cells) out += " [" + c.text + "]@" + std::to_string(c.offset);
    out += "\n";
  }
  out += "error " + std::to_string(static_cast<int>(s.error)) + " at " +
         std::to_string(s.error_offset) + ", cell " + std::to_string(s.error_cell);
  return out;
}

Split of(const CsvTable& t) {
  Split s;
  for (const CsvRow& r : t.rows) {
    Row row{{}, r.offset};
    for (const CsvCell& c : r.cells) row.cells.push_back({std::string(c.text), c.offset});
    s.rows.push_back(std::move(row));
  }
  s.error = t.error;
  s.error_offset = t.error_offset;
  s.error_cell = t.error_cell;
  return s;
}

// libcsv alone, fed one byte at a time: a cell starts at the byte after the one its callback
// came at, and a row at its first byte that is not a line end.
struct Reference {
  Split split;
  Row row;
  std::uint64_t at = 0;
  std::uint64_t cell_start = 0;
  bool row_start = true;

  static void on_cell(void* s, std::size_t len, void* data) {
    auto* self = static_cast<Reference*>(data);
    if (self->row.cells.empty()) self->row.offset = self->cell_start;
    self->row.cells.push_back(
        {std::string(s == nullptr ? "" : static_cast<const char*>(s), len), self->cell_start});
    self->cell_start = self->at + 1;
  }
  static void on_row(int, void* data) {
    auto* self = static_cast<Reference*>(data);
    self->split.rows.push_back(std::move(self->row));
    self->row = Row{};
    self->row_start = true;
  }
};

Split reference(std::string_view text, std::uint64_t base) {
  Reference r;
  r.cell_start = base;
  csv_parser parser{};
  REQUIRE(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) == 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (r.row_start && text[i] != '\r' && text[i] != '\n') {
      r.cell_start = base + i;
      r.row_start = false;
    }
    r.at = base + i;
    if (csv_parse(&parser, text.data() + i, 1, &Reference::on_cell, &Reference::on_row, &r) != 1) {
      r.split.error = CsvError::StrayQuote;
      r.split.error_offset = base + i;
      r.split.error_cell = r.cell_start;
      csv_free(&parser);
      r.split.rows.clear();  // split_csv's rows are not looked at after an error
      return r.split;
    }
  }
  r.at = base + text.size();
  if (csv_fini(&parser, &Reference::on_cell, &Reference::on_row, &r) != 0) {
    r.split.error = CsvError::UnclosedQuote;
    r.split.error_offset = r.cell_start;
    r.split.error_cell = r.cell_start;
  }
  csv_free(&parser);
  if (r.split.error != CsvError::None) r.split.rows.clear();
  return r.split;
}

Split split(std::string_view text, std::uint64_t base) {
  CsvTable table;
  split_csv(text, base, table);
  Split s = of(table);
  if (s.error != CsvError::None) s.rows.clear();
  return s;
}

void check_same(std::string_view text) {
  INFO("text: " << text);
  const Split got = split(text, 3);
  const Split want = reference(text, 3);
  INFO("split_csv:\n" << shown(got) << "\nlibcsv:\n" << shown(want));
  CHECK(got == want);
}

}  // namespace

TEST_CASE("CSV rows split as libcsv splits them, quirks included", "[csv][csv-table]") {
  for (const std::string_view text : {
           "",
           "a",
           "a,b\n",
           "a,b\r\nc,d\r\n",
           "a,b\rc,d",
           "\n\n a , b \t,\tc\t\n",
           "a,\n,b\n,\n",
           "\"a,b\",\"c\nd\",e\n",
           "\"a \"\"quoted\"\" word\",b\n",
           "\"\",\"\"\n",
           " \"a\",b\n",
           "\"a\" ,b\n",
           "\"a\"\"\n",
           "\"a\"x,b\n",
           "a\"b,c\n",
           "a,\"b\n",
           "   \n  \t\nx,y\n",
           "a,b\n   \nc,d\n",
           "a,b\n\t\n\"c\",\"d\"\n",
           "a,b\n \n\n  ",
           "   ",
           "a,b,c\r\n\"multi\r\nline\",x,\"y\"\r\n",
           "甲,乙\n\"丙，丁\",戊\n",
       }) {
    check_same(text);
  }
}

namespace {
// A text of up to `longest` bytes drawn from `bytes`.
std::string random_text(std::mt19937& random, std::string_view bytes, std::size_t longest) {
  std::uniform_int_distribution<std::size_t> length(0, longest);
  std::uniform_int_distribution<std::size_t> pick(0, bytes.size() - 1);
  std::string text;
  const std::size_t len = length(random);
  for (std::size_t i = 0; i < len; ++i) text += bytes[pick(random)];
  return text;
}
}  // namespace

TEST_CASE("random CSV texts split as libcsv splits them", "[csv][csv-table]") {
  // Short texts from the bytes that matter, many times over: every path through the splitter.
  std::mt19937 random(18);
  for (int n = 0; n < 50000; ++n) {
    const std::string text = random_text(random, "ab ,,\"\"\r\n\t", 24);
    const Split got = split(text, 0);
    const Split want = reference(text, 0);
    if (got != want) {
      INFO("text: " << text << "\nsplit_csv:\n" << shown(got) << "\nlibcsv:\n" << shown(want));
      FAIL_CHECK("split_csv differs from libcsv");
      break;
    }
  }
}

TEST_CASE("the line ends inside quoted cells of random CSV texts", "[csv][csv-table]") {
  std::mt19937 random(1118);
  for (int n = 0; n < 20000; ++n) {
    const std::string text = random_text(random, "a,\"\"\r\n\n", 32);
    // Counted a byte at a time: inside a quote, a CR, an LF, or a CR LF once.
    std::vector<std::uint64_t> want;
    bool inside = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '"') {
        inside = !inside;
      } else if (inside && (text[i] == '\r' || text[i] == '\n')) {
        want.push_back(7 + i);
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      }
    }
    std::vector<std::uint64_t> got;
    find_quoted_line_ends(text, 7, got);
    if (got != want) {
      INFO("text: " << text);
      FAIL_CHECK("find_quoted_line_ends differs from a count by hand");
      break;
    }
  }
}

TEST_CASE("plain cells view the text; a cell with a doubled quote is kept apart",
          "[csv][csv-table]") {
  const std::string text = "a, b ,\"c,d\"\n\"say \"\"hi\"\"\",e\n";
  CsvTable table;
  split_csv(text, 0, table);
  REQUIRE(table.error == CsvError::None);
  REQUIRE(table.rows.size() == 2);
  const auto views_text = [&](std::string_view cell) {
    return cell.data() >= text.data() && cell.data() + cell.size() <= text.data() + text.size();
  };
  for (const CsvCell& c : table.rows[0].cells) CHECK(views_text(c.text));
  CHECK(table.rows[0].cells[1].text == "b");
  CHECK(table.rows[0].cells[2].text == "c,d");
  CHECK(table.rows[1].cells[0].text == "say \"hi\"");
  CHECK_FALSE(views_text(table.rows[1].cells[0].text));
  CHECK(views_text(table.rows[1].cells[1].text));
}
