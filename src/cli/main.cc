// pes: a scorer and validator for 财政项目支出绩效自评表. This file only parses the
// command line and runs the chosen subcommand.
#include <iostream>
#include <string_view>
#include <vector>

#include "commands.h"
#include "pes/output_file.h"

int main(int argc, char** argv) {
  using namespace pes::cli;
  pes::guard_standard_streams();
  CLI::App app{"pes — checks and scores performance self-evaluation forms (财政项目支出绩效自评表)"};
  app.set_version_flag("--version", std::string(pes::pes_version()));
  app.require_subcommand(1);
  const std::vector<Command> commands = {add_check(app),   add_batch(app), add_score(app),
                                         add_convert(app), add_rule(app),  add_schema(app),
                                         add_template(app)};
  int code = kExitUsage;
  bool parsed = true;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    parsed = false;
    code = app.exit(e) == 0 ? kExitClean : kExitUsage;
  }
  for (const Command& c : commands) {
    if (parsed && c.app->parsed()) {
      code = c.run();
      break;
    }
  }
  // Whatever the command printed must have reached standard output.
  pes::Message error;
  if (!pes::flush_standard_output(error)) {
    std::cerr << "pes: " << error.in(chinese_messages(argc, argv)) << '\n';
    return kExitUsage;
  }
  return code;
}
