// pes check FILE...: read each form, recompute it, report every finding.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "pes/checker.h"
#include "pes/rules.h"

namespace pes::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> files;
  std::string format = "text";
  CommonOptions common;
};

int run_check(const CheckArgs& args) {
  Options options;
  if (!args.common.options(options)) return kExitUsage;
  const ReportStyle style = args.common.style(::isatty(STDOUT_FILENO) != 0);
  std::unique_ptr<Reporter> reporter = args.format == "json" ? make_json_reporter(std::cout, style)
                                                             : make_text_reporter(std::cout, style);
  Checker checker(options);
  Summary summary;
  bool unreadable = false;
  FileResult result;
  for (const std::string& path : args.files) {
    checker.check_file(path, result);
    if (!result.opened) {
      unreadable = true;
      std::cerr << "pes: " << result.error.in(style.chinese) << '\n';
    }
    summary.add(result);
    reporter->file(result);
  }
  reporter->finish(summary);
  std::cout.flush();
  if (unreadable) return kExitUsage;
  return summary.errors > 0 ? kExitFindings : kExitClean;
}

}  // namespace

Command add_check(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* sub = app.add_subcommand(
      "check", "Check forms and report every mismatch / 检查自评表并报告所有不一致之处");
  sub->add_option("files", args->files, "pes/1 JSON, printed-layout text (.txt/.tsv) or .xlsx files; - reads standard input / 文件")
      ->required();
  sub->add_option("--format", args->format, "text or json / 输出格式")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  args->common.add_to(*sub);
  std::string footer =
      "Exit status: 0 no errors, 1 an error-severity finding, 2 bad arguments or an unreadable "
      "file.\n退出码：0 无错误，1 有错误级别的问题，2 参数错误或文件无法读取。\n\nRules / 规则 "
      "(pes rule NAME explains one):\n";
  for (const Rule& r : rules()) {
    footer += "  " + std::string(r.name) + " (" + std::string(severity_name(r.severity)) + ")\n";
  }
  sub->footer(footer);
  return {sub, [args] { return run_check(*args); }};
}

}  // namespace pes::cli
