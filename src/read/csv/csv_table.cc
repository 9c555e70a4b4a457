#include "csv_table.h"

#include <csv.h>

#include <array>
#include <cstring>

#include "pes/text.h"

namespace pes {

bool CsvRow::blank() const {
  for (const CsvCell& c : cells) {
    if (!trim_ascii(c.text).empty()) return false;
  }
  return true;
}

namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool is_line_end(char c) { return c == '\n' || c == '\r'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }  // what libcsv trims

constexpr std::array<bool, 256> bytes_of(std::string_view set) {
  std::array<bool, 256> in{};
  for (const char c : set) in[static_cast<unsigned char>(c)] = true;
  return in;
}
// The bytes a piece fed to libcsv ends at: a comma or a line end.
constexpr std::array<bool, 256> kPieceEnds = bytes_of(",\r\n");
// The bytes an unquoted cell ends at, or cannot hold.
constexpr std::array<bool, 256> kPlainStops = bytes_of(",\r\n\"");

bool in(const std::array<bool, 256>& set, char c) { return set[static_cast<unsigned char>(c)]; }

// libcsv reports a cell when it meets the delimiter or line end after it; the text is fed in
// pieces that end at each comma or line-end byte, so the byte being read is known at each call.
// Rows that are plain (cells unquoted, or quoted with no quote inside) are split here instead,
// as libcsv would split them: libcsv is between rows then, and reads the other rows.
struct Splitter {
  CsvTable& table;
  std::string_view text;
  std::uint64_t base = 0;
  std::uint64_t at = 0;          // offset of the last byte fed
  std::uint64_t cell_start = 0;  // where the next cell starts
  bool row_start = true;         // the next byte that is not a line end starts a row
  CsvRow row;

  static void on_cell(void* s, std::size_t len, void* data) {
    auto* self = static_cast<Splitter*>(data);
    if (self->row.cells.empty()) self->row.offset = self->cell_start;
    self->row.cells.push_back(
        {self->cell_text(static_cast<const char*>(s), len), self->cell_start});
    self->cell_start = self->at + 1;
  }
  static void on_row(int, void* data) {
    auto* self = static_cast<Splitter*>(data);
    self->end_row();
    self->row_start = true;
  }

  // The cell's text as libcsv gives it: a view of the same bytes in the text where they stand
  // there (after the blanks and opening quote before them), else a copy the table keeps.
  std::string_view cell_text(const char* s, std::size_t len) {
    if (len == 0) return {};
    std::size_t p = cell_start - base;
    while (p < text.size() && is_blank(text[p])) ++p;
    if (p < text.size() && text[p] == '"') ++p;
    if (p <= text.size() && len <= text.size() - p && std::memcmp(text.data() + p, s, len) == 0) {
      return text.substr(p, len);
    }
    return table.owned.emplace_back(s, len);
  }

  void end_row() {
    const std::size_t width = row.cells.size();
    table.rows.push_back(std::move(row));
    row = CsvRow{};
    row.cells.reserve(width);  // rows are as wide as the header
  }

  // Splits the row that starts at `k` (not a line end) when it is plain: each cell unquoted,
  // or quoted right after its comma with no quote inside and its comma or line end right after
  // the closing quote; and the row is not a line of blanks only (libcsv starts no row there).
  // Returns where the row ends (its line end, or the end of the text), or kNone to leave the
  // row to libcsv.
  std::size_t plain_row(std::size_t k) {
    const std::size_t n = text.size();
    std::size_t pos = k;
    for (;;) {
      std::size_t end = pos;
      std::string_view cell;
      const bool quoted = pos < n && text[pos] == '"';
      if (quoted) {
        const std::size_t close = text.find('"', pos + 1);
        end = close == kNone ? n : close + 1;
        if (close == kNone || (end < n && !in(kPieceEnds, text[end]))) return give_up();
        cell = text.substr(pos + 1, close - pos - 1);
      } else {
        while (end < n && !in(kPlainStops, text[end])) ++end;
        if (end < n && text[end] == '"') return give_up();
        std::size_t first = pos;
        std::size_t last = end;
        while (first < last && is_blank(text[first])) ++first;
        while (last > first && is_blank(text[last - 1])) --last;
        cell = text.substr(first, last - first);
      }
      row.cells.push_back({cell, base + pos});
      if (end < n && text[end] == ',') {
        pos = end + 1;
        continue;
      }
      if (row.cells.size() == 1 && !quoted && cell.empty()) return give_up();
      row.offset = base + k;
      end_row();
      return end;
    }
  }
  std::size_t give_up() {
    row.cells.clear();
    return kNone;
  }
};

std::size_t piece_end(std::string_view text, std::size_t i) {
  while (i < text.size() && !in(kPieceEnds, text[i])) ++i;
  return i;
}

}  // namespace

void split_csv(std::string_view text, std::uint64_t base, CsvTable& out) {
  out = CsvTable{};
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    out.error = CsvError::OutOfMemory;
    return;
  }
  Splitter s{out, text, base, 0, base, true, CsvRow{}};
  std::size_t i = 0;
  while (i < text.size()) {
    if (s.row_start) {
      std::size_t k = i;
      while (k < text.size() && is_line_end(text[k])) ++k;
      if (k == text.size()) break;  // line ends only: libcsv starts no row
      if (const std::size_t end = s.plain_row(k); end != kNone) {
        i = end;
        continue;
      }
      i = k;  // libcsv passes over line ends between rows
    }
    std::size_t j = piece_end(text, i);
    j = j == text.size() ? text.size() - 1 : j;
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
