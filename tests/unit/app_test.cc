// The command line: a run that builds only the command it names gets that command exactly as
// the whole app (help, man page, completions) has it.
#include <catch2/catch.hpp>

#include <string>

#include "app.h"

TEST_CASE("a command built alone is the command the whole app describes", "[cli]") {
  CLI::App whole;
  const std::vector<pes::cli::Command> every = pes::cli::build_app(whole);
  REQUIRE(every.size() == pes::cli::commands().size());
  REQUIRE(whole.get_subcommands({}).size() == every.size());
  for (const pes::cli::CommandRow& row : pes::cli::commands()) {
    CAPTURE(row.name);
    CLI::App alone;
    const std::vector<pes::cli::Command> built = pes::cli::build_app(alone, row.name);
    REQUIRE(built.size() == 1);
    CHECK(built.front().app->get_name() == row.name);
    CHECK(alone.get_subcommands({}).size() == 1);
    CHECK(built.front().app->help() == whole.get_subcommand(std::string(row.name))->help());
  }
}
