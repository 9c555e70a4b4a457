// An .xlsx file as a package of parts (a zip of XML files), to be changed part by part: parts
// not replaced are copied into the new package unchanged, compressed bytes and all. libzip
// reads and writes the container in memory.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pes {

class XlsxPackage {
 public:
  XlsxPackage();
  ~XlsxPackage();
  XlsxPackage(const XlsxPackage&) = delete;
  XlsxPackage& operator=(const XlsxPackage&) = delete;

  /// Opens the package in `bytes` (kept by the caller until save()). False with `error` set.
  bool open(std::string_view bytes, std::string& error);
  bool has(const std::string& part) const;
  /// The names of the parts the package had when opened.
  std::vector<std::string> parts() const;
  /// The bytes of a part (a new or replaced part as it will be written); empty when missing.
  std::optional<std::string> read(const std::string& part, std::string& error) const;
  /// Reads a part as XML, keeping every character as the file has it (white space, line
  /// ends, the declaration). False with `error` set.
  bool read_xml(const std::string& part, pugi::xml_document& doc, std::string& error) const;
  /// Replaces or adds a part.
  void write(const std::string& part, std::string data);
  void write_xml(const std::string& part, const pugi::xml_document& doc);
  /// The first of name1.ext, name2.ext, ... that is not a part yet.
  std::string free_name(std::string_view stem, std::string_view ext) const;
  /// The new package: the old one with the parts written. False with `error` set.
  bool save(std::string& out, std::string& error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The local part of an XML name ("x:row" → "row").
std::string_view xml_local(const char* name);
/// The first child with local name `name`.
pugi::xml_node xml_child(pugi::xml_node node, std::string_view name);
/// The name to give a new element beside `sibling`: `local` with the sibling's prefix.
std::string xml_name_like(pugi::xml_node sibling, std::string_view local);

/// The cell that holds the value of cell (`row`, `col`) of worksheet `ws`: the top-left cell of
/// the merged range it lies in, or itself.
std::pair<std::uint32_t, std::uint32_t> xlsx_merge_top(pugi::xml_node ws, std::uint32_t row,
                                                       std::uint32_t col);

/// The number of child elements with local name `local`.
std::size_t xml_count(pugi::xml_node list, std::string_view local);
/// Sets a list's count attribute, if it has one, to its number of `local` children.
void xml_recount(pugi::xml_node list, std::string_view local);
/// Inserts a new element named `name` into `parent` before the first child whose local name is
/// one of `before` (the schema's order), or at the end.
pugi::xml_node xml_insert_before_any(pugi::xml_node parent, const std::string& name,
                                     std::span<const std::string_view> before);

/// The relationships of one part, read from its .rels part (or new and empty).
class PackageRels {
 public:
  bool load(const XlsxPackage& pkg, const std::string& rels_part, std::string& error);
  /// The first relationship of a type; null when none.
  pugi::xml_node find(std::string_view type) const;
  pugi::xml_node by_id(std::string_view id) const;
  /// Adds a relationship; returns its new Id.
  std::string add(std::string_view type, std::string_view target);
  void save(XlsxPackage& pkg, const std::string& rels_part) const {
    pkg.write_xml(rels_part, doc_);
  }

 private:
  pugi::xml_document doc_;
  pugi::xml_node root_;
};

/// A workbook package's main part: where it is, its relationships and each sheet's part.
struct WorkbookParts {
  std::string workbook = "xl/workbook.xml";   ///< the officeDocument part
  PackageRels rels;                           ///< the workbook part's relationships
  std::map<std::string, std::string> sheets;  ///< sheet name → its part
  bool load(const XlsxPackage& pkg, std::string& error);
};

/// Adds <Override PartName=part ContentType=content> to [Content_Types].xml unless there is one.
void add_content_override(pugi::xml_document& types, const std::string& part,
                          std::string_view content);
/// Adds <Default Extension=ext ContentType=content> unless the extension has one.
void add_content_default(pugi::xml_document& types, std::string_view ext, std::string_view content);

/// The part a relationship's target names, from the part that holds the relationship.
std::string resolve_target(std::string_view from_part, std::string_view target);
/// The .rels part of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels").
std::string rels_part(std::string_view part);

}  // namespace pes
