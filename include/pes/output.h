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

enum class OutputFormat : std::uint8_t { Plain, Json, Sarif, Github, Junit };  // Plain: "text"

/// The format names, as `--output` takes them.
inline constexpr std::string_view kOutputFormats[] = {"text", "json", "sarif", "github", "junit"};

struct OutputSpec {
  OutputFormat format = OutputFormat::Plain;
  std::string path;  ///< "" (or "-"): standard output
};

std::optional<OutputFormat> parse_output_format(std::string_view name);
/// Parses "FORMAT" or "FORMAT:PATH".
std::optional<OutputSpec> parse_output_spec(std::string_view text);

/// The reporter of a format.
std::unique_ptr<Reporter> make_reporter(OutputFormat format, std::ostream& out, ReportStyle style);


}  // namespace pes
