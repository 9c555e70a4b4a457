// What a run does with findings after checking and before reporting: [[accept]] entries of
// pes.toml mark the findings they cover, and a baseline drops the findings it holds (or, when
// written, records them all). Kept apart from run.cc so the run itself only calls three
// functions.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "pes/accepts.h"
#include "pes/baseline.h"
#include "pes/config.h"
#include "pes/summary.h"

namespace pes::cli {

struct BaselineOptions {
  std::string baseline;        ///< --baseline FILE ("": pes.toml's `baseline`, if any)
  std::string write_baseline;  ///< --write-baseline FILE: record today's findings there

  /// Adds --baseline and --write-baseline to a checking command.
  void add_to(CLI::App& app);
};

class Triage {
 public:
  /// Reads the accept entries of the settings' config and the baseline (from the options or
  /// the config). False, with the message on standard error, when the baseline cannot be read.
  bool open(const BaselineOptions& options, const Settings& settings, bool zh);
  /// Whether `path` is the baseline file itself, which is never checked as a form (a walked
  /// folder or a shell glob may hold it).
  bool is_baseline(const std::string& path) const;
  /// Marks accepted findings of a checked file and drops (or records) the baselined ones,
  /// counting them in `summary`.
  void apply(FileResult& result, Summary& summary);
  /// After the run: writes the baseline being recorded (not when `trouble`: an input could not
  /// be read, so the baseline would miss its findings), lists baseline entries that no longer
  /// occur and warns of accept entries that covered nothing (`warned` set then). False, with
  /// the message on standard error, when the baseline cannot be written.
  bool finish(bool trouble, bool& warned);

 private:
  bool zh_ = false;
  bool recording_ = false;
  std::filesystem::path config_path_;
  AcceptList accepts_;
  std::optional<Baseline> baseline_;
  std::string baseline_path_;  // as given, or the config's folder joined with its `baseline`
};

}  // namespace pes::cli
