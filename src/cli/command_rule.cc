// pes rule [NAME]: explain a rule, or list them all; generated from the rule table.
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "pes/rules.h"

namespace pes::cli {
namespace {

struct RuleArgs {
  std::string name;
  bool list = false;
  std::string format = "text";
  CommonOptions common;
};

nlohmann::ordered_json rule_json(const Rule& r) {
  return {{"name", r.name},
          {"group", group_name(r.group)},
          {"severity", severity_name(r.severity)},
          {"enabled", r.enabled},
          {"summary", {{"en", r.summary.en}, {"zh", r.summary.zh}}},
          {"why", {{"en", r.why.en}, {"zh", r.why.zh}}},
          {"example", {{"en", r.example.en}, {"zh", r.example.zh}}}};
}

// The README's rule table: one row per rule, both languages.
std::string markdown_table() {
  std::string out =
      "| rule | group | severity | when it fires | 何时触发 |\n|---|---|---|---|---|\n";
  for (const Rule& r : rules()) {
    out += fmt::format("| `{}` | {} | {}{} | {} | {} |\n", r.name, group_name(r.group),
                       severity_name(r.severity), r.enabled ? "" : " (off by default)", r.summary.en,
                       r.summary.zh);
  }
  return out;
}

int run_rule(const RuleArgs& args) {
  const bool zh = args.common.chinese();
  if (args.list || args.name.empty()) {
    if (args.format == "json") {
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      for (const Rule& r : rules()) all.push_back(rule_json(r));
      std::cout << all.dump(2) << '\n';
    } else if (args.format == "markdown") {
      std::cout << markdown_table();
    } else {
      for (const Rule& r : rules()) {
        std::cout << fmt::format("{:<26} {:<10} {:<8} {}\n", r.name, group_name(r.group),
                                 severity_name(r.severity), r.summary.in(zh));
      }
    }
    return kExitClean;
  }
  const auto id = find_rule(args.name);
  if (!id) {
    std::cerr << (zh ? fmt::format("pes：没有名为“{}”的规则；`pes rule --list` 列出全部规则\n", args.name)
                     : fmt::format("pes: no rule named “{}”; `pes rule --list` lists them\n", args.name));
    return kExitUsage;
  }
  const Rule& r = rule_info(*id);
  if (args.format == "json") {
    std::cout << rule_json(r).dump(2) << '\n';
    return kExitClean;
  }
  std::cout << fmt::format("{} ({}, {}{})\n\n{}\n\n{}\n{}\n\n{}\n{}\n", r.name, group_name(r.group),
                           severity_name(r.severity),
                           r.enabled ? "" : (zh ? "，默认关闭" : ", off by default"), r.summary.in(zh),
                           zh ? "为什么：" : "Why:", r.why.in(zh), zh ? "示例与修正：" : "Example and fix:",
                           r.example.in(zh));
  return kExitClean;
}

}  // namespace

Command add_rule(CLI::App& app) {
  auto args = std::make_shared<RuleArgs>();
  CLI::App* sub = app.add_subcommand("rule", "Explain a rule, or list them all / 解释规则或列出全部规则");
  sub->add_option("name", args->name, "rule name, e.g. rate-mismatch / 规则名")->type_name("RULE");
  sub->add_flag("--list", args->list, "list every rule / 列出全部规则");
  sub->add_option("--format", args->format, "text, json or markdown / 输出格式")
      ->check(CLI::IsMember({"text", "json", "markdown"}))
      ->capture_default_str();
  sub->add_option("--lang", args->common.lang, "zh or en / 语言")->check(CLI::IsMember({"zh", "en"}));
  return {sub, [args] { return run_rule(*args); }};
}

}  // namespace pes::cli
