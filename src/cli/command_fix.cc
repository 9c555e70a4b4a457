// pes fix FILE...: mend what arithmetic can mend (derived values, notation) in place.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "commands.h"
#include "pes/fix.h"
#include "pes/label_format.h"
#include "pes/output_file.h"

namespace pes::cli {
namespace {

struct FixArgs {
  std::vector<std::string> files;
  bool unsafe = false;
  bool diff = false;
  bool check = false;
  CommonOptions common;
};

int run_fix(const FixArgs& args) {
  Settings settings;
  if (!args.common.settings(settings)) return kExitUsage;
  const bool zh = args.common.chinese();
  bool trouble = false;
  bool would_change = false;
  std::size_t files_changed = 0;
  std::size_t values_changed = 0;
  for (const std::string& path : args.files) {
    FixOptions options;
    options.options = settings.for_path(path).options;
    options.unsafe = args.unsafe;
    options.encoding = args.common.input_encoding();
    FileFix fix;
    plan_fix(path, options, fix);
    if (!fix.ok) {
      std::cerr << pes_prefix(zh) << fix.error.in(zh) << '\n';
      trouble = true;
      continue;
    }
    for (const Message& note : fix.notes) std::cerr << note.in(zh) << '\n';
    if (!fix.changed()) continue;
    would_change = true;
    ++files_changed;
    values_changed += fix.changes.size();
    if (args.diff) {
      std::cout << fix_diff(fix);
      continue;
    }
    if (args.check) {
      std::cout << (zh ? fmt::format("{}：将修正 {} 处\n", path, fix.changes.size())
                       : fmt::format("{}: would fix {} value{}\n", path, fix.changes.size(),
                                     fix.changes.size() == 1 ? "" : "s"));
      continue;
    }
    Message error;
    if (!write_file_atomically(path, fix.after, error)) {
      std::cerr << pes_prefix(zh) << error.in(zh) << '\n';
      trouble = true;
      continue;
    }
    std::cout << (zh ? fmt::format("{}：已修正 {} 处\n", path, fix.changes.size())
                     : fmt::format("{}: fixed {} value{}\n", path, fix.changes.size(),
                                   fix.changes.size() == 1 ? "" : "s"));
  }
  std::cout.flush();
  if (!args.diff) {
    const bool dry = args.check;
    std::cerr << (zh ? fmt::format("{} {} 个文件中的 {} 处\n", dry ? "将修正" : "已修正",
                                   files_changed, values_changed)
                     : fmt::format("{} {} value{} in {} file{}\n", dry ? "would fix" : "fixed",
                                   values_changed, values_changed == 1 ? "" : "s", files_changed,
                                   files_changed == 1 ? "" : "s"));
  }
  if (trouble) return kExitUsage;
  return (args.check || args.diff) && would_change ? kExitFindings : kExitClean;
}

}  // namespace

Command add_fix(CLI::App& app) {
  auto args = std::make_shared<FixArgs>();
  CLI::App* sub = app.add_subcommand(
      "fix",
      with_labels("Mend derived values (‹row.rate›, ‹indicator.score›, ‹total›, ‹grade›) and "
                  "number notation in place / 就地修正可计算得出的数值和数字书写"));
  sub->add_option("files", args->files, "JSON, JSON Lines, CSV or .xlsx files / 文件")->required();
  sub->add_flag("--unsafe", args->unsafe,
                with_labels("Also lower an indicator score above the MoF rule to the rule's "
                            "score / 同时将高于财政部规则的指标‹indicator.score›降至规则"
                            "‹indicator.score›"));
  sub->add_flag("--diff", args->diff,
                "Print what would change (a unified diff; a workbook cell by cell) and write "
                "nothing / 只显示将作的修改，不写文件");
  sub->add_flag(
      "--check", args->check,
      "Write nothing; exit 1 when something would change / 不写文件；有待修正时以 1 退出");
  args->common.add_to(*sub);
  sub->footer(
      "Exit status: 0 done (or nothing to do), 1 with --check or --diff: something would change, "
      "2 bad arguments or config, a file that cannot be read, parsed or written.\n"
      "退出码：0 完成，1 （--check 或 --diff）有待修正，2 "
      "参数或配置错误、文件无法读取、解析或写入。");
  return {sub, [args] { return run_fix(*args); }};
}

}  // namespace pes::cli
