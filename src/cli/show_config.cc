// pes check --show-config [FILE]: every setting FILE is held to, and where each came from.
#include <fmt/format.h>

#include <iostream>

#include "run.h"

namespace pes::cli {
namespace {

// Columns as a terminal shows them: a CJK character takes two.
std::string pad(std::string_view text, std::size_t width) {
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xc0) == 0x80) continue;
    shown += c >= 0xe0 ? 2 : 1;
  }
  std::string out(text);
  if (shown < width) out.append(width - shown, ' ');
  return out;
}

}  // namespace

int show_config(const std::string& path, const RunArgs& args) {
  const bool zh = args.common.chinese();
  Settings settings;
  if (!args.common.settings(settings)) return kExitUsage;
  const std::string file = path.empty() ? "." : path;
  std::vector<Settings::Explained> rows = settings.explain(file);
  // Settings of the command line alone.
  rows.push_back({"encoding", args.common.encoding,
                  args.common.encoding == "auto" ? "default" : "--encoding"});
  for (const std::string& glob : args.exclude) rows.push_back({"exclude", glob, "--exclude"});

  std::cout << (zh ? fmt::format("{} 适用的设置\n", file) : fmt::format("settings for {}\n", file));
  if (const auto& config = settings.config()) {
    std::cout << (zh ? fmt::format("配置文件：{}\n", config->path.string())
                     : fmt::format("config: {}\n", config->path.string()));
  } else {
    std::cout << (zh ? "配置文件：无（当前目录及其上级目录中没有 pes.toml）\n"
                     : "config: none (no pes.toml here or in a folder above)\n");
  }
  std::size_t name_width = 0;
  std::size_t value_width = 0;
  for (const auto& r : rows) {
    name_width = std::max(name_width, r.name.size());
    value_width = std::max(value_width, r.value.size());
  }
  for (const auto& r : rows) {
    std::string source = r.source;
    if (zh && source == "default") source = "默认";
    std::cout << pad(r.name, name_width + 2) << pad(r.value, value_width + 2) << source << '\n';
  }
  return kExitClean;
}

}  // namespace pes::cli
