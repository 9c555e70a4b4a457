// Where reports go: `--output FORMAT[:PATH]`, the reporter each format names, and files
// written atomically (to a temporary file beside the target, renamed into place at the end).
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pes/output_file.h"
#include "pes/report.h"

namespace pes {

enum class OutputFormat : std::uint8_t {
  Plain,  // "text"
  Json,
  Sarif,
  Github,
  Junit,
  Xlsx,
  Html,
  Sqlite,
};

/// The format names, as `--output` takes them.
inline constexpr std::string_view kOutputFormats[] = {"text",  "json", "sarif", "github",
                                                      "junit", "xlsx", "html",  "sqlite"};

struct OutputSpec {
  OutputFormat format = OutputFormat::Plain;
  std::string path;  ///< "" (or "-"): standard output
};

std::optional<OutputFormat> parse_output_format(std::string_view name);
/// Parses "FORMAT" or "FORMAT:PATH".
std::optional<OutputSpec> parse_output_spec(std::string_view text);

/// The reporter of a format.
std::unique_ptr<Reporter> make_reporter(OutputFormat format, std::ostream& out, ReportStyle style);

/// Formats that are files of their own (xlsx, sqlite): they need a PATH, and their reporter
/// writes the file by name (the temporary file of an OutputFile) instead of to a stream.
bool needs_file(OutputFormat format);
/// The reporter of a format that needs a file, writing into `path`.
std::unique_ptr<Reporter> make_file_reporter(OutputFormat format, const std::string& path,
                                             ReportStyle style);
/// The report format a file name asks for by its extension (.xlsx, .html/.htm,
/// .sqlite/.sqlite3/.db), if any.
std::optional<OutputFormat> output_format_for_path(std::string_view path);


}  // namespace pes
