// pes check FILE...: read each form, recompute it, report every finding.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.h"
#include "pes/checker.h"
#include "pes/output_file.h"
#include "pes/readers.h"
#include "pes/output.h"
#include "pes/rules.h"

namespace pes::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> files;
  std::string format;               // --format: one more output to standard output
  std::vector<std::string> outputs;  // --output FORMAT[:PATH]
  std::string annotate;              // --annotate PATH: the checked workbook, marked up
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
  // Files are opened before any work, so a bad path fails fast and nothing is half-written.
  std::vector<std::unique_ptr<OutputFile>> files;
  std::vector<std::unique_ptr<Reporter>> reporters;
  bool machine_on_stdout = false;
  auto open = [&](const std::string& path) -> OutputFile* {
    auto file = std::make_unique<OutputFile>();
    Message error;
    if (!file->open(path, error)) {
      std::cerr << "pes: " << error.in(zh) << '\n';
      return nullptr;
    }
    files.push_back(std::move(file));
    return files.back().get();
  };
  if (!args.annotate.empty()) {
    if (args.files.size() != 1 || format_for_path(args.files[0]) != Format::Xlsx) {
      std::cerr << (zh ? "pes：--annotate 只能用于一个 .xlsx 工作簿\n"
                       : "pes: --annotate takes exactly one .xlsx workbook to check\n");
      return kExitUsage;
    }
    if (same_file(args.files[0], args.annotate)) {
      std::cerr << (zh ? fmt::format("pes：{}：不会覆盖被检查的工作簿\n", args.annotate)
                       : fmt::format("pes: {}: will not write over the workbook checked\n",
                                     args.annotate));
      return kExitUsage;
    }
    OutputFile* file = open(args.annotate);
    if (file == nullptr) return kExitUsage;
    ReportStyle s = style;
    s.color = false;
    reporters.push_back(make_annotate_reporter(file->stream(), s));
  }
  for (const OutputSpec& spec : specs) {
    std::ostream* out = &std::cout;
    if (needs_file(spec.format)) {
      if (spec.path.empty()) {
        const std::string_view name = kOutputFormats[static_cast<std::size_t>(spec.format)];
        std::cerr << (zh ? fmt::format("pes：{0} 格式需要文件路径（--output {0}:PATH）\n", name)
                         : fmt::format("pes: {0} needs a file (--output {0}:PATH)\n", name));
        return kExitUsage;
      }
      OutputFile* file = open(spec.path);
      if (file == nullptr) return kExitUsage;
      ReportStyle s = style;
      s.color = false;
      reporters.push_back(make_file_reporter(spec.format, file->temp_path(), s));
      continue;
    }
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
    }
    std::size_t failing = result.count(Severity::Error);
    if (fs.fail_on == Severity::Warning) failing += result.count(Severity::Warning);
    failed = failed || failing > 0;
    summary.add(result);
    for (auto& r : reporters) r->file(result);
  }
  for (auto& r : reporters) r->finish(summary);
  std::cout.flush();
  for (auto& r : reporters) {
    if (const Message* error = r->error()) {
      std::cerr << "pes: " << error->in(zh) << '\n';
      return kExitUsage;  // no output file is committed
    }
  }
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
  sub->add_option("--format", args->format,
                  "text, json, sarif, github, junit or html, to standard output / 输出格式")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit", "html"}));
  sub->add_option("--output", args->outputs,
                  "FORMAT[:PATH], repeatable: text, json, sarif, github, junit, html, xlsx or "
                  "sqlite, to PATH (written whole or not at all) or standard output (xlsx and "
                  "sqlite need a PATH) / 输出格式与文件，可重复")
      ->allow_extra_args(false)
      ->check([](const std::string& text) {
        return parse_output_spec(text) ? std::string()
                                       : "expected FORMAT[:PATH] with FORMAT one of text, json, "
                                         "sarif, github, junit, html, xlsx, sqlite";
      });
  sub->add_option("--annotate", args->annotate,
                  "PATH: a copy of the .xlsx workbook checked, each cell with a finding filled "
                  "and commented / 标注问题单元格的工作簿副本")
      ->allow_extra_args(false);
  sub->add_flag("--exit-zero", args->exit_zero,
                "Exit 0 even when findings would fail the run (2 still means trouble) / 有问题也以 0 退出");
  sub->add_flag("--statistics", args->statistics, "Also print how many findings each rule produced / 按规则统计");
  args->common.add_to(*sub);
  args->common.add_selection_to(*sub);
  std::string footer =
      "Exit status: 0 no finding at or above --fail-on, 1 a finding at or above it or more than "
      "--max-warnings warnings, 2 bad arguments or config, or an unreadable file.\n"
      "退出码：0 无达到 --fail-on 级别的问题，1 有此类问题或警告超过 --max-warnings，2 参数或配置错误、文件无法读取。\n\n"
      "Rules / 规则 (pes rule NAME explains one):\n";
  for (const Rule& r : rules()) {
    footer += "  " + std::string(r.name) + " (" + std::string(group_name(r.group)) + ", " +
              std::string(severity_name(r.severity)) + ")\n";
  }
  sub->footer(footer);
  return {sub, [args] { return run_check(*args); }};
}

}  // namespace pes::cli
