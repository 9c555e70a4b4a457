#include "read/layout/layout_documents.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "core/dl_zip.h"
#include "pes/docx_grid.h"
#include "pes/html_grid.h"
#include "pes/text.h"
#include "pes/text_encoding.h"
#include "read/layout/html_scan.h"
#include "read/layout/layout_reader.h"
#include "read/undecodable.h"

namespace pes {

void read_layout_docx(const Source& source, Document& doc, const TemplateSet& templates) {
  doc.clear();
  doc.format = Format::Docx;
  Grid grid;
  std::vector<CellPlace> places;
  std::string en;
  std::string zh;
  if (const Libzip& zip = libzip(); !zip.ok()) {
    doc.unreadable = zip.error();
    return;
  }
  if (!read_docx_grid(source.text(), grid, places, en, zh)) {
    doc.fail(0, std::move(en), std::move(zh));
    return;
  }
  doc.places = std::move(places);
  // XML text is not checked for UTF-8 by the parser; a form must never carry bytes that pes
  // could not write back out.
  for (const GridRow& row : grid.rows) {
    for (const GridCell& cell : row.cells) {
      if (first_invalid_utf8(cell.text) != cell.text.size()) {
        doc.fail(cell.offset, "the document's text is not valid UTF-8",
                 "文档中的文本不是有效的 UTF-8");
        return;
      }
    }
  }
  read_layout({grid}, doc, 0, templates);
}

namespace {

// The encoding a page's declared charset names: false for one pes does not read.
bool encoding_of_charset(const std::string& charset, TextEncoding& out) {
  if (charset.empty()) {
    out = TextEncoding::Auto;
  } else if (charset == "utf-8" || charset == "utf8" || charset == "unicode-1-1-utf-8") {
    out = TextEncoding::Utf8;
  } else if (charset == "gbk" || charset == "gb2312" || charset == "gb18030" ||
             charset == "x-gbk" || charset == "cp936" || charset == "windows-936" ||
             charset == "chinese" || charset == "csgb2312" || charset == "iso-ir-58") {
    out = TextEncoding::Gb18030;
  } else {
    return false;
  }
  return true;
}

}  // namespace

void read_layout_html(const Source& source, Document& doc, const TemplateSet& templates) {
  doc.clear();
  doc.format = Format::Html;
  const std::string_view bytes = source.text();
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
    doc.fail(0, "the page is empty: expected a saved web page with the form's table",
             "网页为空：应为包含自评表表格的网页");
    return;
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    doc.fail(0, "the page is UTF-16 text; save it as UTF-8 (or GBK)",
             "网页为 UTF-16 编码；请另存为 UTF-8（或 GBK）");
    return;
  }
  const std::string charset = layout::html_declared_charset(bytes);
  TextEncoding encoding = TextEncoding::Auto;
  if (bytes.starts_with(kUtf8Bom)) {
    encoding = TextEncoding::Utf8;  // the byte order mark outranks <meta charset>
  } else if (!encoding_of_charset(charset, encoding)) {
    if (first_invalid_utf8(bytes) != bytes.size()) {
      doc.fail(0,
               fmt::format("the page is in the charset “{}”, which pes does not read; save it as "
                           "UTF-8 or GBK",
                           charset),
               fmt::format("网页的字符集为“{}”，pes 无法读取；请另存为 UTF-8 或 GBK", charset));
      return;
    }
    encoding = TextEncoding::Utf8;  // ASCII, or UTF-8 despite what it says
  }
  DecodedText decoded = decode_text(bytes, encoding);
  if (!decoded.ok) {
    const auto byte = static_cast<unsigned>(static_cast<unsigned char>(bytes[decoded.bad_offset]));
    std::uint32_t line = 0;
    const std::uint64_t at = stop_place(source, decoded, doc, line);
    const std::string_view name = text_encoding_name(decoded.encoding);
    const std::string said = charset.empty()
                                 ? std::string("neither UTF-8 nor GBK")
                                 : fmt::format("not valid {}, which the page declares", name);
    const std::string said_zh = charset.empty() ? std::string("既不是 UTF-8 也不是 GBK 编码")
                                                : fmt::format("不是网页所声明的 {} 编码", name);
    doc.fail(at,
             fmt::format("line {}: byte 0x{:02X} is {}; save the page as UTF-8", line, byte, said),
             fmt::format("第 {} 行：字节 0x{:02X} {}；请将网页另存为 UTF-8", line, byte, said_zh));
    return;
  }
  std::uint64_t base = 0;
  const std::string_view text = doc.take_text(source, decoded, base);
  Grid grid;
  std::string en;
  std::string zh;
  if (!read_html_grid(text, base, grid, en, zh)) {
    doc.fail(0, std::move(en), std::move(zh));
    return;
  }
  read_layout({grid}, doc, 0, templates);
}

}  // namespace pes
