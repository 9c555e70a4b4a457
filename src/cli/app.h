// The whole command line of pes, defined once: the program parses with it, and the generator of
// the man page and the shell completions (src/tools/make_docs.cc) walks it.
#pragma once

#include <CLI/CLI.hpp>
#include <vector>

#include "commands.h"

namespace pes::cli {

/// Describes pes on `app`: its name, version flag and every subcommand with its options. A
/// new command is one more add_<command>() in the list in app.cc.
std::vector<Command> build_app(CLI::App& app);

/// Parses the command line, runs the command it names and returns the exit code.
int run_app(int argc, char** argv);

}  // namespace pes::cli
