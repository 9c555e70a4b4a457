// What went wrong on the command line, in the language of the run, with a suggestion for a
// mistyped command, option or value. CLI11's own messages are English only; they are read here
// by their kind and rewritten.
#include "usage_errors.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>

#include "pes/suggest.h"

namespace pes::cli {
namespace {

std::string_view after(std::string_view text, std::string_view prefix) {
  return text.starts_with(prefix) ? text.substr(prefix.size()) : std::string_view{};
}

// Every name an app's options go by: "--fail-on", "-j".
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options()) {
    for (const std::string& n : o->get_lnames()) out.push_back("--" + n);
    for (const std::string& n : o->get_snames()) out.push_back("-" + n);
  }
  return out;
}

// The choices of a validator description "{a,b,c}".
std::vector<std::string> choices(std::string_view set) {
  std::vector<std::string> out;
  if (!set.starts_with('{') || !set.ends_with('}')) return out;
  set = set.substr(1, set.size() - 2);
  while (!set.empty()) {
    const auto comma = set.find(',');
    out.emplace_back(set.substr(0, comma));
    if (comma == std::string_view::npos) break;
    set.remove_prefix(comma + 1);
  }
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto space = text.find(' ');
    if (space != 0) out.emplace_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return out;
}

Message unexpected(const std::vector<std::string>& extras, const CLI::App& app) {
  Message m;
  const std::vector<std::string> names = option_names(app);
  for (const std::string& extra : extras) {
    if (!m.en.empty()) {
      m.en += "; ";
      m.zh += "；";
    }
    if (extra.starts_with('-') && extra.size() > 1) {
      const std::string name = extra.substr(0, extra.find('='));
      const auto near = closest_name(name, names);
      m.en += fmt::format("unknown option “{}”{}", name, did_you_mean(near, false));
      m.zh += fmt::format("未知的选项“{}”{}", name, did_you_mean(near, true));
    } else {
      m.en += fmt::format("unexpected argument “{}”", extra);
      m.zh += fmt::format("多余的参数“{}”", extra);
    }
  }
  return m;
}

// A whole-number option's value out of its range [low, high]: a high that is the largest
// integer is no limit, and a value that is no whole number is said to be one.
Message out_of_range(const std::string& name, std::string_view value, std::string_view low,
                     std::string_view high) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc{} || end != value.data() + value.size()) {
    return {fmt::format("{}: “{}” is not a whole number", name, value),
            fmt::format("{}：“{}”不是整数", name, value)};
  }
  if (high == std::to_string(std::numeric_limits<std::int64_t>::max())) {
    return {fmt::format("{}: {} is less than {}", name, value, low),
            fmt::format("{}：{} 小于 {}", name, value, low)};
  }
  return {fmt::format("{}: {} is not from {} to {}", name, value, low, high),
          fmt::format("{}：{} 不在 {} 到 {} 之间", name, value, low, high)};
}

// "NAME: MSG" of a validator: IsMember's "X not in {a,b}", Range's "Value X not in range A to
// B", or a message of pes's own validators (already in the run's language).
Message invalid(std::string_view what) {
  const auto colon = what.find(": ");
  const std::string name(what.substr(0, colon));
  const std::string_view msg = colon == std::string_view::npos ? what : what.substr(colon + 2);
  if (const auto not_in = msg.find(" not in {"); not_in != std::string_view::npos) {
    const std::string value(msg.substr(0, not_in));
    const std::vector<std::string> set = choices(msg.substr(not_in + 8));
    const auto near = closest_name(value, set);
    return {fmt::format("{}: “{}” is not one of {}{}", name, value, fmt::join(set, ", "),
                        did_you_mean(near, false)),
            fmt::format("{}：“{}”不是 {} 之一{}", name, value, fmt::join(set, "、"),
                        did_you_mean(near, true))};
  }
  if (const std::string_view range = after(msg, "Value "); !range.empty()) {
    const auto in = range.find(" not in range ");
    const auto to = range.find(" to ");
    if (in != std::string_view::npos && to != std::string_view::npos) {
      const std::string_view value = range.substr(0, in);
      const std::string_view low = range.substr(in + 14, to - in - 14);
      const std::string_view high = range.substr(to + 4);
      return out_of_range(name, value, low, high);
    }
  }
  if (msg.ends_with(kEmptyPath)) {
    const std::string_view value = msg.substr(0, msg.size() - kEmptyPath.size());
    return {fmt::format("{}: “{}” names no PATH after the colon", name, value),
            fmt::format("{}：“{}”的冒号后没有路径", name, value)};
  }
  return {std::string(what), fmt::format("{}：{}", name, msg)};
}

}  // namespace

Message usage_error(const CLI::Error& e, const CLI::App& app) {
  const std::string what = e.what();
  const std::string kind = e.get_name();
  // Read by its text: a subcommand's ExtrasError is named after the subcommand, not its kind.
  std::string_view list = after(what, "The following arguments were not expected: ");
  if (list.empty()) list = after(what, "The following argument was not expected: ");
  if (!list.empty()) return unexpected(words(list), app);
  if (kind == "RequiredError") {
    // CLI11: "A subcommand is required", "Requires at least N subcommands".
    if (what.starts_with("A subcommand") || what.starts_with("Requires at least")) {
      return command_required(app);
    }
    if (const auto is = what.rfind(" is required"); is != std::string::npos) {
      const std::string name = what.substr(0, is);
      return {fmt::format("{} is required", name), fmt::format("缺少必需的参数 {}", name)};
    }
  }
  if (kind == "ValidationError") return invalid(what);
  if (kind == "ConversionError") {
    if (std::string_view rest = after(what, "Could not convert: "); !rest.empty()) {
      const auto eq = rest.find(" = ");
      const std::string name(rest.substr(0, eq));
      const std::string value(eq == std::string_view::npos ? "" : rest.substr(eq + 3));
      std::string type;
      if (const CLI::Option* o = app.get_option_no_throw(name)) type = o->get_type_name();
      return {
          fmt::format("{}: cannot read “{}” as {}", name, value, type.empty() ? "its value" : type),
          fmt::format("{}：无法把“{}”读作 {}", name, value, type.empty() ? "取值" : type)};
    }
    if (const auto flag = what.find(": too many inputs for a flag"); flag != std::string::npos) {
      const std::string name = what.substr(0, flag);
      return {fmt::format("{} is a flag and takes no value", name),
              fmt::format("{} 是开关选项，不接受取值", name)};
    }
  }
  if (kind == "ArgumentMismatch") {
    if (const auto required = what.find(": 1 required "); required != std::string::npos) {
      const std::string name = what.substr(0, required);
      std::string type;
      if (const CLI::Option* o = app.get_option_no_throw(name)) type = o->get_type_name();
      return {fmt::format("{} needs a value ({})", name, type),
              fmt::format("{} 需要一个取值（{}）", name, type)};
    }
  }
  return {what, what};
}

Message unknown_command(std::string_view word, const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  const auto near = closest_name(word, names);
  return {fmt::format("unknown command “{}”{}; the commands are {}", word,
                      did_you_mean(near, false), fmt::join(names, ", ")),
          fmt::format("未知的命令“{}”{}；可用的命令：{}", word, did_you_mean(near, true),
                      fmt::join(names, "、"))};
}

Message command_required(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return {fmt::format("a command is needed: {}", fmt::join(names, ", ")),
          fmt::format("需要指定命令：{}", fmt::join(names, "、"))};
}

}  // namespace pes::cli
