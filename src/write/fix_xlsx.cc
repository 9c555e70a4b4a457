// Replaces values in a workbook: the cells a field was read from, their values only. Styles,
// other cells, other sheets and every part not changed stay as they are (the package editor
// copies them byte for byte). A cell that holds a formula, or shows its number as a
// percentage, is left, and the note says so.
#include <fmt/format.h>

#include <map>

#include "core/cell_ref.h"
#include "pes/text.h"
#include "pes/xlsx_grid.h"
#include "read/layout/layout_text.h"
#include "write/fix_editor.h"
#include "write/xlsx_package.h"

namespace pes {
namespace {

// The sheet's name in a place name ("'My sheet'!C5" → My sheet).
std::string sheet_of(const std::string& place) {
  const auto bang = place.rfind('!');
  std::string name = place.substr(0, bang == std::string::npos ? 0 : bang);
  if (name.size() >= 2 && name.front() == '\'' && name.back() == '\'') {
    name = name.substr(1, name.size() - 2);
  }
  return name;
}

struct Sheet {
  std::string part;
  pugi::xml_document doc;
  bool changed = false;
};

class XlsxEditor final : public FixEditor {
 public:
  XlsxEditor(const Source& source, const Document& doc, Message& error) : places_(doc.places) {
    std::vector<Grid> grids;
    std::vector<CellPlace> places;
    std::string en;
    std::string zh;
    if (!read_xlsx_grids(source.text(), grids, places, en, zh)) {
      error = {en, zh};
      return;
    }
    texts_.resize(places.size());
    for (const Grid& g : grids) {
      for (const GridRow& r : g.rows) {
        for (const GridCell& c : r.cells) {
          if (c.offset >= 1 && c.offset <= texts_.size()) texts_[c.offset - 1] = c.text;
        }
      }
    }
    std::string why;
    if (!pkg_.open(source.text(), why) || !load_book(why) || !load_styles(why)) {
      error = {why, fmt::format("无法编辑工作簿：{}", why)};
    }
  }

  std::optional<std::string> raw(std::uint64_t offset) const override {
    if (offset < 1 || offset > texts_.size()) return std::nullopt;
    return layout::clean_cell(texts_[offset - 1]);
  }

  void apply(const Form& form, const std::vector<ValueEdit>& edits, FileFix& out,
             Message& refused) override {
    for (const ValueEdit& e : edits) {
      if (e.offset < 1 || e.offset > places_.size()) continue;
      const CellPlace& place = places_[e.offset - 1];
      std::string why_en;
      std::string why_zh;
      pugi::xml_node c = find_cell(place, why_en, why_zh);
      if (c && xml_child(c, "f")) {
        why_en = "holds a formula";
        why_zh = "为公式";
      } else if (c && e.number && percent_style(c.attribute("s").as_uint(0))) {
        why_en = "shows its number as a percentage";
        why_zh = "以百分比格式显示";
      }
      if (!why_en.empty() || !c) {
        refused.en += fmt::format("{}{} {}, not overwritten (would be {})",
                                  refused.en.empty() ? "" : "; ", place.name, why_en, e.text);
        refused.zh += fmt::format("{}{}{}，未覆盖（应为 {}）", refused.zh.empty() ? "" : "；",
                                  place.name, why_zh, e.text);
        continue;
      }
      set_value(c, e);
      last_->changed = true;
      out.changes.push_back(
          {form.index, e.field, e.kind, place.name, texts_[e.offset - 1], e.text});
    }
  }

  bool finish(FileFix& out) override {
    bool any = false;
    for (auto& [name, sheet] : sheets_) {
      if (!sheet.changed) continue;
      pkg_.write_xml(sheet.part, sheet.doc);
      any = true;
    }
    if (!any) {
      out.after = out.before;
      return true;
    }
    std::string why;
    if (!pkg_.save(out.after, why)) {
      out.error = {why, fmt::format("无法写出工作簿：{}", why)};
      return false;
    }
    return true;
  }

 private:
  bool load_book(std::string& error) {
    WorkbookParts book;
    if (!book.load(pkg_, error)) return false;
    sheet_parts_ = std::move(book.sheets);
    return true;
  }

