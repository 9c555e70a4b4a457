// The subcommands of pes, one file each. Each adds itself to the app and returns how to run it.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "pes/options.h"
#include "pes/report.h"

namespace pes::cli {

/// Exit codes, as the README documents them.
inline constexpr int kExitClean = 0;     ///< no error-severity finding
inline constexpr int kExitFindings = 1;  ///< at least one error-severity finding
inline constexpr int kExitUsage = 2;     ///< bad arguments, unreadable path, or pes failed

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// Options every checking command shares: language, rounding, colour.
struct CommonOptions {
  std::string lang;            // zh | en | "" (from the environment)
  std::string rounding = "auto";
  std::string color = "auto";  // auto | always | never

  void add_to(CLI::App& app);
  bool chinese() const;
  /// Builds engine options; false (with a message on stderr) when a value is bad.
  bool options(Options& out) const;
  ReportStyle style(bool to_terminal) const;
};

Command add_check(CLI::App& app);
Command add_batch(CLI::App& app);
Command add_score(CLI::App& app);
Command add_schema(CLI::App& app);
Command add_rule(CLI::App& app);

}  // namespace pes::cli
