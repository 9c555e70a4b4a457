#include "xlsx_annotate.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/cell_ref.h"
#include "write/xlsx_package.h"
#include "xlsx_mark_styles.h"

namespace pes {
namespace {

constexpr std::string_view kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kCommentsType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
constexpr std::string_view kVmlType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
constexpr std::string_view kCommentsContent =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
constexpr std::string_view kVmlContent = "application/vnd.openxmlformats-officedocument.vmlDrawing";
constexpr std::string_view kAuthor = "pes";

// The elements a worksheet may hold after <sheetData> and after <legacyDrawing>, in the
// schema's order.
constexpr std::string_view kAfterSheetData[] = {"sheetCalcPr",
                                                "sheetProtection",
                                                "protectedRanges",
                                                "scenarios",
                                                "autoFilter",
                                                "sortState",
                                                "dataConsolidate",
                                                "customSheetViews",
                                                "mergeCells",
                                                "phoneticPr",
                                                "conditionalFormatting",
                                                "dataValidations",
                                                "hyperlinks",
                                                "printOptions",
                                                "pageMargins",
                                                "pageSetup",
                                                "headerFooter",
                                                "rowBreaks",
                                                "colBreaks",
                                                "customProperties",
                                                "cellWatches",
                                                "ignoredErrors",
                                                "smartTags",
                                                "drawing",
                                                "legacyDrawing",
                                                "legacyDrawingHF",
                                                "drawingHF",
                                                "picture",
                                                "oleObjects",
                                                "controls",
                                                "webPublishItems",
                                                "tableParts",
                                                "extLst"};
constexpr std::string_view kAfterLegacyDrawing[] = {
    "legacyDrawingHF", "drawingHF",       "picture",    "oleObjects",
    "controls",        "webPublishItems", "tableParts", "extLst"};

struct Cell {
  Severity severity = Severity::Notice;
  std::string text;
};
using Cells = std::map<std::pair<std::uint32_t, std::uint32_t>, Cell>;  // (row, column)

void add_to(Cells& cells, std::pair<std::uint32_t, std::uint32_t> at, Severity severity,
            const std::string& text) {
  auto [it, fresh] = cells.try_emplace(at, Cell{severity, text});
  if (fresh) return;
  it->second.severity = std::max(it->second.severity, severity);
  if (it->second.text.find(text) == std::string::npos) it->second.text += "\n" + text;
}

// A mark inside a merged range belongs to the range's first cell, which holds the value.
void to_merge_tops(pugi::xml_node ws, Cells& cells) {
  Cells moved;
  for (const auto& [at, cell] : cells) {
    add_to(moved, xlsx_merge_top(ws, at.first, at.second), cell.severity, cell.text);
  }
  cells = std::move(moved);
}

// Gives each marked cell its marked format, adding the row or cell if the sheet lacks it.
void fill_cells(pugi::xml_node ws, const Cells& cells, MarkStyles& styles) {
  pugi::xml_node data = xml_child(ws, "sheetData");
  if (!data) data = xml_insert_before_any(ws, xml_name_like(ws, "sheetData"), kAfterSheetData);
  // Rows by number (a row without r follows the one before it).
  std::map<std::uint32_t, pugi::xml_node> rows;
  std::uint32_t next = 1;
  for (pugi::xml_node r : data.children()) {
    if (r.type() != pugi::node_element || xml_local(r.name()) != "row") continue;
    const std::uint32_t n = r.attribute("r").as_uint(next);
    rows.emplace(n, r);
    next = n + 1;
  }
  for (const auto& [at, cell] : cells) {
    auto [row_n, col_n] = at;
    pugi::xml_node row;
    if (const auto it = rows.find(row_n); it != rows.end()) {
      row = it->second;
    } else {
      const auto after = rows.upper_bound(row_n);
      const std::string name = xml_name_like(data, "row");
      row = after == rows.end() ? data.append_child(name.c_str())
                                : data.insert_child_before(name.c_str(), after->second);
      row.append_attribute("r") = row_n;
      rows.emplace(row_n, row);
    }
    pugi::xml_node c;
    pugi::xml_node later;  // the first cell to the right of the marked one
    std::uint32_t col = 1;
    for (pugi::xml_node x : row.children()) {
      if (x.type() != pugi::node_element || xml_local(x.name()) != "c") continue;
      std::uint32_t rr = 0, cc = 0;
      if (parse_cell_ref(x.attribute("r").value(), rr, cc)) col = cc;
      if (col == col_n) {
        c = x;
        break;
      }
      if (col > col_n) {
        later = x;
        break;
      }
      ++col;
    }
    if (!c) {
      const std::string name = xml_name_like(row, "c");
      c = later ? row.insert_child_before(name.c_str(), later) : row.append_child(name.c_str());
      c.append_attribute("r") = cell_name(row_n, col_n).c_str();
    }
    pugi::xml_attribute s = c.attribute("s");
    if (!s) s = c.insert_attribute_after("s", c.attribute("r"));
    s.set_value(static_cast<unsigned long long>(styles.marked(s.as_uint(0), cell.severity)));
  }
}

// Comment text: no control characters but line breaks.
std::string comment_text(std::string_view text) {
  std::string out(text);
  std::erase_if(out, [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; });
  return out;
}

// A comment's box in VML, as Excel draws one: to the right of its cell, hidden until pointed at.
std::string vml_shape(std::uint32_t id, std::uint32_t row, std::uint32_t col, const Cell& cell) {
  const auto lines =
      static_cast<std::uint32_t>(std::count(cell.text.begin(), cell.text.end(), '\n') + 1);
  return fmt::format(
      "<v:shape id=\"_x0000_s{}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;"
      "margin-top:2pt;width:220pt;height:{}pt;z-index:{};visibility:hidden\" fillcolor=\"#ffffe1\" "
      "o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" "
      "obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\">"
      "<div style=\"text-align:left\"></div></v:textbox><x:ClientData ObjectType=\"Note\">"
      "<x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{}, 15, {}, 2, {}, 15, {}, 16</x:Anchor>"
      "<x:AutoFill>False</x:AutoFill><x:Row>{}</x:Row><x:Column>{}</x:Column></x:ClientData>"
      "</v:shape>",
      id, 30 + 24 * std::min(lines * 2, 12u), id, col, row > 1 ? row - 2 : 0, col + 4,
      row + 2 + std::min(lines * 2, 12u), row - 1, col - 1);
}

constexpr std::string_view kVmlHead =
    "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" "
    "xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
    "xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap "
    "v:ext=\"edit\" data=\"{}\"/></o:shapelayout><v:shapetype id=\"_x0000_t202\" "
    "coordsize=\"21600,21600\" "
    "o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path "
    "gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>";

// The largest number after `key` in `text` (the idmap data or shape numbers of VML).
std::uint32_t largest_after(std::string_view text, std::string_view key) {
  std::uint32_t best = 0;
  for (auto at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    std::uint32_t n = 0;
    for (std::size_t i = at + key.size(); i < text.size() && text[i] >= '0' && text[i] <= '9';
         ++i) {
      n = n * 10 + static_cast<std::uint32_t>(text[i] - '0');
    }
    best = std::max(best, n);
  }
  return best;
}

class Annotator {
 public:
  explicit Annotator(XlsxPackage& pkg) : pkg_(pkg) {}

