// pes batch PATH...: pes check with the defaults of a year's filings: a summary instead of a
// verdict per form, and a progress line on a terminal.
#include <memory>

#include "commands.h"
#include "pes/fields.h"
#include "run.h"

namespace pes::cli {

Command add_batch(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* sub = app.add_subcommand(
      "batch",
      with_labels("pes check with a year's defaults: a summary by year and ‹department›, a "
                  "progress line / 批量检查并汇总"));
  add_run_options(*sub, *args, RunKind::Batch);
  return {sub, [args] { return run_command(*args, RunKind::Batch); }};
}

}  // namespace pes::cli
