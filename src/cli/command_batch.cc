// pes batch PATH...: checks every form of many files in parallel, writes tables of forms and
// findings, and prints a summary.
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "commands.h"
#include "pes/batch.h"
#include "pes/output_file.h"
#include "pes/output_guard.h"
#include "pes/text.h"

namespace pes::cli {
namespace {

struct BatchArgs {
  std::vector<std::string> paths;
  unsigned jobs = 0;
  std::string out;
  std::string findings;
  bool no_progress = false;
  CommonOptions common;
};

// The progress line on standard error: files and forms done, forms per second, errors so far.
class Progress {
 public:
  Progress(bool on, std::size_t files) : on_(on), files_(files) {}

  void chunk(const BatchChunk& c) {
    if (c.input != last_input_ || !seen_) files_done_ += 1;
    seen_ = true;
    last_input_ = c.input;
    forms_ += c.forms;
    error_forms_ += c.forms_with_errors;
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - shown_ < std::chrono::milliseconds(200)) return;
    shown_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    std::cerr << fmt::format("\r\x1b[Kfiles {}/{} · forms {} · {:.0f} forms/s · forms with errors {}",
                             files_done_, files_, forms_, secs > 0 ? static_cast<double>(forms_) / secs : 0.0,
                             error_forms_)
              << std::flush;
    visible_ = true;
  }
  // Clears the line before other text goes to standard error.
  void clear() {
    if (visible_) std::cerr << "\r\x1b[K" << std::flush;
    visible_ = false;
  }

 private:
  bool on_;
  std::size_t files_;
  std::size_t files_done_ = 0;
  std::size_t last_input_ = 0;
  bool seen_ = false;
  std::uint64_t forms_ = 0;
  std::uint64_t error_forms_ = 0;
  bool visible_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point shown_{};
};

int run_batch_command(const BatchArgs& args) {
  BatchConfig config;
  Settings settings;
  if (!args.common.settings(settings)) return kExitUsage;
  config.options = settings.for_path("").options;
  config.options_for = [&settings](std::string_view path) { return settings.for_path(path).options; };
  config.encoding = args.common.input_encoding();
  config.chinese = args.common.chinese();
  config.jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());

  // The outputs are never read as inputs, nor written over one.
  OutputGuard guard;
  guard.add("-");
  for (const std::string* path : {&args.out, &args.findings}) {
    if (!path->empty()) guard.add(*path);
  }
  const InputWalk walk = walk_inputs(args.paths, &guard);
  const std::vector<BatchInput>& inputs = walk.inputs;
  const std::vector<Message>& errors = walk.errors;
  for (const Message& m : errors) std::cerr << "pes: " << m.in(config.chinese) << '\n';
  for (const Message& m : walk.skipped) std::cerr << "pes: " << m.in(config.chinese) << '\n';
  for (const Message& m : walk.clashes) std::cerr << "pes: " << m.in(config.chinese) << '\n';
  if (!walk.clashes.empty()) return kExitUsage;

  OutputFile out;
  OutputFile findings;
  Message error;
  if (!args.out.empty()) {
    config.form_rows = true;
    config.form_format = table_format_for_path(args.out);
    if (!out.open(args.out, error)) {
      std::cerr << "pes: " << error.in(config.chinese) << '\n';
      return kExitUsage;
    }
    out.stream() << form_table_header(config.form_format);
  }
  if (!args.findings.empty()) {
    config.finding_rows = true;
    config.finding_format = table_format_for_path(args.findings);
    if (!findings.open(args.findings, error)) {
      std::cerr << "pes: " << error.in(config.chinese) << '\n';
      return kExitUsage;
    }
    findings.stream() << finding_table_header(config.finding_format);
  }

  Progress progress(!args.no_progress && ::isatty(STDERR_FILENO) != 0, inputs.size());
  std::vector<std::uint64_t> forms_of(args.paths.size(), 0);  // per path given
  std::vector<bool> trouble_of(args.paths.size(), false);     // a path with something reported
  BatchSummary summary = run_batch(inputs, config, [&](BatchChunk& c) {
    const std::size_t arg = inputs[c.input].arg;
    forms_of[arg] += c.forms;
    trouble_of[arg] = trouble_of[arg] || c.unreadable || !c.problems.empty();
    if (config.form_rows) out.stream() << c.form_rows;
    if (config.finding_rows) findings.stream() << c.finding_rows;
    if (!c.problems.empty()) {
      progress.clear();
      std::cerr << c.problems;
    }
    progress.chunk(c);
  });
  progress.clear();
  summary.skipped = walk.skipped;

  bool failed = !errors.empty() || summary.unreadable > 0;
  // A path that exists but holds no form fails the run: nothing checked is no pass.
  for (std::size_t i = 0; i < args.paths.size(); ++i) {
    if (forms_of[i] > 0 || trouble_of[i] || (args.paths[i] != "-" && !file_id(args.paths[i]))) {
      continue;
    }
    const std::string shown = args.paths[i] == "-" ? "<stdin>" : display_path(args.paths[i]);
    std::cerr << "pes: " << no_forms_found(shown).in(config.chinese) << '\n';
    failed = true;
  }
  // With a table on standard output (--out -), the summary goes to standard error.
  const bool table_on_stdout = out.is_standard_output() || findings.is_standard_output();
  for (auto [file, path] : {std::pair{&out, &args.out}, std::pair{&findings, &args.findings}}) {
    if (!path->empty() && !file->commit(error)) {
      std::cerr << "pes: " << error.in(config.chinese) << '\n';
      failed = true;
    }
  }
  (table_on_stdout ? std::cerr : std::cout) << format_summary(summary, config.chinese);
  if (failed) return kExitUsage;
  return summary.errors > 0 ? kExitFindings : kExitClean;
}

}  // namespace

Command add_batch(CLI::App& app) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* sub = app.add_subcommand(
      "batch",
      "Check many files in parallel, write tables, print a summary / 批量检查并汇总");
  sub->add_option("paths", args->paths,
                  "Files and directories (.json, .jsonl, .csv, walked recursively); - reads JSON "
                  "Lines from standard input / 文件或目录")
      ->required();
  sub->add_option("-j,--jobs", args->jobs, "Threads (default: the machine's cores) / 线程数")
      ->check(CLI::Range(1u, 1024u));
  sub->add_option("--out", args->out,
                  "One row per form: .csv (UTF-8 with BOM) or .jsonl; - writes CSV to standard "
                  "output / 每张自评表一行");
  sub->add_option("--findings", args->findings,
                  "One row per finding: .csv (UTF-8 with BOM) or .jsonl; - writes CSV to standard "
                  "output / 每个问题一行");
  sub->add_flag("--no-progress", args->no_progress,
                "No progress line on standard error / 不显示进度");
  args->common.add_to(*sub);
  args->common.add_selection_to(*sub);
  sub->footer(
      "Exit status: 0 no errors, 1 an error-severity finding, 2 bad arguments, an unreadable "
      "path or one with no form, or an output that cannot be written.\n"
      "退出码：0 无错误，1 有错误级别的问题，2 参数错误、路径无法读取或其中没有自评表、"
      "输出无法写入。");
  return {sub, [args] { return run_batch_command(*args); }};
}

}  // namespace pes::cli