  bool run(const std::vector<CellMark>& marks, std::string& error) {
    if (!pkg_.read_xml("[Content_Types].xml", types_, error)) return false;
    WorkbookParts book;
    if (!book.load(pkg_, error)) return false;
    const std::string& workbook = book.workbook;
    PackageRels& book_rels = book.rels;
    const std::string book_rels_part = rels_part(workbook);
    const std::map<std::string, std::string>& sheet_parts = book.sheets;
    std::map<std::string, Cells> by_part;
    for (const CellMark& m : marks) {
      const auto it = sheet_parts.find(m.sheet);
      if (it == sheet_parts.end()) {
        error = fmt::format("the workbook has no sheet “{}”", m.sheet);
        return false;
      }
      add_to(by_part[it->second], {m.row, m.column}, m.severity, comment_text(m.text));
    }
    if (!styles_.load(pkg_, workbook, book_rels, types_, error)) return false;
    for (const std::string& part : pkg_.parts()) {
      if (part.ends_with(".vml")) {
        std::string ignored;
        const auto text = pkg_.read(part, ignored);
        if (text) next_idmap_ = std::max(next_idmap_, largest_after(*text, "data=\"") + 1);
      }
    }
    for (auto& [part, cells] : by_part) {
      if (!sheet(part, cells, error)) return false;
    }
    styles_.save(pkg_);
    if (styles_.created()) book_rels.save(pkg_, book_rels_part);
    pkg_.write_xml("[Content_Types].xml", types_);
    return true;
  }

