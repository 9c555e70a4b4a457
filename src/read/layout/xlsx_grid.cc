#include "pes/xlsx_grid.h"

#include <algorithm>
#include <map>
#include <pugixml.hpp>

#include "core/cell_ref.h"
#include "read/layout/xlsx_number_format.h"
#include "read/layout/zip_xml.h"

namespace pes {
namespace {

using layout::child_named;
using layout::local_name;
using layout::PackageKind;
using layout::PercentStyles;
using layout::XmlPackage;

constexpr PackageKind kWorkbook{".xlsx workbook", "the workbook", ".xlsx 工作簿", "工作簿"};

std::string quoted_sheet(const std::string& name) {
  const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (static_cast<unsigned char>(c) >= 0x80);
  });
  return plain && !name.empty() ? name : "'" + name + "'";
}

// The text of a string item (<si> or <is>): its <t>s, without phonetic runs (<rPh>).
std::string string_item(pugi::xml_node item) {
  std::string out;
  for (pugi::xml_node n : item.children()) {
    const std::string_view name = local_name(n.name());
    if (name == "t") {
      out += n.child_value();
    } else if (name == "r") {
      if (pugi::xml_node t = child_named(n, "t")) out += t.child_value();
    }
  }
  return out;
}

// A number as Excel shows it: a double's text ("9.800000000000001", "1E-3") rounded to 15
// significant digits and written without an exponent. Text that needs no change is kept.
std::string excel_number(std::string_view v) {
  std::string_view s = v;
  const bool negative = s.starts_with("-");
  if (negative) s.remove_prefix(1);
  std::string digits;
  long point = -1;
  long exponent = 0;
  std::size_t i = 0;
  for (; i < s.size() && s[i] != 'E' && s[i] != 'e'; ++i) {
    if (s[i] == '.' && point < 0) {
      point = static_cast<long>(digits.size());
    } else if (s[i] >= '0' && s[i] <= '9') {
      digits += s[i];
    } else {
      return std::string(v);  // not a plain number: keep it
    }
  }
  if (digits.empty() || digits.size() > 400) return std::string(v);
  if (point < 0) point = static_cast<long>(digits.size());
  if (i < s.size()) {
    const std::string_view e = s.substr(i + 1);
    if (e.empty() || e.size() > 4) return std::string(v);
    bool neg = false;
    for (std::size_t k = 0; k < e.size(); ++k) {
      if (k == 0 && (e[k] == '-' || e[k] == '+')) {
        neg = e[k] == '-';
      } else if (e[k] >= '0' && e[k] <= '9') {
        exponent = exponent * 10 + (e[k] - '0');
      } else {
        return std::string(v);
      }
    }
    if (neg) exponent = -exponent;
  }
  const std::size_t lead = std::min(digits.find_first_not_of('0'), digits.size());
  const std::size_t significant = digits.size() - lead;
  if (exponent == 0 && significant <= 15) return std::string(v);
  point += exponent - static_cast<long>(lead);
  digits.erase(0, lead);
  if (digits.empty()) return "0";
  if (digits.size() > 15) {
    const bool up = digits[15] >= '5';
    digits.resize(15);
    for (std::size_t k = digits.size(); up && k-- > 0;) {
      if (digits[k] == '9') {
        digits[k] = '0';
        if (k == 0) {
          digits.insert(digits.begin(), '1');
          ++point;
        }
      } else {
        ++digits[k];
        break;
      }
    }
  }
  // drop zeros after the decimal point
  while (digits.size() > 1 && static_cast<long>(digits.size()) > point && digits.back() == '0') {
    digits.pop_back();
  }
  std::string out = negative ? "-" : "";
  const long n = static_cast<long>(digits.size());
  if (point <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (point >= n) {
    out += digits + std::string(static_cast<std::size_t>(point - n), '0');
  } else {
    out += digits.substr(0, static_cast<std::size_t>(point)) + "." +
           digits.substr(static_cast<std::size_t>(point));
  }
  return out;
}

std::string resolve(std::string_view target) {
  if (target.starts_with("/")) return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

struct CellText {
  std::string text;
  bool copy_left = false;
  bool error = false;  // t="e": a formula's error value
};
using Cells = std::map<std::uint32_t, std::map<std::uint32_t, CellText>>;

// A formula whose result the file does not hold (a workbook written by a program, never
// opened and saved in Excel): "=" and the formula, which the readers name as such, rather than
// a blank that would let a neighbouring value slide into its place.
std::string unsaved_formula(pugi::xml_node c) {
  const pugi::xml_node f = child_named(c, "f");
  if (!f) return {};
  const pugi::xml_node v = child_named(c, "v");
  if (v && *v.child_value() != '\0') return {};
  const std::string_view formula = f.child_value();
  std::string out = "=";
  out += formula.empty() ? std::string_view("…") : formula;
  return out;
}

void read_sheet(pugi::xml_node ws, const std::vector<std::string>& shared,
                const PercentStyles& percent, Cells& cells) {
  std::uint32_t next_row = 1;
  for (pugi::xml_node row : child_named(ws, "sheetData").children()) {
    if (local_name(row.name()) != "row") continue;
    std::uint32_t r = row.attribute("r").as_uint(next_row);
    if (r == 0 || r > 1048576) r = next_row;
    next_row = r + 1;
    std::uint32_t next_col = 1;
    for (pugi::xml_node c : row.children()) {
      if (local_name(c.name()) != "c") continue;
      std::uint32_t cr = r;
      std::uint32_t cc = next_col;
      if (!parse_cell_ref(c.attribute("r").value(), cr, cc)) {
        cr = r;
        cc = next_col;
      }
      next_col = cc + 1;
      const std::string_view type = c.attribute("t").value();
      std::string text;
      if (std::string formula = unsaved_formula(c); !formula.empty()) {
        text = std::move(formula);
      } else if (type == "inlineStr") {
        text = string_item(child_named(c, "is"));
      } else if (type == "s") {
        const std::size_t k = child_named(c, "v").text().as_uint(0xffffffffu);
        if (k < shared.size()) text = shared[k];
      } else if (type.empty() || type == "n") {
        text = excel_number(child_named(c, "v").child_value());
        // A rate kept as 0.9848 under the format 0.00% is the 98.48% a person sees.
        if (const auto d = percent.decimals(c.attribute("s").as_uint(0)); d && !text.empty()) {
          text = layout::shown_percent(text, *d);
        }
      } else {
        text = child_named(c, "v").child_value();  // formula strings, errors, booleans: as stored
      }
      if (!text.empty()) cells[cr][cc] = {std::move(text), false, type == "e"};
    }
  }
  // Merged cells: the top-left value fills the range (clamped to the cells in use).
  std::uint32_t max_row = cells.empty() ? 0 : cells.rbegin()->first;
  std::uint32_t max_col = 0;
  for (const auto& [r, row] : cells) max_col = std::max(max_col, row.rbegin()->first);
  std::uint64_t budget = 4'000'000;  // cells a sheet's merges may fill in all
  for (pugi::xml_node m : child_named(ws, "mergeCells").children()) {
    CellRange range;
    if (!parse_cell_range(m.attribute("ref").value(), range)) continue;
    const std::uint32_t r1 = range.top, c1 = range.left, r2 = range.bottom, c2 = range.right;
    const auto top = cells.find(r1);
    if (top == cells.end()) continue;
    const auto cell = top->second.find(c1);
    if (cell == top->second.end()) continue;
    const std::string value = cell->second.text;
    if (r2 < r1 || c2 < c1) continue;
    // the top-left cell is in use, so r1 ≤ max_row and c1 ≤ max_col
    const std::uint64_t area = (std::uint64_t{std::min(r2, max_row)} - r1 + 1) *
                               (std::uint64_t{std::min(c2, max_col)} - c1 + 1);
    if (area > budget) continue;  // more than any form: left unspread
    budget -= area;
    for (std::uint32_t r = r1; r <= std::min(r2, max_row); ++r) {
      for (std::uint32_t c = c1; c <= std::min(c2, max_col); ++c) {
        if (r != r1 || c != c1) cells[r][c] = {value, c != c1, false};
      }
    }
  }
}

}  // namespace

bool read_xlsx_grids(std::string_view bytes, std::vector<Grid>& grids,
                     std::vector<CellPlace>& places, std::string& error_en, std::string& error_zh) {
  XmlPackage book(kWorkbook);
  auto failed = [&] {
    error_en = book.error_en();
    error_zh = book.error_zh();
    return false;
  };
  if (!book.open(bytes)) return failed();
  pugi::xml_document workbook;
  pugi::xml_document rels;
  if (!book.xml("xl/workbook.xml", workbook) || !book.xml("xl/_rels/workbook.xml.rels", rels)) {
    return failed();
  }
  std::map<std::string, std::string> targets;
  for (pugi::xml_node r : child_named(rels, "Relationships").children()) {
    targets[r.attribute("Id").value()] = r.attribute("Target").value();
  }
  std::vector<std::string> shared;
  pugi::xml_document sst;
  if (book.xml("xl/sharedStrings.xml", sst, false)) {
    for (pugi::xml_node si : child_named(sst, "sst").children()) {
      if (local_name(si.name()) == "si") shared.push_back(string_item(si));
    }
  } else if (!book.error_en().empty()) {
    return failed();
  }
  PercentStyles percent;
  pugi::xml_document styles;
  if (book.xml("xl/styles.xml", styles, false)) {
    percent.read(styles);
  } else if (!book.error_en().empty()) {
    return failed();
  }
  for (pugi::xml_node sheet : child_named(child_named(workbook, "workbook"), "sheets").children()) {
    std::string id;
    for (pugi::xml_attribute a : sheet.attributes()) {
      const std::string_view n = a.name();
      if (n.size() > 3 && n.ends_with(":id")) id = a.value();
    }
    const auto target = targets.find(id);
    if (target == targets.end()) continue;
    pugi::xml_document ws;
    if (!book.xml(resolve(target->second), ws)) return failed();
    Cells cells;
    read_sheet(child_named(ws, "worksheet"), shared, percent, cells);
    Grid grid;
    grid.name = sheet.attribute("name").value();
    const std::string prefix = quoted_sheet(grid.name) + "!";
    for (auto& [r, row] : cells) {
      GridRow out;
      out.cells.resize(row.rbegin()->first);
      for (auto& [c, cell] : row) {
        places.push_back({prefix + column_letters(c) + std::to_string(r), r, c});
        out.cells[c - 1] = {std::move(cell.text), places.size(), cell.copy_left, cell.error};
        if (out.offset == 0) out.offset = places.size();
      }
      grid.rows.push_back(std::move(out));
    }
    grids.push_back(std::move(grid));
  }
  return true;
}

}  // namespace pes
