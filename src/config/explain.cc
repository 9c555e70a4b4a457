// What a file is held to, setting by setting, and which layer set each: the defaults, a line
// of pes.toml (its top level or an [[overrides]] entry), or a flag (pes check --show-config).
#include <fmt/format.h>

#include "pes/config.h"
#include "pes/rules.h"

namespace pes {
namespace {

std::string_view rounding_name(RoundingPolicy r) {
  switch (r) {
    case RoundingPolicy::Auto:
      return "auto";
    case RoundingPolicy::Truncate:
      return "truncate";
    case RoundingPolicy::HalfUp:
      return "half-up";
  }
  return "auto";
}

bool matches(std::string_view selector, const Rule& r) {
  return selector == "ALL" || selector == group_name(r.group) || selector == r.name;
}

bool names_rule(const std::vector<std::string>& selectors, const Rule& r) {
  for (const std::string& s : selectors) {
    if (matches(s, r)) return true;
  }
  return false;
}

// One layer of settings and how to name where its keys were set.
struct Layer {
  const SettingsLayer* settings;
  std::string file;         // the config's name as shown; "" for the flags
  std::uint32_t entry = 0;  // the line of an [[overrides]] entry; 0 for the top level

  std::string source(std::string_view key) const {
    if (file.empty()) return fmt::format("--{}", key.substr(0, key.find('.')));
    const auto at = settings->lines.find(key);
    const std::uint32_t line = at != settings->lines.end() ? at->second : entry;
    if (entry == 0) return fmt::format("{}:{}", file, line);
    return fmt::format("{}:{} ([[overrides]] at line {})", file, line, entry);
  }
};

}  // namespace

std::vector<Settings::Explained> Settings::explain(std::string_view path) const {
  std::vector<Layer> layers;
  if (config_) {
    std::filesystem::path shown = config_->path;
    const std::filesystem::path rel = config_->path.lexically_relative(cwd_);
    if (!rel.empty() && !rel.generic_string().starts_with("..")) shown = rel;
    const std::string file = shown.generic_string();
    layers.push_back({&config_->base, file, 0});
    for (const Override* o : overrides_for(path)) layers.push_back({&o->settings, file, o->line});
  }
  layers.push_back({&flags_, "", 0});

  const FileSettings in_force = for_path(path);
  std::vector<Explained> out;
  auto last = [&](auto&& sets) -> std::string {
    std::string source = "default";
    for (const Layer& l : layers) {
      if (std::string s = sets(l); !s.empty()) source = std::move(s);
    }
    return source;
  };
  out.push_back(
      {"rounding", std::string(rounding_name(in_force.options.rounding)), last([](const Layer& l) {
         return l.settings->rounding ? l.source("rounding") : std::string();
       })});
  const GradeScale& g = in_force.options.grades;
  const std::pair<const char*, std::pair<Decimal, std::optional<Decimal> SettingsLayer::*>>
      grades[] = {{"优", {g.excellent, &SettingsLayer::excellent}},
                  {"良", {g.good, &SettingsLayer::good}},
                  {"中", {g.pass, &SettingsLayer::pass}}};
  for (const auto& [name, value] : grades) {
    const std::string key = fmt::format("grades.{}", name);
    auto member = value.second;
    out.push_back({key, value.first.str(), last([&](const Layer& l) {
                     return (l.settings->*member) ? l.source(key) : std::string();
                   })});
  }
  out.push_back({"fail-on", std::string(severity_name(in_force.fail_on)), last([](const Layer& l) {
                   return l.settings->fail_on ? l.source("fail-on") : std::string();
                 })});
  std::string max = "(none)";
  std::string max_source = "default";
  if (max_warnings_ == kNoWarningLimit) {
    max_source = "--max-warnings";
  } else if (max_warnings_) {
    max = std::to_string(*max_warnings_);
    max_source = config_ && config_->max_warnings == max_warnings_ && config_->max_warnings_line > 0
                     ? fmt::format("{}:{}", layers.front().file, config_->max_warnings_line)
                     : "--max-warnings";
    if (config_ && config_->max_warnings != max_warnings_) max_source = "--max-warnings";
  }
  out.push_back({"max-warnings", max, max_source});
  if (config_) {
    for (std::size_t i = 0; i < config_->exclude.size(); ++i) {
      out.push_back({"exclude", config_->exclude[i],
                     fmt::format("{}:{}", layers.front().file, config_->exclude_lines[i])});
    }
  }

  for (const Rule& r : rules()) {
    const auto id = static_cast<std::size_t>(r.id);
    const bool on = in_force.options.rules.enabled[id];
    const std::string on_source = last([&](const Layer& l) -> std::string {
      const Selection& s = l.settings->rules;
      if (on && names_rule(s.extend_select, r)) return l.source("extend-select");
      if (!on && names_rule(s.ignore, r)) return l.source("ignore");
      if (s.select) return l.source("select");
      return {};
    });
    std::string value =
        on ? std::string(severity_name(in_force.options.rules.severity[id])) : "off";
    std::string source = on_source;
    if (on) {
      const std::string level_source = last([&](const Layer& l) -> std::string {
        // The most specific selector wins: the rule, then its group, then ALL.
        for (const std::string_view selector :
             {r.name, group_name(r.group), std::string_view("ALL")}) {
          for (const auto& [name, level] : l.settings->rules.severity) {
            if (name == selector) return l.source("severity." + name);
          }
        }
        return {};
      });
      if (level_source != "default") {
        source = on_source == "default" ? level_source
                                        : fmt::format("{}; level: {}", on_source, level_source);
      }
    }
    out.push_back({fmt::format("rule {}", r.name), std::move(value), std::move(source)});
  }
  return out;
}

}  // namespace pes
