#include "pes/readers.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace pes {

Format format_for_path(std::string_view path) {
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return Format::Json;
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "jsonl" || ext == "ndjson") return Format::JsonLines;
  if (ext == "csv") return Format::Csv;
  return Format::Json;
}

void Readers::read(const Source& source, Format format, Document& doc) {
  switch (format) {
    case Format::JsonLines:
      json_.read_lines(source, doc);
      return;
    case Format::Json:
    case Format::Csv:        // likewise CSV
      json_.read(source, doc);
      return;
  }
  json_.read(source, doc);
}

}  // namespace pes
