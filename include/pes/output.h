// Where reports go: `--output FORMAT[:PATH]`, the reporter each format names, and files
// written atomically (to a temporary file beside the target, renamed into place at the end).
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

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

/// A file written under a temporary name in the target's folder and renamed into place by
/// commit(); dropped without commit, the temporary file is removed and the target untouched.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  /// Creates the temporary file. False, with `error` set, when it cannot.
  bool open(const std::string& path, std::string& error);
  std::ostream& stream() { return out_; }
  /// Flushes and renames into place. False, with `error` set, when it cannot.
  bool commit(std::string& error);

 private:
  std::string path_;
  std::string temp_;
  std::ofstream out_;
};

}  // namespace pes
