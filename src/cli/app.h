// The whole command line of pes, defined once: the program parses with it, and the generator of
// the man page and the shell completions (src/tools/make_docs.cc) walks it.
#pragma once

#include <CLI/CLI.hpp>
#include <span>
#include <string_view>
#include <vector>

#include "commands.h"

namespace pes::cli {

/// A subcommand: its name and the function that adds it (with its options) to the app.
struct CommandRow {
  std::string_view name;
  Command (*add)(CLI::App&);
};

/// Every subcommand, in the order help lists them. A new command is one more row in app.cc.
std::span<const CommandRow> commands();

/// Describes pes on `app`: its name, version flag and its subcommands with their options: all
/// of them, or only the one named `only`.
std::vector<Command> build_app(CLI::App& app, std::string_view only = {});

/// Parses the command line, runs the command it names and returns the exit code.
int run_app(int argc, char** argv);

}  // namespace pes::cli
