#include "pes/readers.h"

#include <algorithm>
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

Format format_for_path(std::string_view path) {
  const std::string ext = extension(path);
  if (ext == "jsonl" || ext == "ndjson") return Format::JsonLines;
  if (ext == "csv") return Format::Csv;
  return Format::Json;
}

bool has_known_extension(std::string_view path) {
  const std::string ext = extension(path);
  return ext == "json" || ext == "jsonl" || ext == "ndjson" || ext == "csv";
}

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
