// pes check FILE...: read each form, recompute it, report every finding.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.h"
#include "pes/checker.h"
#include "pes/output.h"
#include "pes/output_guard.h"
#include "pes/rules.h"

namespace pes::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> files;
  std::string format;               // --format: one more output to standard output
  std::vector<std::string> outputs;  // --output FORMAT[:PATH]
  bool exit_zero = false;
  bool statistics = false;
  CommonOptions common;
};

int run_check(const CheckArgs& args) {
  Settings settings;
  if (!args.common.settings(settings)) return kExitUsage;
  ReportStyle style = args.common.style(::isatty(STDOUT_FILENO) != 0);
  const bool zh = style.chinese;
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY")) style.step_summary = summary;

  std::vector<OutputSpec> specs;
  for (const std::string& text : args.outputs) specs.push_back(*parse_output_spec(text));
  if (!args.format.empty() || specs.empty()) {
    specs.push_back({args.format.empty() ? OutputFormat::Plain : *parse_output_format(args.format), ""});
  }
  // No output may be an input, under any name.
  OutputGuard guard;
  guard.add("-");
  for (const OutputSpec& spec : specs) guard.add(spec.path);
  for (const std::string& path : args.files) {
    Message error;
    if (!guard.check(path, error)) {
      std::cerr << "pes: " << error.in(zh) << '\n';
      return kExitUsage;
    }
  }
  // Files are opened before any work, so a bad path fails fast and nothing is half-written.
  std::vector<std::unique_ptr<OutputFile>> files;
  std::vector<std::unique_ptr<Reporter>> reporters;
  bool machine_on_stdout = false;
  for (const OutputSpec& spec : specs) {
    std::ostream* out = &std::cout;
    if (!spec.path.empty()) {
      auto file = std::make_unique<OutputFile>();
      Message error;
      if (!file->open(spec.path, error)) {
        std::cerr << "pes: " << error.in(zh) << '\n';
        return kExitUsage;
      }
      out = &file->stream();
      files.push_back(std::move(file));
    } else if (spec.format != OutputFormat::Plain) {
      machine_on_stdout = true;
    }
    ReportStyle s = style;
    if (!spec.path.empty()) s.color = false;
    reporters.push_back(make_reporter(spec.format, *out, s));
  }
  if (args.statistics) {
    reporters.push_back(make_statistics_reporter(machine_on_stdout ? std::cerr : std::cout, style));
  }

  Checker checker(Options{});
  checker.readers().set_encoding(args.common.input_encoding());
  Summary summary;
  bool unreadable = false;
  bool failed = false;
  FileResult result;
  for (const std::string& path : args.files) {
    const FileSettings fs = settings.for_path(path);
    checker.set_options(fs.options);
    checker.check_file(path, result);
    if (!result.opened) {
      unreadable = true;
      std::cerr << "pes: " << result.error.in(zh) << '\n';
    } else if (result.holds_no_form()) {
      unreadable = true;  // nothing to check is no pass
      std::cerr << "pes: " << no_forms_found(result.path).in(zh) << '\n';
    }
    std::size_t failing = result.count(Severity::Error);
    if (fs.fail_on == Severity::Warning) failing += result.count(Severity::Warning);
    failed = failed || failing > 0;
    summary.add(result);
    for (auto& r : reporters) r->file(result);
  }
  for (auto& r : reporters) r->finish(summary);
  std::cout.flush();
  for (auto& file : files) {
    Message error;
    if (!file->commit(error)) {
      std::cerr << "pes: " << error.in(zh) << '\n';
      return kExitUsage;
    }
  }
  if (unreadable) return kExitUsage;
  if (args.exit_zero) return kExitClean;
  if (const auto max = settings.max_warnings(); max && summary.warnings > *max) {
    std::cerr << (zh ? fmt::format("pes：{} 个警告，超过上限 {}\n", summary.warnings, *max)
                     : fmt::format("pes: {} warnings, more than the maximum of {}\n", summary.warnings, *max));
    return kExitFindings;
  }
  return failed ? kExitFindings : kExitClean;
}

}  // namespace

Command add_check(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* sub = app.add_subcommand(
      "check", "Check forms and report every mismatch / 检查自评表并报告所有不一致之处");
  sub->add_option("files", args->files, "pes/1 JSON, CSV, printed-layout text (.txt/.tsv) or .xlsx files; - reads standard input / 文件")
      ->required();
  sub->add_option("--format", args->format, "text, json, sarif, github or junit, to standard output / 输出格式")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit"}));
  sub->add_option("--output", args->outputs,
                  "FORMAT[:PATH], repeatable: text, json, sarif, github or junit, to PATH "
                  "(written whole or not at all) or standard output / 输出格式与文件，可重复")
      ->allow_extra_args(false)
      ->check([](const std::string& text) {
        return parse_output_spec(text) ? std::string()
                                       : "expected FORMAT[:PATH] with FORMAT one of text, json, "
                                         "sarif, github, junit";
      });
  sub->add_flag("--exit-zero", args->exit_zero,
                "Exit 0 even when findings would fail the run (2 still means trouble) / 有问题也以 0 退出");
  sub->add_flag("--statistics", args->statistics, "Also print how many findings each rule produced / 按规则统计");
  args->common.add_to(*sub);
  args->common.add_selection_to(*sub);
  std::string footer =
      "Exit status: 0 no finding at or above --fail-on, 1 a finding at or above it or more than "
      "--max-warnings warnings, 2 bad arguments or config, an unreadable file or one with no "
      "form, or an output that cannot be written.\n"
      "退出码：0 无达到 --fail-on 级别的问题，1 有此类问题或警告超过 --max-warnings，"
      "2 参数或配置错误、文件无法读取或其中没有自评表、输出无法写入。\n\n"
      "Rules / 规则 (pes rule NAME explains one):\n";
  for (const Rule& r : rules()) {
    footer += "  " + std::string(r.name) + " (" + std::string(group_name(r.group)) + ", " +
              std::string(severity_name(r.severity)) + ")\n";
  }
  sub->footer(footer);
  return {sub, [args] { return run_check(*args); }};
}

}  // namespace pes::cli
