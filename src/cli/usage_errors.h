// Messages about the command line in both languages (CLI11's own are English only).
#pragma once

#include <CLI/CLI.hpp>
#include <string_view>

#include "pes/finding.h"

namespace pes::cli {

/// What a validator of pes's own says when FORMAT:PATH has an empty PATH (after the value).
inline constexpr std::string_view kEmptyPath = " has an empty PATH";

/// A parse error of `app` (the command whose options were being read), with a suggestion for
/// a mistyped option or choice.
Message usage_error(const CLI::Error& e, const CLI::App& app);
/// A first word that names no command of `app`, with the nearest command.
Message unknown_command(std::string_view word, const CLI::App& app);
/// No command at all.
Message command_required(const CLI::App& app);

}  // namespace pes::cli
