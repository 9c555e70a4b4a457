// The run behind `pes check` and `pes batch`: one set of options, inputs through the pipeline
// into the reporters, and the exit code. The two commands differ only in their defaults.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "pes/output.h"
#include "triage.h"

namespace pes::cli {

/// The options of `pes check` and `pes batch`: the same in both, meaning the same.
struct RunArgs {
  std::vector<std::string> paths;
  unsigned jobs = 0;                 ///< -j; 0: the machine's cores
  std::string format;                ///< --format: one more output to standard output
  std::vector<std::string> outputs;  ///< --output FORMAT[:PATH]
  std::string out;                   ///< --out: one row per form (or a report by extension)
  std::string findings;              ///< --findings: one row per finding
  std::string annotate;              ///< --annotate PATH: the checked workbook, marked up
  std::vector<std::string> exclude;  ///< --exclude GLOB
  bool exit_zero = false;
  bool statistics = false;
  bool quiet = false;
  bool no_progress = false;
  CLI::Option* show_config = nullptr;  ///< --show-config [FILE]
  std::string show_config_path;
  BaselineOptions baseline;  ///< --baseline, --write-baseline
  CommonOptions common;
};

/// The defaults that tell the two commands apart.
enum class RunKind : std::uint8_t {
  Check,  ///< a verdict per form and every finding, as text
  Batch,  ///< a year's summary, a progress line on a terminal, parse errors on standard error
};

/// Adds the options of check and batch to `sub`.
void add_run_options(CLI::App& sub, RunArgs& args, RunKind kind);

/// What a run does, once the options are read.
struct RunRequest {
  std::vector<std::string> paths;
  std::vector<OutputSpec> outputs;
  std::vector<std::string> exclude;  ///< --exclude globs, relative to the current folder
  bool statistics = false;           ///< --statistics
  bool exit_zero = false;            ///< --exit-zero
  bool quiet = false;                ///< --quiet: findings only
  unsigned jobs = 1;                 ///< checking threads
  bool progress = false;             ///< a progress line on standard error
  /// Findings about whole files (parse errors) also go to standard error, as one line each.
  bool problems_to_stderr = false;
  BaselineOptions baseline;  ///< --baseline, --write-baseline
};

/// Runs `pes check` or `pes batch` with their options.
int run_command(const RunArgs& args, RunKind kind);

int run_checks(const RunRequest& request, const CommonOptions& common);

/// pes check --show-config [FILE]: the settings FILE is held to, and where each came from.
int show_config(const std::string& path, const RunArgs& args);

}  // namespace pes::cli