  // The cell formats (<xf> of <cellXfs>) that show numbers as percentages.
  bool load_styles(std::string& error) {
    if (!pkg_.has("xl/styles.xml")) return true;
    pugi::xml_document styles;
    if (!pkg_.read_xml("xl/styles.xml", styles, error)) return false;
    const pugi::xml_node root = xml_child(styles, "styleSheet");
    std::map<unsigned, bool> percent_formats = {{9, true}, {10, true}};
    for (pugi::xml_node f : xml_child(root, "numFmts").children()) {
      const std::string_view code = f.attribute("formatCode").value();
      percent_formats[f.attribute("numFmtId").as_uint()] = code.find('%') != std::string_view::npos;
    }
    for (pugi::xml_node xf : xml_child(root, "cellXfs").children()) {
      if (xf.type() != pugi::node_element) continue;
      const auto it = percent_formats.find(xf.attribute("numFmtId").as_uint(0));
      percent_.push_back(it != percent_formats.end() && it->second);
    }
    return true;
  }

  bool percent_style(unsigned s) const { return s < percent_.size() && percent_[s]; }

  Sheet* sheet(const std::string& name) {
    const auto known = sheets_.find(name);
    if (known != sheets_.end()) return &known->second;
    const auto part = sheet_parts_.find(name);
    if (part == sheet_parts_.end()) return nullptr;
    Sheet& s = sheets_[name];
    s.part = part->second;
    std::string error;
    if (!pkg_.read_xml(s.part, s.doc, error)) {
      sheets_.erase(name);
      return nullptr;
    }
    return &s;
  }

  // The <c> of a place; a cell inside a merged range is its range's first cell.
  pugi::xml_node find_cell(const CellPlace& place, std::string& why_en, std::string& why_zh) {
    Sheet* s = sheet(sheet_of(place.name));
    if (s == nullptr) {
      why_en = "is in a sheet pes cannot edit";
      why_zh = "所在工作表无法编辑";
      return {};
    }
    const pugi::xml_node ws = xml_child(s->doc, "worksheet");
    const auto [row, col] = xlsx_merge_top(ws, place.row, place.column);
    const std::string want = column_letters(col) + std::to_string(row);
    std::uint32_t next_row = 1;
    for (pugi::xml_node r : xml_child(ws, "sheetData").children()) {
      if (xml_local(r.name()) != "row") continue;
      const std::uint32_t rn = r.attribute("r").as_uint(next_row);
      next_row = rn + 1;
      if (rn != row) continue;
      std::uint32_t next_col = 1;
      for (pugi::xml_node c : r.children()) {
        if (xml_local(c.name()) != "c") continue;
        std::uint32_t cr = 0;
        std::uint32_t cc = 0;
        if (!parse_cell_ref(c.attribute("r").value(), cr, cc)) cc = next_col;
        next_col = cc + 1;
        if (cc == col) {
          last_ = s;
          return c;
        }
      }
    }
    why_en = "cannot be found in its sheet";
    why_zh = "在工作表中找不到";
    return {};
  }

  // Gives a cell a number (<v>) or a text (an inline string), its style and all else kept.
  static void set_value(pugi::xml_node c, const ValueEdit& e) {
    for (pugi::xml_node child = c.first_child(); child;) {
      const pugi::xml_node next = child.next_sibling();
      const std::string_view local = xml_local(child.name());
      if (local == "v" || local == "is") c.remove_child(child);
      child = next;
    }
    c.remove_attribute("t");
    const pugi::xml_node ext = xml_child(c, "extLst");
    if (e.number) {
      const std::string name = xml_name_like(c, "v");
      pugi::xml_node v =
          ext ? c.insert_child_before(name.c_str(), ext) : c.append_child(name.c_str());
      v.text() = e.text.c_str();
      return;
    }
    c.append_attribute("t") = "inlineStr";
    const std::string name = xml_name_like(c, "is");
    pugi::xml_node is =
        ext ? c.insert_child_before(name.c_str(), ext) : c.append_child(name.c_str());
    is.append_child(xml_name_like(c, "t").c_str()).text() = e.text.c_str();
  }

  const std::vector<CellPlace>& places_;
  std::vector<std::string> texts_;  // each place's text, as the reader read it
  XlsxPackage pkg_;
  std::map<std::string, std::string> sheet_parts_;  // name → part
  std::map<std::string, Sheet> sheets_;             // loaded, by name
  std::vector<bool> percent_;                       // per cell format
  Sheet* last_ = nullptr;                           // the sheet of the cell last found
};

}  // namespace

std::unique_ptr<FixEditor> make_xlsx_editor(const Source& source, const Document& doc,
                                            Message& error) {
  auto editor = std::make_unique<XlsxEditor>(source, doc, error);
  if (!error.en.empty()) return nullptr;
  return editor;
}

}  // namespace pes
