// pes batch PATH...: checks every form of many files in parallel, writes tables of forms and
// findings, and prints a summary.
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "commands.h"
#include "pes/formats.h"
#include "run.h"

namespace pes::cli {
namespace {

struct BatchArgs {
  std::vector<std::string> paths;
  unsigned jobs = 0;
  std::string out;
  std::string findings;
  bool no_progress = false;
  BaselineOptions baseline;  // --baseline, --write-baseline
  CommonOptions common;
};

int run_batch_command(const BatchArgs& args) {
  RunRequest request;
  request.paths = args.paths;
  request.walk = true;
  request.jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  request.progress = !args.no_progress && ::isatty(STDERR_FILENO) != 0;
  request.problems_to_stderr = true;
  request.baseline = args.baseline;
  if (!args.out.empty()) request.outputs.push_back({&reporter_for_out(args.out), args.out});
  if (!args.findings.empty()) request.outputs.push_back({find_reporter("findings"), args.findings});
  request.outputs.push_back({find_reporter("summary"), ""});
  return run_checks(request, args.common);
}

}  // namespace

Command add_batch(CLI::App& app) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* sub = app.add_subcommand(
      "batch",
      "Check many files in parallel, write tables, print a summary / 批量检查并汇总");
  sub->add_option("paths", args->paths,
                  fmt::format("Files and directories, walked recursively for {}; - reads "
                              "standard input / 文件或目录",
                              format_extensions(FormatFilter::Walked)))
      ->required();
  sub->add_option("-j,--jobs", args->jobs, "Threads (default: the machine's cores) / 线程数")
      ->check(CLI::Range(1u, 1024u));
  sub->add_option("--out", args->out,
                  "One row per form: .csv (UTF-8 with BOM) or .jsonl; or the results as a "
                  "workbook (.xlsx), a database (.sqlite, .db) or a page (.html) / 每张自评表一行，"
                  "或结果工作簿、数据库、网页");
  sub->add_option("--findings", args->findings,
                  "One row per finding: .csv (UTF-8 with BOM) or .jsonl / 每个问题一行");
  sub->add_flag("--no-progress", args->no_progress,
                "No progress line on standard error / 不显示进度");
  args->baseline.add_to(*sub);
  args->common.add_to(*sub);
  args->common.add_selection_to(*sub);
  sub->footer(
      "Exit status: 0 no errors, 1 an error-severity finding, 2 bad arguments or an unreadable "
      "path.\n退出码：0 无错误，1 有错误级别的问题，2 参数错误或路径无法读取。");
  return {sub, [args] { return run_batch_command(*args); }};
}

}  // namespace pes::cli
