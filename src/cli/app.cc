#include "app.h"

#include <iostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pes/output_file.h"
#include "usage_errors.h"

namespace pes::cli {
namespace {

// The command named on the command line: the first word that is not an option (the app itself
// has only --help and --version, which take no value).
std::optional<std::string_view> first_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--")
      return i + 1 < argc ? std::optional<std::string_view>(argv[i + 1]) : std::nullopt;
    if (!arg.starts_with('-') || arg == "-") return arg;
  }
  return std::nullopt;
}

// The arguments with a --lang given before the command moved after it: `pes --lang zh check`
// means `pes check --lang zh`, as a person reads it (--lang belongs to each command).
std::vector<std::string> lang_after_command(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  std::vector<std::string> lang;
  std::size_t i = 1;
  while (i < args.size() && args[i].starts_with('-') && args[i] != "-" && args[i] != "--") {
    if (args[i] == "--lang" && i + 1 < args.size()) {
      lang.insert(lang.end(), {args[i], args[i + 1]});
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                 args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
    } else if (args[i].starts_with("--lang=")) {
      lang.push_back(args[i]);
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
  // With no command the language has done its work (chinese_messages() saw it): the usage error
  // says a command is required.
  if (i < args.size()) {
    args.insert(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, lang.begin(), lang.end());
  }
  return args;
}

}  // namespace

std::span<const CommandRow> commands() {
  static constexpr CommandRow kCommands[] = {
      {"check", add_check}, {"batch", add_batch},   {"score", add_score},
      {"convert", add_convert}, {"fix", add_fix},   {"rule", add_rule},
      {"schema", add_schema}, {"template", add_template},
  };
  return kCommands;
}

std::vector<Command> build_app(CLI::App& app, std::string_view only) {
  app.name("pes");
  app.description(
      "pes — checks and scores performance self-evaluation forms (财政项目支出绩效自评表)");
  app.set_version_flag("--version", std::string(pes_version()));
  app.require_subcommand(1);
  std::vector<Command> built;
  for (const CommandRow& row : commands()) {
    if (!only.empty() && row.name != only) continue;
    built.push_back(row.add(app));
    if (built.back().app->get_name() != row.name) {
      throw std::logic_error("pes: command table names " + std::string(row.name) + " but " +
                             built.back().app->get_name() + " was added");
    }
  }
  return built;
}

int run_app(int argc_in, char** argv_in) {
  guard_standard_streams();
  std::vector<std::string> args = lang_after_command(argc_in, argv_in);
  std::vector<char*> pointers;
  for (std::string& a : args) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  const int argc = static_cast<int>(args.size());
  char** argv = pointers.data();
  const bool zh = chinese_messages(argc_in, argv_in);
  // A run builds only the command it names when that is the first argument (as in every
  // script and CI job): the others' options cost a tenth of pes check's start-up. Anything
  // else (no command, an option before it, a mistyped name) gets the whole app, for its help
  // and its suggestions.
  std::string_view only;
  if (argc > 1) {
    for (const CommandRow& row : commands()) {
      if (row.name == argv[1]) only = row.name;
    }
  }
  CLI::App app;
  const std::vector<Command> built = build_app(app, only);
  auto fail = [&](const Message& m, const CLI::App* sub) {
    const std::string help = sub != nullptr && sub != &app ? "pes " + sub->get_name() + " --help"
                                                           : std::string("pes --help");
    std::cerr << pes_prefix(zh) << m.in(zh) << '\n'
              << (zh ? "（" + help + " 列出用法）\n" : "(" + help + " shows the usage)\n");
    return kExitUsage;
  };

  // A mistyped command is named as such, with the nearest command.
  const auto word = first_word(argc, argv);
  const CLI::App* sub = nullptr;
  if (word) {
    for (const Command& c : built) {
      if (c.app->get_name() == *word) sub = c.app;
    }
    if (sub == nullptr) return fail(unknown_command(*word, app), nullptr);
  }
  int code = kExitUsage;
  try {
    app.parse(argc, argv);
    for (const Command& c : built) {
      if (c.app->parsed()) {
        code = c.run();
        break;
      }
    }
  } catch (const CLI::ParseError& e) {
    const int exit = e.get_exit_code();
    if (exit == static_cast<int>(CLI::ExitCodes::Success)) {
      code = app.exit(e) == 0 ? kExitClean : kExitUsage;  // --help, --version
    } else if (sub == nullptr && e.get_name() == "RequiredError") {
      code = fail(command_required(app), nullptr);
    } else {
      code = fail(usage_error(e, sub != nullptr ? *sub : app), sub);
    }
  }
  // Whatever the command printed must have reached standard output.
  Message error;
  if (!flush_standard_output(error)) {
    std::cerr << pes_prefix(zh) << error.in(zh) << '\n';
    return kExitUsage;
  }
  return code;
}

}  // namespace pes::cli
