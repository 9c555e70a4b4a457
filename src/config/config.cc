#include "pes/config.h"

#include <system_error>

#include <fmt/format.h>

#include "pes/glob.h"

namespace pes {

std::string ConfigError::describe(bool chinese) const {
  const std::string& text = message.in(chinese);
  if (line == 0) return fmt::format("{}: {}", path, text);
  return fmt::format("{}:{}:{}: {}", path, line, column, text);
}

std::optional<std::filesystem::path> find_config(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::path at = std::filesystem::absolute(dir, ec);
  if (ec) return std::nullopt;
  while (true) {
    std::filesystem::path candidate = at / kConfigName;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    if (!at.has_parent_path() || at.parent_path() == at) return std::nullopt;
    at = at.parent_path();
  }
}

std::optional<RoundingPolicy> parse_rounding(std::string_view text) {
  if (text == "auto") return RoundingPolicy::Auto;
  if (text == "truncate") return RoundingPolicy::Truncate;
  if (text == "half-up") return RoundingPolicy::HalfUp;
  return std::nullopt;
}

void apply_layer(const SettingsLayer& layer, FileSettings& out) {
  if (layer.rounding) out.options.rounding = *layer.rounding;
  if (layer.excellent) out.options.grades.excellent = *layer.excellent;
  if (layer.good) out.options.grades.good = *layer.good;
  if (layer.pass) out.options.grades.pass = *layer.pass;
  apply_selection(layer.rules, out.options.rules);
  if (layer.fail_on) out.fail_on = *layer.fail_on;
}

Settings::Settings(std::optional<ConfigFile> config, SettingsLayer flags,
                   std::optional<std::uint64_t> max_warnings_flag, std::filesystem::path cwd)
    : config_(std::move(config)), flags_(std::move(flags)), cwd_(std::move(cwd)) {
  max_warnings_ = max_warnings_flag;
  if (!max_warnings_ && config_) max_warnings_ = config_->max_warnings;
}

bool load_settings(const std::optional<std::filesystem::path>& config, SettingsLayer flags,
                   std::optional<std::uint64_t> max_warnings_flag, const std::filesystem::path& cwd,
                   Settings& out, ConfigError& error) {
  std::optional<ConfigFile> file;
  const std::optional<std::filesystem::path> path = config ? config : find_config(cwd);
  if (path) {
    file.emplace();
    if (!load_config(*path, *file, error)) return false;
  }
  out = Settings(std::move(file), std::move(flags), max_warnings_flag, cwd);
  return true;
}

std::vector<const Override*> Settings::overrides_for(std::string_view path) const {
  std::vector<const Override*> out;
  if (!config_ || path == "-" || config_->overrides.empty()) return out;
  // Globs are relative to the folder that holds pes.toml.
  const std::filesystem::path file = (cwd_ / std::filesystem::path(path)).lexically_normal();
  const std::filesystem::path root = config_->path.parent_path().lexically_normal();
  const std::string rel = file.lexically_relative(root).generic_string();
  if (rel.empty() || rel.starts_with("..")) return out;
  for (const Override& o : config_->overrides) {
    for (const std::string& glob : o.paths) {
      if (glob_match(glob, rel)) {
        out.push_back(&o);
        break;
      }
    }
  }
  return out;
}

FileSettings Settings::for_path(std::string_view path) const {
  FileSettings out;
  if (config_) {
    apply_layer(config_->base, out);
    for (const Override* o : overrides_for(path)) apply_layer(o->settings, out);
  }
  apply_layer(flags_, out);
  out.options.rules.fail_on = out.fail_on;
  out.options.templates = templates_;
  return out;
}

}  // namespace pes
