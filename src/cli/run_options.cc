// The options of `pes check` and `pes batch`, one definition for both, and the request a run
// makes of them: the commands differ only in what they do when an option is not given.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <thread>

#include "pes/formats.h"
#include "pes/label_format.h"
#include "pes/rules.h"
#include "run.h"
#include "usage_errors.h"

namespace pes::cli {

void add_run_options(CLI::App& sub, RunArgs& args, RunKind kind) {
  sub.add_option("paths", args.paths,
                 fmt::format("Files and directories: {}; directories are walked recursively for "
                             "{}; - reads standard input / 文件或目录",
                             describe_formats(FormatFilter::All, false),
                             format_extensions(FormatFilter::Walked)))
      ->type_name("PATH");
  sub.add_option("-j,--jobs", args.jobs,
                 "Checking threads (default: the machine's cores); the output is the same for "
                 "any number / 线程数")
      ->type_name("N")
      ->check(CLI::Range(1u, 1024u));
  std::vector<std::string> names;
  for (const ReporterInfo& r : reporters()) names.emplace_back(r.name);
  sub.add_option("--format", args.format,
                 fmt::format("FORMAT to standard output: {} / 输出格式", reporter_names()))
      ->type_name("FORMAT")
      ->check(CLI::IsMember(names));
  sub.add_option("--output", args.outputs,
                 fmt::format("FORMAT[:PATH], repeatable: {}, to PATH (written whole or not at "
                             "all) or standard output / 输出格式与文件，可重复",
                             reporter_names()))
      ->type_name("FORMAT[:PATH]")
      ->allow_extra_args(false)
      ->check(CLI::Validator(
          [names](const std::string& text) -> std::string {
            if (parse_output_spec(text)) return {};
            const std::string format = text.substr(0, text.find(':'));
            if (find_reporter(format) != nullptr) return text + std::string(kEmptyPath);
            return fmt::format("{} not in {{{}}}", format, reporter_names(","));
          },
          "", "output"));
  sub.add_option("--out", args.out,
                 "FILE: one row per form, .csv (UTF-8 with BOM) or .jsonl; or the results as a "
                 "workbook (.xlsx), a database (.sqlite, .db) or a page (.html) / 每张自评表一行，"
                 "或结果工作簿、数据库、网页")
      ->type_name("FILE");
  sub.add_option("--findings", args.findings,
                 "FILE: one row per finding, .csv (UTF-8 with BOM) or .jsonl / 每个问题一行")
      ->type_name("FILE");
  sub.add_option("--annotate", args.annotate,
                 "PATH: a copy of the one .xlsx workbook checked, each cell with a finding filled "
                 "and commented / 标注问题单元格的工作簿副本")
      ->type_name("PATH")
      ->allow_extra_args(false);
  sub.add_option("--exclude", args.exclude,
                 "GLOB, repeatable: pass over what it matches in a walked directory (a name, or "
                 "a path with /) / 遍历目录时跳过匹配的路径，可重复")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  sub.add_flag("-q,--quiet", args.quiet,
               "Print only findings: no verdict for clean forms, no closing counts, no summary, "
               "no progress / 只输出问题");
  sub.add_flag("--no-progress", args.no_progress,
               "No progress line on standard error / 不显示进度");
  sub.add_flag("--exit-zero", args.exit_zero,
               "Exit 0 even when findings would fail the run (2 still means trouble) / "
               "有问题也以 0 退出");
  sub.add_flag("--statistics", args.statistics,
               "Also print how many findings each rule produced / 按规则统计");
  args.show_config =
      sub.add_option("--show-config", args.show_config_path,
                     "[FILE]: print the settings FILE is held to and where each came from "
                     "(default, pes.toml line, override, flag), and check nothing / "
                     "显示生效的设置及其来源")
          ->type_name("FILE")
          ->expected(0, 1);
  args.baseline.add_to(sub);
  args.common.add_to(sub);
  args.common.add_selection_to(sub);

  std::string footer = fmt::format(
      "{}\n"
      "Exit status: 0 no finding at or above --fail-on, 1 a finding at or above it or more than "
      "--max-warnings warnings, 2 bad arguments or config, a path that cannot be read or holds "
      "no form, or an output that cannot be written.\n"
      "退出码：0 无达到 --fail-on 级别的问题，1 有此类问题或警告超过 --max-warnings，2 参数或配置"
      "错误、路径无法读取或不含自评表、输出无法写入。\n\n"
      "Rules / 规则 (pes rule NAME explains one):\n",
      kind == RunKind::Batch
          ? with_labels("Prints a summary of the year (by year and ‹department›) unless "
                        "--quiet, to standard error when a report for machines takes standard "
                        "output; on a terminal, a progress line. / 除 --quiet 外均输出年度汇总"
                        "（标准输出被机器可读报告占用时写到标准错误）。")
          : std::string("Without --format or --output, prints a verdict per form and every "
                        "finding. / 默认逐表输出结论和问题。"));
  for (const Rule& r : rules()) {
    footer +=
        fmt::format("  {} ({}, {})\n", r.name, group_name(r.group), severity_name(r.severity));
  }
  footer += "\nOutput formats / 输出格式 (--format FORMAT, --output FORMAT[:PATH]):\n";
  for (const ReporterInfo& r : reporters()) {
    footer +=
        fmt::format("  {:<10} {} / {}\n", r.name, r.description.en, with_labels(r.description.zh));
  }
  sub.footer(footer);
}

int run_command(const RunArgs& args, RunKind kind) {
  const bool zh = args.common.chinese();
  if (args.show_config != nullptr && args.show_config->count() > 0) {
    return show_config(args.show_config_path, args);
  }
  if (args.paths.empty()) {
    std::cerr << (zh ? "pes：缺少要检查的文件或目录（- 读取标准输入）\n"
                     : "pes: no files or directories to check were given (- reads standard "
                       "input)\n");
    return kExitUsage;
  }
  RunRequest request;
  request.paths = args.paths;
  request.exclude = args.exclude;
  request.jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  request.quiet = args.quiet;
  request.exit_zero = args.exit_zero;
  request.baseline = args.baseline;
  for (const std::string& text : args.outputs) request.outputs.push_back(*parse_output_spec(text));
  if (!args.format.empty()) request.outputs.push_back(*parse_output_spec(args.format));
  const bool reports_asked = !request.outputs.empty();
  if (!args.out.empty()) request.outputs.push_back({&reporter_for_out(args.out), args.out});
  if (!args.findings.empty()) {
    request.outputs.push_back({find_reporter("findings"), args.findings});
  }
  if (!args.annotate.empty()) request.outputs.push_back({find_reporter("annotate"), args.annotate});
  // What is asked for to standard output already: batch's summary and --statistics add no
  // second one.
  const auto on_standard_output = [&](std::string_view name) {
    return std::any_of(request.outputs.begin(), request.outputs.end(), [&](const OutputSpec& o) {
      return o.reporter->name == name && (o.path.empty() || o.path == "-");
    });
  };
  request.statistics = args.statistics && !on_standard_output("statistics");
  if (kind == RunKind::Check) {
    if (!reports_asked)
      request.outputs.insert(request.outputs.begin(), {find_reporter("text"), ""});
  } else {
    if (!args.quiet && !on_standard_output("summary"))
      request.outputs.push_back({find_reporter("summary"), ""});
    request.progress = !args.no_progress && !args.quiet && ::isatty(STDERR_FILENO) != 0;
    // Parse errors reach a person even when no text report shows them.
    request.problems_to_stderr =
        std::none_of(request.outputs.begin(), request.outputs.end(),
                     [](const OutputSpec& o) { return o.reporter->name == "text"; });
  }
  return run_checks(request, args.common);
}

}  // namespace pes::cli
