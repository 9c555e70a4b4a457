// pes: a scorer and validator for 财政项目支出绩效自评表. This file only parses the
// command line and runs the chosen subcommand.
#include <iostream>
#include <vector>

#include "commands.h"

int main(int argc, char** argv) {
  using namespace pes::cli;
  CLI::App app{"pes — checks and scores performance self-evaluation forms (财政项目支出绩效自评表)"};
  app.set_version_flag("--version", std::string(pes::pes_version()));
  app.require_subcommand(1);
  const std::vector<Command> commands = {add_check(app), add_batch(app), add_score(app),
                                         add_convert(app), add_fix(app), add_rule(app), add_schema(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitUsage;
  }
  for (const Command& c : commands) {
    if (c.app->parsed()) return c.run();
  }
  return kExitUsage;
}
