// The subcommands of pes, one file each. Each adds itself to the app and returns how to run it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include <CLI/CLI.hpp>

#include "pes/config.h"
#include "pes/report.h"
#include "pes/text_encoding.h"

namespace pes::cli {

/// Exit codes, as the README documents them.
/// What pes's messages on standard error start with: "pes: ", or in Chinese "pes：".
inline std::string_view pes_prefix(bool chinese) { return chinese ? "pes：" : "pes: "; }

inline constexpr int kExitClean = 0;     ///< no finding at or above --fail-on
inline constexpr int kExitFindings = 1;  ///< a finding at or above --fail-on, or too many warnings
inline constexpr int kExitUsage = 2;     ///< bad arguments or config, unreadable path, or pes failed

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// Options every checking command shares: language, rounding, colour, config file.
struct CommonOptions {
  std::string lang;            // zh | en | "" (from the environment)
  std::string rounding;        // auto | truncate | half-up | "" (from the config, else auto)
  std::string color = "auto";  // auto | always | never
  std::string config;          // --config PATH; "" finds pes.toml
  // Rule selection (pes check only).
  std::vector<std::string> select;
  bool select_given = false;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::vector<std::string> severity;  // RULE=LEVEL
  std::string fail_on;                // error | warning | ""
  std::optional<std::int64_t> max_warnings;  // -1: no limit
  std::string encoding = "auto";  // of CSV input: auto | utf-8 | gbk
  std::string template_name;      // --template NAME or FILE.toml

  void add_to(CLI::App& app);
  /// The rule-selection flags, for commands that report findings.
  void add_selection_to(CLI::App& app);
  bool chinese() const;
  /// Reads the config and lays the flags over it; false (with a message on stderr) when the
  /// config or a flag is bad.
  bool settings(Settings& out) const;
  ReportStyle style(bool to_terminal) const;
  /// The encoding --encoding names (Auto by default).
  TextEncoding input_encoding() const;
};

/// The language of messages before (or without) a command's options: --lang on the command
/// line, else the environment (LC_ALL, LC_MESSAGES, LANG).
bool chinese_messages(int argc, char** argv);

/// Accepts auto, utf-8 or gbk (and the other names parse_text_encoding knows).
CLI::Validator text_encoding_validator();

Command add_check(CLI::App& app);
Command add_batch(CLI::App& app);
Command add_score(CLI::App& app);
Command add_schema(CLI::App& app);
Command add_rule(CLI::App& app);
Command add_convert(CLI::App& app);
Command add_fix(CLI::App& app);
Command add_template(CLI::App& app);
/// Adds --template to a command.
void add_template_option(CLI::App& app, std::string& name);

}  // namespace pes::cli
