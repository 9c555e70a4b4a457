#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>
#include <string_view>

#include "commands.h"

namespace pes::cli {

void CommonOptions::add_to(CLI::App& app) {
  app.add_option("--lang", lang, "Language of messages: zh or en (default: from LANG/LC_ALL) / 输出语言")
      ->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--rounding", rounding,
                 "auto (truncation or half-up), truncate, or half-up (default: pes.toml, else "
                 "auto) / 舍入规则")
      ->check(CLI::IsMember({"auto", "truncate", "half-up"}));
  app.add_option("--color", color, "auto, always or never; NO_COLOR in the environment means never / 颜色")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("--config", config,
                 "Settings file (default: the nearest pes.toml from here upwards) / 配置文件")
      ->type_name("FILE");
  app.add_option("--encoding", encoding,
                 "Encoding of CSV and printed-table text input: auto, utf-8 or gbk / "
                 "CSV 与表格文本输入的编码")
      ->check(text_encoding_validator())
      ->capture_default_str();
  add_template_option(app, template_name);
}

void add_template_option(CLI::App& app, std::string& name) {
  app.add_option("--template", name,
                 "Read every form of the printed layout with this template profile: a name "
                 "(pes template list) or a .toml file (default: the best-fitting one) / 模板");
}

void CommonOptions::add_selection_to(CLI::App& app) {
  app.add_option("--select", select,
                 "Run only these rules or groups (funds, indicators, totals, structure, ALL); "
                 "replaces the config's select / 只运行这些规则或分组")
      ->type_name("RULE,...")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->each([this](const std::string&) { select_given = true; });
  app.add_option("--extend-select", extend_select, "Also run these rules or groups / 另外运行")
      ->type_name("RULE,...")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--ignore", ignore, "Do not run these rules or groups / 不运行")
      ->type_name("RULE,...")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--severity", severity,
                 "RULE=error|warning|notice: report a rule (or group) at this severity (info: the "
                 "former name of notice) / 严重级别")
      ->type_name("RULE=LEVEL")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option("--fail-on", fail_on,
                 "Least severity that fails the run: error (default), warning or notice (info: the "
                 "former name of notice) / 导致失败的级别")
      ->check(CLI::IsMember({"error", "warning", "notice", "info"}));
  app.add_option("--max-warnings", max_warnings,
                 "Fail when there are more than N warnings; -1: no limit, whatever pes.toml says "
                 "/ 警告超过 N 个时失败；-1 表示不限")
      ->type_name("N")
      ->check(CLI::Range(std::int64_t{-1}, std::numeric_limits<std::int64_t>::max()));
}

TextEncoding CommonOptions::input_encoding() const {
  TextEncoding e = TextEncoding::Auto;
  parse_text_encoding(encoding, e);
  return e;
}

namespace {

bool chinese_environment() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0') return std::string_view(v).starts_with("zh");
  }
  return false;
}

}  // namespace

bool chinese_messages(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--lang" && i + 1 < argc) return std::string_view(argv[i + 1]) == "zh";
    if (arg.starts_with("--lang=")) return arg.substr(7) == "zh";
  }
  return chinese_environment();
}

bool CommonOptions::chinese() const {
  if (!lang.empty()) return lang == "zh";
  return chinese_environment();
}

bool CommonOptions::settings(Settings& out) const {
  const bool zh = chinese();
  SettingsLayer flags;
  if (!rounding.empty()) flags.rounding = parse_rounding(rounding);
  if (select_given) flags.rules.select = select;
  flags.rules.extend_select = extend_select;
  flags.rules.ignore = ignore;
  for (const std::string& entry : severity) {
    const std::size_t eq = entry.find('=');
    Severity level{};
    if (eq == std::string::npos || !parse_severity(entry.substr(eq + 1), level)) {
      std::cerr << (zh ? "pes：--severity 的格式为 规则=error|warning|notice，而不是“" + entry + "”\n"
                       : "pes: --severity takes RULE=error|warning|notice, not “" + entry + "”\n");
      return false;
    }
    flags.rules.severity.emplace_back(entry.substr(0, eq), level);
  }
  if (auto bad = unknown_selector(flags.rules)) {
    std::cerr << pes_prefix(zh) << unknown_selector_message(*bad).in(zh) << '\n';
    return false;
  }
  if (Severity level{}; !fail_on.empty() && parse_severity(fail_on, level)) flags.fail_on = level;

  std::optional<std::filesystem::path> path;
  if (!config.empty()) path = config;
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  ConfigError error;
  std::optional<std::uint64_t> max;
  if (max_warnings) {
    max = *max_warnings < 0 ? Settings::kNoWarningLimit : static_cast<std::uint64_t>(*max_warnings);
  }
  if (!load_settings(path, std::move(flags), max, cwd, out, error)) {
    std::cerr << (zh ? "pes：配置错误：" : "pes: bad config: ") << error.describe(zh) << '\n';
    return false;
  }
  // The template profiles: the built-in ones, the config's, and --template.
  if (template_name.empty() && (!out.config() || out.config()->templates.empty())) return true;
  auto templates = std::make_shared<TemplateSet>(*TemplateSet::builtins());
  Message message;
  if (out.config()) {
    const std::filesystem::path dir = out.config()->path.parent_path();
    for (const std::string& file : out.config()->templates) {
      if (!templates->add_file(dir / file, message)) {
        std::cerr << (zh ? "pes：配置错误：" : "pes: bad config: ") << message.in(zh) << '\n';
        return false;
      }
    }
  }
  if (!template_name.empty() && !templates->choose(template_name, message)) {
    std::cerr << pes_prefix(zh) << message.in(zh) << '\n';
    return false;
  }
  out.set_templates(std::move(templates));
  return true;
}

ReportStyle CommonOptions::style(bool to_terminal) const {
  ReportStyle s;
  s.chinese = chinese();
  // NO_COLOR (no-color.org) beats every flag: whoever set it never wants colours.
  const char* no_color = std::getenv("NO_COLOR");
  const bool no = no_color != nullptr && *no_color != '\0';
  if (no || color == "never") s.color = false;
  else if (color == "always") s.color = true;
  else s.color = to_terminal;
  std::error_code ec;
  s.root = std::filesystem::current_path(ec).string();
  return s;
}

}  // namespace pes::cli