 private:
  bool sheet(const std::string& part, Cells& cells, std::string& error) {
    pugi::xml_document doc;
    if (!pkg_.read_xml(part, doc, error)) return false;
    pugi::xml_node ws = xml_child(doc, "worksheet");
    if (!ws) {
      error = fmt::format("{} in the workbook is not a worksheet", part);
      return false;
    }
    to_merge_tops(ws, cells);
    fill_cells(ws, cells, styles_);

    const std::string rels_name = rels_part(part);
    PackageRels rels;
    if (!rels.load(pkg_, rels_name, error)) return false;
    // Comments: into the sheet's comments part, or a new one.
    pugi::xml_document comments;
    std::string comments_part;
    if (pugi::xml_node r = rels.find(kCommentsType)) {
      comments_part = resolve_target(part, r.attribute("Target").value());
      if (!pkg_.read_xml(comments_part, comments, error)) return false;
    } else {
      comments_part = pkg_.free_name("xl/comments", "xml");
      rels.add(kCommentsType, "/" + comments_part);
      add_content_override(types_, "/" + comments_part, kCommentsContent);
      pugi::xml_node root = comments.append_child("comments");
      root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
      root.append_child("authors");
      root.append_child("commentList");
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> fresh;  // cells that need a shape
    if (!add_comments(comments, cells, fresh, comments_part, error)) return false;
    pkg_.write_xml(comments_part, comments);

    // Their boxes: into the sheet's VML drawing, or a new one.
    std::string vml;
    std::string vml_part;
    pugi::xml_node legacy = xml_child(ws, "legacyDrawing");
    if (legacy) {
      std::string id;
      for (pugi::xml_attribute a : legacy.attributes()) {
        if (std::string_view(a.name()).ends_with(":id")) id = a.value();
      }
      if (pugi::xml_node r = rels.by_id(id)) {
        vml_part = resolve_target(part, r.attribute("Target").value());
        vml = pkg_.read(vml_part, error).value_or("");
      }
    }
    std::uint32_t shape = 0;
    if (vml.empty() || vml.rfind("</xml>") == std::string::npos) {
      const std::uint32_t idmap = next_idmap_++;
      vml = fmt::format(fmt::runtime(kVmlHead), idmap) + "</xml>";
      shape = 1024 * idmap;
      vml_part = pkg_.free_name("xl/drawings/vmlDrawing", "vml");
      add_content_default(types_, "vml", kVmlContent);
      const std::string id = rels.add(kVmlType, "/" + vml_part);
      if (!legacy) {
        legacy = xml_insert_before_any(ws, xml_name_like(ws, "legacyDrawing"), kAfterLegacyDrawing);
      }
      legacy.remove_attributes();
      legacy.append_attribute(fmt::format("{}:id", relationship_prefix(ws)).c_str()) = id.c_str();
    } else {
      shape = largest_after(vml, "_x0000_s");
    }
    std::string shapes;
    for (const auto& at : fresh) shapes += vml_shape(++shape, at.first, at.second, cells[at]);
    vml.insert(vml.rfind("</xml>"), shapes);
    pkg_.write(vml_part, std::move(vml));
    rels.save(pkg_, rels_name);
    pkg_.write_xml(part, doc);
    return true;
  }

  // Adds a comment per cell (or a line to a comment the cell has); `fresh` gets the cells that
  // had none.
  bool add_comments(pugi::xml_document& doc, const Cells& cells,
                    std::vector<std::pair<std::uint32_t, std::uint32_t>>& fresh,
                    const std::string& part, std::string& error) {
    pugi::xml_node root = xml_child(doc, "comments");
    pugi::xml_node authors = xml_child(root, "authors");
    pugi::xml_node list = xml_child(root, "commentList");
    if (!root || !authors || !list) {
      error = fmt::format("{} in the workbook is not a comments part", part);
      return false;
    }
    std::size_t author = 0;
    for (pugi::xml_node a : authors.children()) {
      if (a.type() != pugi::node_element) continue;
      if (a.child_value() == kAuthor) break;
      ++author;
    }
    if (author == xml_count(authors, "author")) {
      authors.append_child(xml_name_like(authors, "author").c_str()).text() =
          std::string(kAuthor).c_str();
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, pugi::xml_node> existing;
    for (pugi::xml_node c : list.children()) {
      std::uint32_t r = 0, k = 0;
      if (parse_cell_ref(c.attribute("ref").value(), r, k)) existing[{r, k}] = c;
    }
    for (const auto& [at, cell] : cells) {
      pugi::xml_node text;
      std::string body = cell.text;
      if (const auto it = existing.find(at); it != existing.end()) {
        text = xml_child(it->second, "text");
        body = "\n" + body;
      } else {
        pugi::xml_node c = list.append_child(xml_name_like(list, "comment").c_str());
        c.append_attribute("ref") = cell_name(at.first, at.second).c_str();
        c.append_attribute("authorId") = static_cast<unsigned long long>(author);
        text = c.append_child(xml_name_like(list, "text").c_str());
        fresh.push_back(at);
      }
      pugi::xml_node run = text.append_child(xml_name_like(list, "r").c_str());
      pugi::xml_node t = run.append_child(xml_name_like(list, "t").c_str());
      t.append_attribute("xml:space") = "preserve";
      t.text() = body.c_str();
    }
    return true;
  }

  // The prefix the worksheet gives the relationships namespace, declared if it has none.
  static std::string relationship_prefix(pugi::xml_node ws) {
    for (pugi::xml_attribute a : ws.attributes()) {
      const std::string_view n = a.name();
      if (n.starts_with("xmlns:") && a.value() == kRelNs) return std::string(n.substr(6));
    }
    ws.append_attribute("xmlns:r") = std::string(kRelNs).c_str();
    return "r";
  }

  XlsxPackage& pkg_;
  pugi::xml_document types_;
  MarkStyles styles_;
  std::uint32_t next_idmap_ = 1;
};

}  // namespace

std::string cell_name(std::uint32_t row, std::uint32_t column) {
  std::string letters;
  for (std::uint32_t c = column; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row);
}

bool annotate_workbook(std::string_view bytes, const std::vector<CellMark>& marks, std::string& out,
                       std::string& error) {
  XlsxPackage pkg;
  if (!pkg.open(bytes, error)) return false;
  Annotator annotator(pkg);
  return annotator.run(marks, error) && pkg.save(out, error);
}

}  // namespace pes
