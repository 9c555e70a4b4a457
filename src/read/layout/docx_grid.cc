#include "pes/docx_grid.h"

#include <fmt/format.h>

#include <algorithm>
#include <pugixml.hpp>

#include "read/layout/zip_xml.h"

namespace pes {
namespace {

using layout::child_named;
using layout::local_name;
using layout::PackageKind;
using layout::XmlPackage;

constexpr PackageKind kDocument{".docx document", "the document", ".docx 文档", "文档"};

// Limits no form comes near; past them the file is refused rather than spread into memory.
constexpr int kMaxDepth = 64;                         // elements inside elements we descend
constexpr std::uint64_t kMaxCells = 1'000'000;        // cells of the grid, copies and text rows too
constexpr std::uint64_t kMaxCopiedBytes = 64u << 20;  // text repeated into merged cells
constexpr std::uint32_t kMaxSpan = 1024;              // columns one cell may span
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

std::string_view name_of(pugi::xml_node n) { return local_name(n.name()); }

// The w:val of a property child (w:gridSpan w:val="3"), or "" when absent.
std::string_view val(pugi::xml_node n) {
  for (pugi::xml_attribute a : n.attributes()) {
    if (local_name(a.name()) == "val") return a.value();
  }
  return {};
}

std::uint32_t count_of(pugi::xml_node n, std::uint32_t fallback) {
  const std::string_view v = val(n);
  std::uint64_t x = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return fallback;
    x = std::min<std::uint64_t>(x * 10 + static_cast<std::uint64_t>(c - '0'), kMaxSpan);
  }
  return v.empty() ? fallback : static_cast<std::uint32_t>(x);
}

// Elements that only wrap others: content controls, custom XML, tracked insertions.
bool is_wrapper(std::string_view name) {
  return name == "sdt" || name == "sdtContent" || name == "customXml" || name == "smartTag" ||
         name == "ins" || name == "moveTo" || name == "hyperlink" || name == "fldSimple" ||
         name == "dir" || name == "bdo";
}

// The text of a paragraph's runs, as Word shows it: w:tab a space, w:br and w:cr line breaks.
// Deleted text, field codes, drawings and properties are left out.
void run_text(pugi::xml_node node, std::string& out, int depth) {
  if (depth > kMaxDepth) return;
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view n = name_of(c);
    if (n == "t") {
      out += c.child_value();
    } else if (n == "tab" || n == "ptab") {
      out += ' ';
    } else if (n == "br" || n == "cr") {
      out += '\n';
    } else if (n == "noBreakHyphen") {
      out += '-';
    } else if (n == "r" || is_wrapper(n)) {
      run_text(c, out, depth + 1);
    }
  }
}

class DocxReader {
 public:
  DocxReader(Grid& grid, std::vector<CellPlace>& places) : grid_(grid), places_(places) {}

  std::string error_en;
  std::string error_zh;

  // Block-level content (the body, a cell of a layout row): paragraphs and tables in order.
  bool blocks(pugi::xml_node container, int depth) {
    if (depth > kMaxDepth) return too_deep();
    for (pugi::xml_node c : container.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view n = name_of(c);
      if (n == "p") {
        if (!paragraph(c)) return false;
      } else if (n == "tbl") {
        if (!table(c, depth + 1)) return false;
      } else if (n == "sdt" || n == "sdtContent" || n == "customXml") {
        if (!blocks(c, depth + 1)) return false;
      }
    }
    return true;
  }

 private:
  struct Row {
    pugi::xml_node node;
    std::vector<pugi::xml_node> cells;
  };

  bool too_deep() {
    error_en = "the document nests tables or content controls too deeply to be a form";
    error_zh = "文档中表格或内容控件嵌套过深，不像自评表";
    return false;
  }
  bool too_large() {
    error_en = "the document has too many cells or lines, merged cells spread out, to be a form";
    error_zh = "文档中的单元格或文字行（合并单元格展开后）过多，不像自评表";
    return false;
  }

  std::uint64_t place(std::string name, std::uint32_t row, std::uint32_t column) {
    places_.push_back({std::move(name), row, column});
    return places_.size();
  }

