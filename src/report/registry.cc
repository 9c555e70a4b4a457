#include "pes/output.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

namespace pes {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kOutputFormats); ++i) {
    if (kOutputFormats[i] == name) return static_cast<OutputFormat>(i);
  }
  return std::nullopt;
}

std::optional<OutputSpec> parse_output_spec(std::string_view text) {
  const std::size_t colon = text.find(':');
  const auto format = parse_output_format(text.substr(0, colon));
  if (!format) return std::nullopt;
  OutputSpec spec{*format, ""};
  if (colon != std::string_view::npos) {
    spec.path = std::string(text.substr(colon + 1));
    if (spec.path.empty()) return std::nullopt;
    if (spec.path == "-") spec.path.clear();
  }
  return spec;
}

std::unique_ptr<Reporter> make_reporter(OutputFormat format, std::ostream& out, ReportStyle style) {
  switch (format) {
    case OutputFormat::Plain: return make_text_reporter(out, std::move(style));
    case OutputFormat::Json: return make_json_reporter(out, std::move(style));
    case OutputFormat::Sarif: return make_sarif_reporter(out, std::move(style));
    case OutputFormat::Github: return make_github_reporter(out, std::move(style));
    case OutputFormat::Junit: return make_junit_reporter(out, std::move(style));
    case OutputFormat::Html: return make_html_reporter(out, std::move(style));
    case OutputFormat::Xlsx:
    case OutputFormat::Sqlite: break;  // files of their own: make_file_reporter
  }
  return make_text_reporter(out, std::move(style));
}

bool needs_file(OutputFormat format) {
  return format == OutputFormat::Xlsx || format == OutputFormat::Sqlite;
}

std::unique_ptr<Reporter> make_file_reporter(OutputFormat format, const std::string& path,
                                             ReportStyle style) {
  if (format == OutputFormat::Sqlite) return make_sqlite_reporter(path, std::move(style));
  return make_xlsx_reporter(path, std::move(style));
}

std::optional<OutputFormat> output_format_for_path(std::string_view path) {
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) {
    return std::nullopt;
  }
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (ext == "xlsx") return OutputFormat::Xlsx;
  if (ext == "html" || ext == "htm") return OutputFormat::Html;
  if (ext == "sqlite" || ext == "sqlite3" || ext == "db") return OutputFormat::Sqlite;
  return std::nullopt;
}

}  // namespace pes
