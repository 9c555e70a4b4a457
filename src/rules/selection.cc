#include "pes/selection.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "pes/rules.h"
#include "pes/suggest.h"

namespace pes {
namespace {

// 0: ALL, 1: a group, 2: a rule; -1: unknown.
int specificity(std::string_view name) {
  if (name == "ALL") return 0;
  for (const Rule& r : rules()) {
    if (group_name(r.group) == name) return 1;
  }
  return find_rule(name) ? 2 : -1;
}

bool matches(std::string_view selector, const Rule& r) {
  return selector == "ALL" || selector == group_name(r.group) || selector == r.name;
}

struct Step {
  int specificity;
  int order;  // select before ignore at the same specificity
  std::string_view selector;
  bool on;
};

}  // namespace

bool is_selector(std::string_view name) { return specificity(name) >= 0; }

std::vector<std::string_view> selector_names() {
  std::vector<std::string_view> out = {"ALL"};
  for (const Rule& r : rules()) {
    if (std::find(out.begin(), out.end(), group_name(r.group)) == out.end()) {
      out.push_back(group_name(r.group));
    }
  }
  for (const Rule& r : rules()) out.push_back(r.name);
  return out;
}

Message unknown_selector_message(std::string_view name) {
  const std::vector<std::string_view> names = selector_names();
  const std::optional<std::string> near = closest_name(name, names);
  return {fmt::format("unknown rule or group “{}”{} (pes rule --list shows them)", name,
                      did_you_mean(near, false)),
          fmt::format("未知的规则或分组“{}”{}（pes rule --list 列出全部）", name,
                      did_you_mean(near, true))};
}

std::optional<std::string> unknown_selector(const Selection& s) {
  auto check = [](const std::vector<std::string>& names) -> std::optional<std::string> {
    for (const std::string& n : names) {
      if (!is_selector(n)) return n;
    }
    return std::nullopt;
  };
  if (s.select) {
    if (auto bad = check(*s.select)) return bad;
  }
  if (auto bad = check(s.extend_select)) return bad;
  if (auto bad = check(s.ignore)) return bad;
  for (const auto& [name, level] : s.severity) {
    if (!is_selector(name)) return name;
  }
  return std::nullopt;
}

void apply_selection(const Selection& s, RuleSettings& settings) {
  std::vector<Step> steps;
  auto add = [&](const std::vector<std::string>& names, bool on) {
    for (const std::string& n : names) {
      const int spec = specificity(n);
      if (spec >= 0) steps.push_back({spec, on ? 0 : 1, n, on});
    }
  };
  if (s.select) {
    settings.enabled.fill(false);
    add(*s.select, true);
  }
  add(s.extend_select, true);
  add(s.ignore, false);
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    return a.specificity != b.specificity ? a.specificity < b.specificity : a.order < b.order;
  });
  for (const Step& step : steps) {
    for (const Rule& r : rules()) {
      if (matches(step.selector, r)) settings.enabled[static_cast<std::size_t>(r.id)] = step.on;
    }
  }

  std::vector<std::pair<int, const std::pair<std::string, Severity>*>> levels;
  for (const auto& entry : s.severity) {
    const int spec = specificity(entry.first);
    if (spec >= 0) levels.emplace_back(spec, &entry);
  }
  std::stable_sort(levels.begin(), levels.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [spec, entry] : levels) {
    for (const Rule& r : rules()) {
      if (matches(entry->first, r)) settings.severity[static_cast<std::size_t>(r.id)] = entry->second;
    }
  }
}

}  // namespace pes