  // A paragraph outside the tables: one one-cell row for each of its lines.
  bool paragraph(pugi::xml_node p) {
    ++paragraphs_;
    std::string text;
    run_text(p, text, 0);
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      if (line.find_first_not_of(" \t") != std::string::npos) {
        if (++cells_ > kMaxCells) return too_large();
        GridRow row;
        row.offset = place(fmt::format("段落{}", paragraphs_), paragraphs_, 1);
        row.cells.push_back({std::move(line), row.offset, false});
        grid_.rows.push_back(std::move(row));
      }
      start = end + 1;
    }
    return true;
  }

  // A cell's text: its paragraphs joined by line breaks.
  static std::string cell_text(pugi::xml_node tc, int depth) {
    std::string out;
    bool first = true;
    auto walk = [&](auto& self, pugi::xml_node node, int d) -> void {
      if (d > kMaxDepth) return;
      for (pugi::xml_node c : node.children()) {
        const std::string_view n = name_of(c);
        if (n == "p") {
          if (!first) out += '\n';
          first = false;
          run_text(c, out, 0);
        } else if (n == "sdt" || n == "sdtContent" || n == "customXml") {
          self(self, c, d + 1);
        }
      }
    };
    walk(walk, tc, depth);
    return out;
  }

  static bool holds_table(pugi::xml_node node, int depth) {
    if (depth > kMaxDepth) return false;
    for (pugi::xml_node c : node.children()) {
      const std::string_view n = name_of(c);
      if (n == "tbl") return true;
      if ((n == "sdt" || n == "sdtContent" || n == "customXml") && holds_table(c, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  // Collects the rows of a table, or the cells of a row, through content controls.
  static void collect(pugi::xml_node node, std::string_view want, std::vector<pugi::xml_node>& out,
                      int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node c : node.children()) {
      const std::string_view n = name_of(c);
      if (n == want) {
        out.push_back(c);
      } else if (n == "sdt" || n == "sdtContent" || n == "customXml") {
        collect(c, want, out, depth + 1);
      }
    }
  }

  bool add_cell(GridRow& row, const std::string& text, std::uint32_t r, bool copy_left) {
    if (++cells_ > kMaxCells) return too_large();
    const auto c = static_cast<std::uint32_t>(row.cells.size() + 1);
    const std::uint64_t at = place(fmt::format("表{}!R{}C{}", table_, r, c), r, c);
    if (row.offset == 0) row.offset = at;
    row.cells.push_back({text, at, copy_left});
    return true;
  }

  bool copied(const std::string& text) {
    copied_ += text.size();
    return copied_ <= kMaxCopiedBytes || too_large();
  }

  bool table(pugi::xml_node tbl, int depth) {
    if (depth > kMaxDepth) return too_deep();
    const int number = ++tables_;
    std::vector<pugi::xml_node> rows;
    collect(tbl, "tr", rows, 0);
    // The row above in the grid, for cells merged down (w:vMerge); none after a layout row.
    std::size_t above = kNone;
    std::uint32_t r = 0;
    for (pugi::xml_node tr : rows) {
      ++r;
      std::vector<pugi::xml_node> cells;
      collect(tr, "tc", cells, 0);
      if (std::any_of(cells.begin(), cells.end(),
                      [&](pugi::xml_node tc) { return holds_table(tc, 0); })) {
        // A row that holds tables lays out the page: its cells are read as blocks in order.
        for (pugi::xml_node tc : cells) {
          if (!blocks(tc, depth + 1)) return false;
        }
        above = kNone;
        continue;
      }
      table_ = number;
      GridRow row;
      const pugi::xml_node trPr = child_named(tr, "trPr");
      for (std::uint32_t k = count_of(child_named(trPr, "gridBefore"), 0); k > 0; --k) {
        if (!add_cell(row, {}, r, false)) return false;
      }
      for (pugi::xml_node tc : cells) {
        const pugi::xml_node tcPr = child_named(tc, "tcPr");
        const std::uint32_t span =
            std::max<std::uint32_t>(1, count_of(child_named(tcPr, "gridSpan"), 1));
        const pugi::xml_node vmerge = child_named(tcPr, "vMerge");
        const pugi::xml_node hmerge = child_named(tcPr, "hMerge");
        std::string own = cell_text(tc, 0);
        const std::string* text = &own;  // or the text of the cell merged into this one
        bool copy_left = false;
        const std::size_t col = row.cells.size();
        if (vmerge && val(vmerge) != "restart" && above != kNone) {
          const GridRow& up = grid_.rows[above];  // not moved while this row is read
          if (col < up.cells.size()) {
            text = &up.cells[col].text;
            if (!copied(*text)) return false;
          }
        } else if (hmerge && val(hmerge) != "restart" && col > 0) {
          own = row.cells[col - 1].text;
          copy_left = true;
          if (!copied(own)) return false;
        }
        if (!add_cell(row, *text, r, copy_left)) return false;
        for (std::uint32_t k = 1; k < span; ++k) {
          if (!copied(*text) || !add_cell(row, *text, r, true)) return false;
        }
      }
      above = grid_.rows.size();
      grid_.rows.push_back(std::move(row));
    }
    return true;
  }

  Grid& grid_;
  std::vector<CellPlace>& places_;
  std::uint32_t paragraphs_ = 0;
  int tables_ = 0;
  int table_ = 0;  // the number of the table whose row is being read
  std::uint64_t cells_ = 0;
  std::uint64_t copied_ = 0;
};

// The main part: the target of the package's officeDocument relationship.
std::string main_part(XmlPackage& package) {
  pugi::xml_document rels;
  if (package.xml("_rels/.rels", rels, false)) {
    for (pugi::xml_node r : child_named(rels, "Relationships").children()) {
      const std::string_view type = r.attribute("Type").value();
      if (type.ends_with("/officeDocument")) {
        std::string_view target = r.attribute("Target").value();
        if (target.starts_with("/")) target.remove_prefix(1);
        if (!target.empty()) return std::string(target);
      }
    }
  }
  return "word/document.xml";
}

}  // namespace

bool read_docx_grid(std::string_view bytes, Grid& grid, std::vector<CellPlace>& places,
                    std::string& error_en, std::string& error_zh) {
  XmlPackage package(kDocument);
  auto failed = [&] {
    error_en = package.error_en();
    error_zh = package.error_zh();
    return false;
  };
  if (!package.open(bytes)) return failed();
  const std::string part = main_part(package);
  if (!package.error_en().empty()) return failed();
  pugi::xml_document doc;
  if (!package.xml(part, doc)) return failed();
  const pugi::xml_node body = child_named(child_named(doc, "document"), "body");
  if (!body) {
    error_en = fmt::format("not a readable .docx document: {} has no w:body", part);
    error_zh = fmt::format("不是可读取的 .docx 文档：{} 中没有 w:body", part);
    return false;
  }
  grid = Grid{};
  DocxReader reader(grid, places);
  if (!reader.blocks(body, 0)) {
    error_en = reader.error_en;
    error_zh = reader.error_zh;
    return false;
  }
  return true;
}

}  // namespace pes
