// Settings: pes.toml, the command line and per-path overrides, resolved into what each file is
// held to. Layers apply in order: the config's top level, then each `[[overrides]]` entry whose
// `paths` match the file, then the command-line flags, which always win.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pes/options.h"
#include "pes/selection.h"

namespace pes {

/// One layer of settings: the config's top level, one `[[overrides]]` entry, or the flags.
/// Every field is optional; an unset field leaves what the layers before chose.
struct SettingsLayer {
  std::optional<RoundingPolicy> rounding;
  std::optional<Decimal> excellent;  ///< [grades] 优
  std::optional<Decimal> good;       ///< [grades] 良
  std::optional<Decimal> pass;       ///< [grades] 中
  Selection rules;
  std::optional<Severity> fail_on;
  /// Where each key was set: its line in pes.toml ("rounding", "grades.优", "severity.RULE",
  /// "select", …). Empty for the flags.
  std::map<std::string, std::uint32_t, std::less<>> lines;
};

struct Override {
  std::vector<std::string> paths;  ///< globs, relative to the config file's folder
  SettingsLayer settings;
  std::uint32_t line = 0;  ///< of its [[overrides]] header
};

/// A deviation a person has looked at and justified (`[[accept]]`): the findings it covers are
/// kept, shown as accepted with the reason, and never fail the run.
struct Accept {
  std::vector<std::string> paths;  ///< globs, relative to the config file's folder
  std::string form;                ///< the form's 项目名称 ("": any form of those files)
  std::string rule;                ///< a rule or group name
  std::string field;               ///< the field, as fingerprint.h names fields ("": any)
  std::string reason;              ///< why: never empty
  std::uint32_t line = 0;          ///< where the entry starts in the config file
  std::uint32_t column = 0;
};

/// A pes.toml, read.
struct ConfigFile {
  std::filesystem::path path;  ///< the file itself
  SettingsLayer base;
  std::vector<Override> overrides;
  std::optional<std::uint64_t> max_warnings;
  std::uint32_t max_warnings_line = 0;
  /// Globs of paths a directory walk passes over (top level only), and the line of each.
  std::vector<std::string> exclude;
  std::vector<std::uint32_t> exclude_lines;
  std::vector<Accept> accepts;
  /// `baseline = "…"`: the baseline file, relative to the config file's folder as written.
  std::optional<std::filesystem::path> baseline;
  /// `templates = [...]`: template profile files, relative to the config file's folder.
  std::vector<std::string> templates;
};

/// Why a config file was refused: where, and what.
struct ConfigError {
  std::string path;
  std::uint32_t line = 0;  ///< 0: the file as a whole
  std::uint32_t column = 0;
  Message message;
  /// "path:line:column: message" in the language asked for.
  std::string describe(bool chinese) const;
};

inline constexpr std::string_view kConfigName = "pes.toml";

/// The nearest pes.toml in `dir` or one of its parents.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& dir);

/// Reads a pes.toml. False, with `error` naming the line at fault, on a TOML syntax error,
/// an unknown key, a value of the wrong type or range, or an unknown rule or group.
bool load_config(const std::filesystem::path& path, ConfigFile& out, ConfigError& error);
/// The same for text already in memory (`path` is used in messages and for overrides).
bool parse_config(std::string_view text, const std::filesystem::path& path, ConfigFile& out,
                  ConfigError& error);

/// What one file is held to.
struct FileSettings {
  Options options;
  Severity fail_on = Severity::Error;  ///< the least severity that fails the run
};

/// The resolved settings of a run: config (if any) plus flags, asked per file.
class Settings {
 public:
  Settings() = default;
  /// `cwd` is where relative paths given on the command line start.
  Settings(std::optional<ConfigFile> config, SettingsLayer flags,
           std::optional<std::uint64_t> max_warnings_flag, std::filesystem::path cwd);

  /// The settings of the file at `path` (as given on the command line; "-" matches no override).
  FileSettings for_path(std::string_view path) const;
  /// `max_warnings_flag` as --max-warnings -1 gives it (as ESLint's): no limit, whatever
  /// pes.toml says.
  static constexpr std::uint64_t kNoWarningLimit = UINT64_MAX;
  /// More warnings than this fail the run; none: no limit.
  std::optional<std::uint64_t> max_warnings() const {
    return max_warnings_ == kNoWarningLimit ? std::nullopt : max_warnings_;
  }
  const std::optional<ConfigFile>& config() const { return config_; }
  /// The current folder of the run, where relative paths start.
  const std::filesystem::path& cwd() const { return cwd_; }

  /// One setting in force for a file, shown as text, and where it came from.
  struct Explained {
    std::string name;    ///< "rounding", "rule rate-mismatch"
    std::string value;   ///< "half-up", "error", "off"
    std::string source;  ///< "default", "pes.toml:3", "pes.toml:9 [[overrides]]", "--rounding"
  };
  /// Every setting the file at `path` is held to, with where it came from (pes check
  /// --show-config). The flags' layer is shown as the flag ("--rounding").
  std::vector<Explained> explain(std::string_view path) const;
  /// The template profiles every file is read with.
  void set_templates(std::shared_ptr<const TemplateSet> templates) {
    templates_ = std::move(templates);
  }
  const std::shared_ptr<const TemplateSet>& templates() const { return templates_; }

 private:
  /// The [[overrides]] entries whose globs match `path`, in order.
  std::vector<const Override*> overrides_for(std::string_view path) const;

  std::optional<ConfigFile> config_;
  SettingsLayer flags_;
  std::optional<std::uint64_t> max_warnings_;
  std::filesystem::path cwd_;
  std::shared_ptr<const TemplateSet> templates_;
};

/// Builds a run's settings: reads `config` if given, else the nearest pes.toml above `cwd` (if
/// any), then lays `flags` over it. False, with `error` set, when the config is bad.
bool load_settings(const std::optional<std::filesystem::path>& config, SettingsLayer flags,
                   std::optional<std::uint64_t> max_warnings_flag, const std::filesystem::path& cwd,
                   Settings& out, ConfigError& error);

/// Applies one layer over `out`.
void apply_layer(const SettingsLayer& layer, FileSettings& out);

/// Parses "auto", "truncate", "half-up".
std::optional<RoundingPolicy> parse_rounding(std::string_view text);

}  // namespace pes
