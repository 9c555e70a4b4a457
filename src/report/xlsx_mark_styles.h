// The cell formats of marked cells: each cell's own format (number format, font, border,
// alignment) cloned with the fill of a severity, appended to the workbook's style sheet.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pes/finding.h"
#include "write/xlsx_package.h"

namespace pes {

class MarkStyles {
 public:
  /// Reads the style sheet the workbook's relationships name (or makes one, adding its
  /// relationship and content type). False with `error` set.
  bool load(XlsxPackage& pkg, const std::string& workbook_part, PackageRels& workbook_rels,
            pugi::xml_document& content_types, std::string& error);
  /// The index of cell format `s` with the fill of `severity` (made once for each pair).
  std::size_t marked(std::size_t s, Severity severity);
  void save(XlsxPackage& pkg);
  /// Whether load() made a new style sheet (the workbook's relationships then changed).
  bool created() const { return created_; }

 private:
  std::size_t fill_of(Severity severity);

  std::string part_;
  pugi::xml_document doc_;
  pugi::xml_node sheet_;
  pugi::xml_node fills_;
  pugi::xml_node xfs_;
  std::vector<pugi::xml_node> xf_list_;  // the formats the workbook had
  std::map<std::pair<std::size_t, Severity>, std::size_t> made_;
  std::array<std::optional<std::size_t>, 3> fill_ids_{};
  bool created_ = false;
};

}  // namespace pes
