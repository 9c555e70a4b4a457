// The run behind `pes check` and `pes batch`: inputs through the pipeline into the reporters,
// and the exit code. The two commands differ only in their defaults.
#pragma once

#include <string>
#include <vector>

#include "commands.h"
#include "pes/output.h"
#include "triage.h"

namespace pes::cli {

struct RunRequest {
  std::vector<std::string> paths;
  bool walk = false;             ///< directories are walked (else a directory is an error)
  std::vector<OutputSpec> outputs;
  bool statistics = false;       ///< --statistics
  bool exit_zero = false;        ///< --exit-zero
  unsigned jobs = 1;             ///< checking threads
  bool progress = false;         ///< a progress line on standard error
  /// Findings about whole files (parse errors) also go to standard error, as one line each.
  bool problems_to_stderr = false;
  BaselineOptions baseline;  ///< --baseline, --write-baseline
};

int run_checks(const RunRequest& request, const CommonOptions& common);

}  // namespace pes::cli
