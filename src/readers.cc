#include "pes/readers.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "pes/engine.h"
#include "pes/grid.h"
#include "pes/layout_reader.h"
#include "pes/xlsx_grid.h"

namespace pes {
namespace {

// The offset of the first byte that breaks UTF-8, or npos.
std::size_t bad_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    if (c < 0x80) n = 1;
    else if ((c >> 5) == 0x6 && c >= 0xC2) n = 2;
    else if ((c >> 4) == 0xE) n = 3;
    else if ((c >> 3) == 0x1E && c <= 0xF4) n = 4;
    else return i;
    if (i + n > s.size()) return i;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return i;
    }
    i += n;
  }
  return std::string_view::npos;
}

void parse_error(Document& doc, std::uint64_t at, std::string en, std::string zh) {
  FindingSink sink(kWholeFile, doc.findings);
  sink.add(RuleId::ParseError, {}, at, {std::move(en), std::move(zh)});
}

// Tab-separated text in the printed table layout.
void read_text(const Source& source, Document& doc) {
  doc.clear();
  doc.format = Format::Tsv;
  if (const std::size_t at = bad_utf8(source.text()); at != std::string_view::npos) {
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
  read_layout(grids, doc);
}

}  // namespace

Format format_for_path(std::string_view path) {
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return Format::Json;
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "jsonl" || ext == "ndjson") return Format::JsonLines;
  if (ext == "csv") return Format::Csv;
  if (ext == "txt" || ext == "tsv") return Format::Tsv;
  if (ext == "xlsx") return Format::Xlsx;
  return Format::Json;
}

void Readers::read(const Source& source, Format format, Document& doc) {
  switch (format) {
    case Format::Json:
    case Format::JsonLines:  // read as JSON until JSON Lines has a reader of its own
    case Format::Csv:        // likewise CSV
      json_.read(source, doc);
      return;
    case Format::Tsv: read_text(source, doc); return;
    case Format::Xlsx: read_xlsx(source, doc); return;
  }
  json_.read(source, doc);
}

}  // namespace pes
