#include "csv_table.h"

#include <csv.h>

namespace pes {

bool CsvRow::blank() const {
  for (const CsvCell& c : cells) {
    if (c.text.find_first_not_of(" \t\r\n") != std::string::npos) return false;
  }
  return true;
}

namespace {

// libcsv reports a cell when it meets the delimiter or line end after it; the text is fed in
// pieces that end at each comma or line-end byte, so the byte being read is known at each call.
struct Splitter {
  CsvTable& table;
  std::uint64_t base = 0;
  std::uint64_t at = 0;          // offset of the last byte fed
  std::uint64_t cell_start = 0;  // where the next cell starts
  bool row_start = true;         // the next byte that is not a line end starts a row
  CsvRow row;

  static void on_cell(void* s, std::size_t len, void* data) {
    auto* self = static_cast<Splitter*>(data);
    if (self->row.cells.empty()) self->row.offset = self->cell_start;
    self->row.cells.push_back(
        {std::string(s == nullptr ? "" : static_cast<const char*>(s), len), self->cell_start});
    self->cell_start = self->at + 1;
  }
  static void on_row(int, void* data) {
    auto* self = static_cast<Splitter*>(data);
    const std::size_t width = self->row.cells.size();
    self->table.rows.push_back(std::move(self->row));
    self->row = CsvRow{};
    self->row.cells.reserve(width);  // rows are as wide as the header
    self->row_start = true;
  }
};

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

}  // namespace

void split_csv(std::string_view text, std::uint64_t base, CsvTable& out) {
  out = CsvTable{};
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    out.error = CsvError::OutOfMemory;
    return;
  }
  Splitter s{out, base, 0, base, true, CsvRow{}};
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find_first_of(",\r\n", i);
    j = j == std::string_view::npos ? text.size() - 1 : j;
    if (s.row_start) {
      std::size_t k = i;
      while (k <= j && is_line_end(text[k])) ++k;
      if (k <= j) {
        s.cell_start = base + k;
        s.row_start = false;
      }
    }
    s.at = base + j;
    const std::size_t len = j - i + 1;
    const std::size_t done =
        csv_parse(&parser, text.data() + i, len, &Splitter::on_cell, &Splitter::on_row, &s);
    if (done != len) {
      out.error = csv_error(&parser) == CSV_EPARSE ? CsvError::StrayQuote : CsvError::OutOfMemory;
      out.error_offset = base + i + done;
      out.error_cell = s.cell_start;
      csv_free(&parser);
      return;
    }
    i = j + 1;
  }
  s.at = base + text.size();
  if (csv_fini(&parser, &Splitter::on_cell, &Splitter::on_row, &s) != 0) {
    out.error = CsvError::UnclosedQuote;
    out.error_offset = s.cell_start;
    out.error_cell = s.cell_start;
  }
  csv_free(&parser);
  // Rows without cells (never expected from libcsv) are dropped.
  std::erase_if(out.rows, [](const CsvRow& r) { return r.cells.empty(); });
}

}  // namespace pes
