// pes template list | show NAME: the template profiles pes knows (built in, and the user's
// from pes.toml or --template FILE).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "pes/templates.h"

namespace pes::cli {
namespace {

struct TemplateArgs {
  std::string name;
  CommonOptions common;
};

bool load(const TemplateArgs& args, std::shared_ptr<const TemplateSet>& out) {
  Settings settings;
  if (!args.common.settings(settings)) return false;
  out = settings.templates() ? settings.templates() : TemplateSet::builtins();
  return true;
}

int run_list(const TemplateArgs& args) {
  std::shared_ptr<const TemplateSet> set;
  if (!load(args, set)) return kExitUsage;
  for (const auto& p : set->profiles()) {
    const TemplateSummary s = template_summary(*p);
    std::cout << fmt::format("{:<16} {:<8} {:<12} {}\n", s.name, s.reader,
                             s.origin.starts_with("built in") ? "built-in" : s.origin,
                             s.description);
  }
  return kExitClean;
}

int run_show(const TemplateArgs& args) {
  std::shared_ptr<const TemplateSet> set;
  if (!load(args, set)) return kExitUsage;
  const bool zh = args.common.chinese();
  const TemplateProfile* p = set->find(args.name);
  if (p == nullptr) {
    std::cerr << (zh ? fmt::format("pes：没有名为“{}”的模板；`pes template list` 列出全部模板\n",
                                   args.name)
                     : fmt::format("pes: no template named “{}”; `pes template list` lists them\n",
                                   args.name));
    return kExitUsage;
  }
  const TemplateSummary s = template_summary(*p);
  std::cout << fmt::format("# {} ({})\n", s.name, s.origin) << template_text(*p);
  return kExitClean;
}

}  // namespace

Command add_template(CLI::App& app) {
  auto args = std::make_shared<TemplateArgs>();
  CLI::App* sub = app.add_subcommand(
      "template", "List the template profiles, or show one / 列出或显示自评表模板");
  sub->require_subcommand(1);
  CLI::App* list = sub->add_subcommand("list", "List the template profiles pes knows / 列出模板");
  CLI::App* show = sub->add_subcommand("show", "Show a template profile's TOML / 显示模板");
  show->add_option("name", args->name, "template name, e.g. national / 模板名")->required();
  for (CLI::App* a : {list, show}) {
    a->add_option("--lang", args->common.lang, "zh or en / 语言")
        ->check(CLI::IsMember({"zh", "en"}));
    a->add_option("--config", args->common.config,
                  "Settings file, for its templates (default: the nearest pes.toml) / 配置文件");
    add_template_option(*a, args->common.template_name);
  }
  return {sub, [args, list] { return list->parsed() ? run_list(*args) : run_show(*args); }};
}

}  // namespace pes::cli
