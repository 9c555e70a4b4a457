#include "pes/readers.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "pes/text_encoding.h"

namespace pes {
namespace {

std::string extension(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace

namespace {

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
  }
  return "json";
}

void Readers::read(const Source& source, Format format, Document& doc) {
  switch (format) {
    case Format::Json:
    case Format::JsonLines:  // read as JSON until JSON Lines has a reader of its own
      json_.read(source, doc);
      return;
    case Format::Csv:
      csv_.read(source, doc);
      return;
  }
  json_.read(source, doc);
}

}  // namespace pes
