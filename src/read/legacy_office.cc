#include "read/legacy_office.h"

#include <fmt/format.h>

#include <string>

namespace pes {
namespace {

constexpr std::string_view kOle2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// A stream name as an OLE2 directory stores it: UTF-16LE.
bool has_stream(std::string_view bytes, std::string_view name) {
  std::string wide;
  for (char c : name) {
    wide += c;
    wide += '\0';
  }
  return bytes.find(wide) != std::string_view::npos;
}

std::string lower_extension(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

}  // namespace

bool is_ole2(std::string_view bytes) { return bytes.starts_with(kOle2); }

std::optional<Format> office_zip_format(std::string_view bytes) {
  if (!bytes.starts_with("PK\x03\x04")) return std::nullopt;
  // The part names are stored as they are, in each entry's header and in the directory.
  if (bytes.find("xl/workbook.xml") != std::string_view::npos) return Format::Xlsx;
  if (bytes.find("word/document.xml") != std::string_view::npos) return Format::Docx;
  return std::nullopt;
}

void read_legacy_office(const Source& source, Document& doc) {
  doc.clear();
  doc.format = Format::Legacy;
  std::string_view name = source.path();
  if (const auto slash = name.rfind('/'); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  const std::string_view bytes = source.text();
  const std::string ext = lower_extension(name);
  if (is_ole2(bytes) && has_stream(bytes, "EncryptedPackage")) {
    doc.fail(0,
             fmt::format("{} is encrypted (saved with a password), which pes does not read; "
                         "save it again without a password",
                         name),
             fmt::format("{} 已加密（以密码保存），pes 无法读取；请取消密码后重新保存", name));
    return;
  }
  // What made the file: by its extension, else (a file misnamed) by the streams it holds.
  bool excel = ext == "xls" || ext == "et";
  bool word = ext == "doc" || ext == "wps";
  if (!excel && !word && is_ole2(bytes)) {
    word = has_stream(bytes, "WordDocument");
    excel = !word && (has_stream(bytes, "Workbook") || has_stream(bytes, "Book"));
  }
  const bool wps = ext == "et" || ext == "wps";
  if (excel) {
    doc.fail(0,
             fmt::format("{} is a legacy {} binary file, which pes does not read; save it as .xlsx "
                         "(File › Save As › Excel Workbook)",
                         name, wps ? "WPS spreadsheet" : "Excel"),
             fmt::format("{} 是旧版{}二进制文件，pes 无法读取；请另存为 .xlsx（文件 › 另存为 › "
                         "Excel 工作簿）",
                         name, wps ? " WPS 表格" : " Excel "));
  } else if (word) {
    doc.fail(0,
             fmt::format("{} is a legacy {} binary file, which pes does not read; save it as .docx "
                         "(File › Save As › Word Document)",
                         name, wps ? "WPS writer" : "Word"),
             fmt::format("{} 是旧版{}二进制文件，pes 无法读取；请另存为 .docx（文件 › 另存为 › "
                         "Word 文档）",
                         name, wps ? " WPS 文字" : " Word "));
  } else {
    doc.fail(0,
             fmt::format("{} is a legacy Office binary file (OLE2), which pes does not read; "
                         "save it as .xlsx or .docx",
                         name),
             fmt::format("{} 是旧版 Office 二进制文件（OLE2），pes 无法读取；请另存为 .xlsx 或 "
                         ".docx",
                         name));
  }
}

}  // namespace pes
