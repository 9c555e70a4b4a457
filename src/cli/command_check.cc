// pes check FILE...: read each form, recompute it, report every finding.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.h"
#include "pes/formats.h"
#include "pes/output.h"
#include "pes/rules.h"
#include "run.h"

namespace pes::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> files;
  std::string format;               // --format: one more output to standard output
  std::vector<std::string> outputs;  // --output FORMAT[:PATH]
  std::string annotate;              // --annotate PATH: the checked workbook, marked up
  bool exit_zero = false;
  bool statistics = false;
  BaselineOptions baseline;  // --baseline, --write-baseline
  CommonOptions common;
};

int run_check(const CheckArgs& args) {
  RunRequest request;
  request.paths = args.files;
  for (const std::string& text : args.outputs) request.outputs.push_back(*parse_output_spec(text));
  if (!args.format.empty() || request.outputs.empty()) {
    request.outputs.push_back(*parse_output_spec(args.format.empty() ? "text" : args.format));
  }
  if (!args.annotate.empty()) request.outputs.push_back({find_reporter("annotate"), args.annotate});
  request.statistics = args.statistics;
  request.exit_zero = args.exit_zero;
  request.baseline = args.baseline;
  return run_checks(request, args.common);
}

}  // namespace

Command add_check(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* sub = app.add_subcommand(
      "check", "Check forms and report every mismatch / 检查自评表并报告所有不一致之处");
  sub->add_option("files", args->files,
                  fmt::format("{}; - reads standard input / 文件",
                              describe_formats(FormatFilter::All, false)))
      ->required();
  std::vector<std::string> names;
  for (const ReporterInfo& r : reporters()) names.emplace_back(r.name);
  sub->add_option("--format", args->format,
                  fmt::format("{}, to standard output / 输出格式", reporter_names()))
      ->check(CLI::IsMember(names));
  sub->add_option("--output", args->outputs,
                  fmt::format("FORMAT[:PATH], repeatable: {}, to PATH (written whole or not at "
                              "all) or standard output / 输出格式与文件，可重复",
                              reporter_names()))
      ->allow_extra_args(false)
      ->check([](const std::string& text) {
        return parse_output_spec(text)
                   ? std::string()
                   : fmt::format("expected FORMAT[:PATH] with FORMAT one of {}", reporter_names());
      });
  sub->add_option("--annotate", args->annotate,
                  "PATH: a copy of the .xlsx workbook checked, each cell with a finding filled "
                  "and commented / 标注问题单元格的工作簿副本")
      ->allow_extra_args(false);
  sub->add_flag("--exit-zero", args->exit_zero,
                "Exit 0 even when findings would fail the run (2 still means trouble) / 有问题也以 0 退出");
  sub->add_flag("--statistics", args->statistics, "Also print how many findings each rule produced / 按规则统计");
  args->baseline.add_to(*sub);
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
