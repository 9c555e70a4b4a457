// The XML parts of an Office Open XML package (.xlsx, .docx): libzip opens the container from
// memory, pugixml reads each part. Sizes are bounded so that a zip bomb is refused, not unpacked.
#pragma once

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "core/dl_zip.h"

namespace pes::layout {

/// How messages name the package: ".xlsx workbook" and "the workbook", or the .docx equivalents.
struct PackageKind {
  std::string_view what_en;  ///< ".xlsx workbook"
  std::string_view in_en;    ///< "the workbook"
  std::string_view what_zh;  ///< ".xlsx 工作簿"
  std::string_view in_zh;    ///< "工作簿"
};

/// The local part of an XML name ("w:tbl" → "tbl").
std::string_view local_name(const char* name);
/// The first child whose local name is `name`, or an empty node.
pugi::xml_node child_named(pugi::xml_node node, std::string_view name);

class XmlPackage {
 public:
  /// An entry larger than this is no form: refused rather than unpacked into memory.
  static constexpr zip_uint64_t kMaxEntry = 256u << 20;

  explicit XmlPackage(PackageKind kind) : kind_(kind) {}

  /// Opens the zip container in `bytes` (which must outlive this object). False also when
  /// libzip cannot be loaded.
  bool open(std::string_view bytes);
  /// Reads an XML entry; false when it is missing (the error is set only if `required`),
  /// too large, broken, or not well-formed XML.
  bool xml(const std::string& name, pugi::xml_document& doc, bool required = true);

  const std::string& error_en() const { return error_en_; }
  const std::string& error_zh() const { return error_zh_; }

 private:
  bool fail(std::string en, std::string zh);
  struct ZipCloser {
    void operator()(zip_t* z) const { libzip().zip_discard(z); }
  };
  PackageKind kind_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  std::string error_en_;
  std::string error_zh_;
};

}  // namespace pes::layout
