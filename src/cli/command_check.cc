// pes check PATH...: read each form, recompute it, report every finding.
#include <memory>

#include "commands.h"
#include "run.h"

namespace pes::cli {

Command add_check(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* sub = app.add_subcommand(
      "check", "Check forms and report every mismatch / 检查自评表并报告所有不一致之处");
  add_run_options(*sub, *args, RunKind::Check);
  return {sub, [args] { return run_command(*args, RunKind::Check); }};
}

}  // namespace pes::cli
