// Where reports go: `--output FORMAT[:PATH]` names a reporter of the registry (report.h) and
// the file it writes ("" or "-": standard output).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pes/report.h"

namespace pes {

struct OutputSpec {
  const ReporterInfo* reporter = nullptr;
  std::string path;  ///< "": standard output
};

/// Parses "FORMAT" or "FORMAT:PATH"; empty when FORMAT names no reporter or PATH is empty.
std::optional<OutputSpec> parse_output_spec(std::string_view text);

}  // namespace pes
