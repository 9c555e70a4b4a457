// The format table. A new input format is its reader plus one row here.
#include "pes/formats.h"

#include <array>

#include <fmt/format.h>

#include "pes/readers.h"
#include "pes/source.h"
#include "pes/text.h"
#include "pes/text_encoding.h"
#include "read/layout/layout_documents.h"
#include "read/legacy_office.h"

namespace pes {
namespace {

using sv = std::string_view;

constexpr std::array<sv, 1> kJson = {"json"};
constexpr std::array<sv, 2> kJsonLines = {"jsonl", "ndjson"};
constexpr std::array<sv, 1> kCsv = {"csv"};
constexpr std::array<sv, 2> kTsv = {"txt", "tsv"};
constexpr std::array<sv, 1> kXlsx = {"xlsx"};
constexpr std::array<sv, 1> kDocx = {"docx"};
constexpr std::array<sv, 2> kHtml = {"html", "htm"};
constexpr std::array<sv, 4> kLegacy = {"xls", "doc", "et", "wps"};

// Printed-layout text (.txt, .tsv) is read when named, but not picked up from a directory: too
// many notes and tables have those names. Legacy binary Office files are picked up so that each
// is named with what to save it as, not skipped without a word.
constexpr std::array kFormats = {
    FormatInfo{Format::Json, "json", kJson, {"pes/1 JSON", "pes/1 JSON"}, true, true,
               [](Readers& r, const Source& s, Document& d) { r.json().read(s, d); }},
    FormatInfo{Format::JsonLines, "jsonl", kJsonLines, {"JSON Lines", "JSON Lines"}, true, false,
               [](Readers& r, const Source& s, Document& d) { r.json().read_lines(s, d); }},
    FormatInfo{Format::Csv, "csv", kCsv, {"CSV", "CSV"}, true, true,
               [](Readers& r, const Source& s, Document& d) { r.csv().read(s, d); }},
    FormatInfo{Format::Tsv, "tsv", kTsv,
               {"the printed table as tab-separated text", "制表符分隔的打印表格文本"}, false,
               false, &read_layout_text},
    FormatInfo{Format::Xlsx, "xlsx", kXlsx, {"Excel workbook", "Excel 工作簿"}, true, false,
               &read_layout_xlsx, true},
    FormatInfo{Format::Docx, "docx", kDocx, {"Word document", "Word 文档"}, true, false,
               [](Readers& r, const Source& s, Document& d) {
                 read_layout_docx(s, d, r.templates());
               },
               true},
    FormatInfo{Format::Html, "html", kHtml, {"saved web page", "保存的网页"}, true, false,
               [](Readers& r, const Source& s, Document& d) {
                 read_layout_html(s, d, r.templates());
               }},
    FormatInfo{Format::Legacy, "legacy", kLegacy,
               {"legacy Excel/Word/WPS file (named, to be saved as .xlsx/.docx)",
                "旧版 Excel/Word/WPS 文件（提示另存为 .xlsx/.docx）"},
               true, false,
               [](Readers&, const Source& s, Document& d) { read_legacy_office(s, d); }, true},
};

constexpr bool table_in_order() {
  for (std::size_t i = 0; i < kFormats.size(); ++i) {
    if (static_cast<std::size_t>(kFormats[i].id) != i) return false;
  }
  return true;
}
static_assert(table_in_order(), "kFormats must list formats in Format order");

}  // namespace

std::span<const FormatInfo> formats() { return kFormats; }

const FormatInfo& format_info(Format format) { return kFormats[static_cast<std::size_t>(format)]; }

const FormatInfo* format_of_extension(std::string_view path) {
  const auto slash = path.rfind('/');
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  for (const FormatInfo& f : kFormats) {
    for (std::string_view ext : f.extensions) {
      if (has_extension(path, ext)) return &f;
    }
  }
  return nullptr;
}

const FormatInfo* find_format(std::string_view name) {
  for (const FormatInfo& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

Format format_for_path(std::string_view path) {
  const FormatInfo* f = format_of_extension(path);
  return f != nullptr ? f->id : Format::Json;
}

Format format_of_file(std::string_view path, std::string_view text) {
  const FormatInfo* f = path == "-" || path == "<stdin>" ? nullptr : format_of_extension(path);
  return f != nullptr ? f->id : sniff_format(text);
}

// Not JSON: the printed table as text when the first line that is not blank has a tab (a row
// of cells) or no comma (a title); else a CSV, whose first line is its header.
Format sniff_format(std::string_view text) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  // UTF-16 with its byte-order mark (Excel's "Unicode Text" is the printed table): JSON too
  // when its first character is, so that the JSON reader says what is wrong with it.
  const bool le = text.starts_with("\xFF\xFE");
  if (le || text.starts_with("\xFE\xFF")) {
    bool started = false;  // the first line that is not blank has begun
    bool tab = false;      // and holds a tab
    for (std::size_t i = 2; i + 1 < text.size(); i += 2) {  // code unit by code unit
      const char low = le ? text[i] : text[i + 1];
      const bool ascii = (le ? text[i + 1] : text[i]) == '\0';
      if (ascii && (low == '\r' || low == '\n')) {
        if (started) return Format::Tsv;
        tab = false;
        continue;
      }
      if (ascii && (low == ' ' || low == '\t')) {
        tab = tab || low == '\t';
        continue;
      }
      if (!started && ascii && (low == '{' || low == '[')) return Format::Json;
      if (tab) return Format::Tsv;
      if (ascii && low == ',') return Format::Csv;
      started = true;
    }
    return started ? Format::Tsv : Format::Csv;
  }
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Format::Csv;
  if (text[first] == '{' || text[first] == '[') return Format::Json;
  const auto before = text.find_last_of("\r\n", first);
  const std::size_t start = before == std::string_view::npos ? 0 : before + 1;
  const std::string_view line = text.substr(start, find_line_end(text, first) - start);
  return line.find('\t') == std::string_view::npos && line.find(',') != std::string_view::npos
             ? Format::Csv
             : Format::Tsv;
}

static bool passes(const FormatInfo& f, FormatFilter filter) {
  return filter == FormatFilter::All || (filter == FormatFilter::Walked && f.walked) ||
         (filter == FormatFilter::Writable && f.writable);
}

std::string describe_formats(FormatFilter filter, bool chinese) {
  std::string out;
  for (const FormatInfo& f : kFormats) {
    if (!passes(f, filter)) continue;
    if (!out.empty()) out += chinese ? "、" : ", ";
    out += f.description.in(chinese);
    out += " (";
    for (std::size_t i = 0; i < f.extensions.size(); ++i) {
      out += i == 0 ? "." : ", .";
      out += f.extensions[i];
    }
    out += ')';
  }
  return out;
}

std::vector<std::string> format_names(FormatFilter filter) {
  std::vector<std::string> out;
  for (const FormatInfo& f : kFormats) {
    if (passes(f, filter)) out.emplace_back(f.name);
  }
  return out;
}

std::string format_extensions(FormatFilter filter, std::string_view separator) {
  std::string out;
  for (const FormatInfo& f : kFormats) {
    if (!passes(f, filter)) continue;
    for (std::string_view ext : f.extensions) {
      if (!out.empty()) out += separator;
      out += '.';
      out += ext;
    }
  }
  return out;
}

}  // namespace pes
