#include "xlsx_mark_styles.h"

#include <fmt/format.h>

namespace pes {
namespace {

constexpr std::string_view kStylesType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
constexpr std::string_view kStylesContent =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

// Fill colours by severity (notice, warning, error): pale blue, amber, red.
constexpr std::string_view kFill[] = {"FFBDD7EE", "FFFFC000", "FFFF7C80"};

// The elements of a style sheet after <fills> and after <cellXfs>, in the schema's order.
constexpr std::string_view kAfterFills[] = {"borders", "cellStyleXfs", "cellXfs", "cellStyles",
                                            "dxfs",    "tableStyles",  "colors",  "extLst"};
constexpr std::string_view kAfterCellXfs[] = {"cellStyles", "dxfs", "tableStyles", "colors",
                                              "extLst"};

pugi::xml_attribute attribute(pugi::xml_node node, const char* name) {
  pugi::xml_attribute a = node.attribute(name);
  return a ? a : node.append_attribute(name);
}

}  // namespace

bool MarkStyles::load(XlsxPackage& pkg, const std::string& workbook_part,
                      PackageRels& workbook_rels, pugi::xml_document& content_types,
                      std::string& error) {
  if (pugi::xml_node rel = workbook_rels.find(kStylesType)) {
    part_ = resolve_target(workbook_part, rel.attribute("Target").value());
  }
  if (!part_.empty() && pkg.has(part_)) {
    if (!pkg.read_xml(part_, doc_, error)) return false;
    sheet_ = xml_child(doc_, "styleSheet");
    if (!sheet_) {
      error = fmt::format("{} in the workbook is not a style sheet", part_);
      return false;
    }
  } else {  // a workbook without styles: give it the least Excel needs
    created_ = true;
    part_ = pkg.has("xl/styles.xml") ? pkg.free_name("xl/styles", "xml") : "xl/styles.xml";
    workbook_rels.add(kStylesType, "/" + part_);
    add_content_override(content_types, "/" + part_, kStylesContent);
    sheet_ = doc_.append_child("styleSheet");
    sheet_.append_attribute("xmlns") = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    pugi::xml_node fonts = sheet_.append_child("fonts");
    fonts.append_attribute("count") = 1;
    fonts.append_child("font").append_child("sz").append_attribute("val") = 11;
  }
  fills_ = xml_child(sheet_, "fills");
  if (!fills_) {
    fills_ = xml_insert_before_any(sheet_, xml_name_like(sheet_, "fills"), kAfterFills);
    fills_.append_attribute("count") = 0;
    for (const char* pattern : {"none", "gray125"}) {  // the two fills Excel reserves
      fills_.append_child(xml_name_like(sheet_, "fill").c_str())
          .append_child(xml_name_like(sheet_, "patternFill").c_str())
          .append_attribute("patternType") = pattern;
    }
  }
  xfs_ = xml_child(sheet_, "cellXfs");
  if (!xfs_) {
    xfs_ = xml_insert_before_any(sheet_, xml_name_like(sheet_, "cellXfs"), kAfterCellXfs);
    xfs_.append_attribute("count") = 0;
    pugi::xml_node xf = xfs_.append_child(xml_name_like(sheet_, "xf").c_str());
    for (const char* a : {"numFmtId", "fontId", "fillId", "borderId", "xfId"}) {
      xf.append_attribute(a) = 0;
    }
  }
  for (pugi::xml_node x : xfs_.children()) {
    if (x.type() == pugi::node_element && xml_local(x.name()) == "xf") xf_list_.push_back(x);
  }
  return true;
}

std::size_t MarkStyles::marked(std::size_t s, Severity severity) {
  const auto key = std::pair{s, severity};
  if (const auto it = made_.find(key); it != made_.end()) return it->second;
  pugi::xml_node xf;
  if (s < xf_list_.size()) {
    xf = xfs_.append_copy(xf_list_[s]);
  } else {
    xf = xfs_.append_child(xml_name_like(sheet_, "xf").c_str());
    for (const char* a : {"numFmtId", "fontId", "borderId", "xfId"}) xf.append_attribute(a) = 0;
  }
  attribute(xf, "fillId") = static_cast<unsigned long long>(fill_of(severity));
  attribute(xf, "applyFill") = 1;
  const std::size_t index = xml_count(xfs_, "xf") - 1;
  made_[key] = index;
  return index;
}

void MarkStyles::save(XlsxPackage& pkg) {
  xml_recount(fills_, "fill");
  xml_recount(xfs_, "xf");
  pkg.write_xml(part_, doc_);
}

std::size_t MarkStyles::fill_of(Severity severity) {
  const auto i = static_cast<std::size_t>(severity);
  if (fill_ids_[i]) return *fill_ids_[i];
  pugi::xml_node pattern = fills_.append_child(xml_name_like(sheet_, "fill").c_str())
                               .append_child(xml_name_like(sheet_, "patternFill").c_str());
  pattern.append_attribute("patternType") = "solid";
  pattern.append_child(xml_name_like(sheet_, "fgColor").c_str()).append_attribute("rgb") =
      std::string(kFill[i]).c_str();
  pattern.append_child(xml_name_like(sheet_, "bgColor").c_str()).append_attribute("indexed") = 64;
  fill_ids_[i] = xml_count(fills_, "fill") - 1;
  return *fill_ids_[i];
}

}  // namespace pes
