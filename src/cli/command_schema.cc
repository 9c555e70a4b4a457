// pes schema: print the JSON Schema of pes/1 forms (or of the JSON report).
#include <iostream>
#include <memory>

#include "commands.h"
#include "pes/form_schema.h"
#include "schemas.h"

namespace pes::cli {

Command add_schema(CLI::App& app) {
  auto report = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand(
      "schema", "Print the JSON Schema of the pes/1 form format / 输出 pes/1 格式的 JSON Schema");
  sub->add_flag("--report", *report, "the schema of `check --format json` output instead / 报告格式");
  return {sub, [report] {
            if (*report) {
              std::cout << kReportSchema;
            } else {
              std::cout << form_schema();
            }
            return kExitClean;
          }};
}

}  // namespace pes::cli
