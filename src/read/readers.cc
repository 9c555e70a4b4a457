#include "pes/readers.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "pes/text_encoding.h"
#include "pes/engine.h"
#include "pes/grid.h"
#include "read/layout/layout_reader.h"
#include "pes/text.h"
#include "pes/xlsx_grid.h"

namespace pes {
namespace {

void parse_error(Document& doc, std::uint64_t at, std::string en, std::string zh) {
  doc.fail(at, std::move(en), std::move(zh));
}

// Tab-separated text in the printed table layout.
void read_text(const Source& source, Document& doc) {
  doc.clear();
  doc.format = Format::Tsv;
  if (const std::size_t at = first_invalid_utf8(source.text()); at != source.text().size()) {
    parse_error(doc, at, "not UTF-8 text: save the file as UTF-8",
                "不是 UTF-8 编码的文本：请以 UTF-8 编码保存");
    return;
  }
  read_layout({read_tsv_grid(source.text())}, doc);
}

// An Excel workbook in the printed table layout.
void read_xlsx(const Source& source, Document& doc) {
  doc.clear();
  doc.format = Format::Xlsx;
  std::vector<Grid> grids;
  std::string en;
  std::string zh;
  std::vector<CellPlace> places;
  if (!read_xlsx_grids(source.text(), grids, places, en, zh)) {
    parse_error(doc, 0, std::move(en), std::move(zh));
    return;
  }
  doc.places = std::move(places);
  // XML text is not checked for UTF-8 by the parser; a form must never carry bytes that pes
  // could not write back out.
  for (const Grid& grid : grids) {
    for (const GridRow& row : grid.rows) {
      for (const GridCell& cell : row.cells) {
        if (first_invalid_utf8(cell.text) != cell.text.size()) {
          parse_error(doc, cell.offset, "the workbook's text is not valid UTF-8",
                      "工作簿中的文本不是有效的 UTF-8");
          return;
        }
      }
    }
  }
  read_layout(grids, doc);
}

std::string extension(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// Each extension pes reads, and its format. A new input format is one row here and one case
// in Readers::read().
struct Extension {
  std::string_view ext;
  Format format;
};
constexpr std::array kExtensions = {
    Extension{"json", Format::Json},
    Extension{"jsonl", Format::JsonLines},
    Extension{"ndjson", Format::JsonLines},
    Extension{"csv", Format::Csv},
    Extension{"txt", Format::Tsv},
    Extension{"tsv", Format::Tsv},
    Extension{"xlsx", Format::Xlsx},
};

const Extension* find_extension(std::string_view path) {
  const std::string ext = extension(path);
  for (const Extension& e : kExtensions) {
    if (e.ext == ext) return &e;
  }
  return nullptr;
}

}  // namespace

Format format_for_path(std::string_view path) {
  const Extension* e = find_extension(path);
  return e != nullptr ? e->format : Format::Json;
}

bool has_known_extension(std::string_view path) { return find_extension(path) != nullptr; }

Format sniff_format(std::string_view text) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
    return Format::Json;
  }
  return Format::Csv;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::Json: return "json";
    case Format::JsonLines: return "jsonl";
    case Format::Csv: return "csv";
    case Format::Tsv: return "tsv";
    case Format::Xlsx: return "xlsx";
  }
  return "json";
}

void Readers::read(const Source& source, Format format, Document& doc) {
  if (const std::size_t nul = source.nul_stop();
      nul != std::string::npos && format != Format::Xlsx) {
    // Source::load stopped at a NUL byte near the start: not text, and not read any further.
    doc.clear();
    doc.format = format;
    parse_error(doc, nul,
                "a NUL byte (0x00) where text belongs; is this a text file? (read no further)",
                "此处为 NUL 字节（0x00），不是文本；这是文本文件吗？（未再往下读取）");
    return;
  }
  switch (format) {
    case Format::JsonLines:
      json_.read_lines(source, doc);
      return;
    case Format::Json:
      json_.read(source, doc);
      return;
    case Format::Csv:
      csv_.read(source, doc);
      return;
    case Format::Tsv: read_text(source, doc); return;
    case Format::Xlsx: read_xlsx(source, doc); return;
  }
  json_.read(source, doc);
}

}  // namespace pes
