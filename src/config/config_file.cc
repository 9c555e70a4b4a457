// Reads pes.toml with toml++. toml++ is compiled into this file alone (header-only), with
// TOML 1.1's Unicode bare keys enabled so that `[grades]` can say `优 = 90` unquoted.
#define TOML_HEADER_ONLY 1
#define TOML_ENABLE_UNRELEASED_FEATURES 1
#define TOML_EXCEPTIONS 0
#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <sstream>

#include "pes/config.h"
#include "pes/fields.h"
#include "pes/selection.h"
#include "pes/suggest.h"

namespace pes {
namespace {

class Reader {
 public:
  Reader(std::string_view text, const std::filesystem::path& path, ConfigError& error)
      : text_(text), path_(path), error_(error) {}

  bool fail(const toml::source_region& at, std::string en, std::string zh) {
    error_.path = path_.string();
    error_.line = at.begin.line;
    error_.column = at.begin.column;
    error_.message = {std::move(en), std::move(zh)};
    return false;
  }

  bool read(const toml::table& root, ConfigFile& out) {
    for (const auto& [key, node] : root) {
      const std::string_view k = key.str();
      if (k == "max-warnings") {
        const auto* v = node.as_integer();
        if (v == nullptr || v->get() < 0) {
          return fail(node.source(), "max-warnings must be a whole number, 0 or more",
                      "max-warnings 必须是不小于 0 的整数");
        }
        out.max_warnings = static_cast<std::uint64_t>(v->get());
        out.max_warnings_line = key.source().begin.line;
      } else if (k == "exclude") {
        if (!read_strings(node, "exclude", out.exclude)) return false;
        for (const toml::node& item : *node.as_array())
          out.exclude_lines.push_back(item.source().begin.line);
      } else if (k == "overrides") {
        const auto* list = node.as_array();
        if (list == nullptr || !list->is_array_of_tables()) {
          return fail(node.source(), "overrides must be an array of tables: [[overrides]]",
                      "overrides 必须是表数组：[[overrides]]");
        }
        for (const toml::node& entry : *list) {
          Override o;
          o.line = entry.source().begin.line;
          if (!read_override(*entry.as_table(), o)) return false;
          out.overrides.push_back(std::move(o));
        }
      } else if (k == "accept") {
        const auto* list = node.as_array();
        if (list == nullptr || !list->is_array_of_tables()) {
          return fail(node.source(), "accept must be an array of tables: [[accept]]",
                      "accept 必须是表数组：[[accept]]");
        }
        for (const toml::node& entry : *list) {
          Accept a;
          if (!read_accept(*entry.as_table(), a)) return false;
          out.accepts.push_back(std::move(a));
        }
      } else if (k == "baseline") {
        const auto* v = node.as_string();
        if (v == nullptr || v->get().empty()) {
          return fail(node.source(), "baseline must be the path of a baseline file",
                      "baseline 必须是基线文件的路径");
        }
        out.baseline = std::filesystem::path(v->get());
      } else if (k == "templates") {
        if (!read_strings(node, "templates", out.templates)) return false;
      } else if (!read_key(key, node, out.base)) {
        return false;
      }
    }
    return true;
  }

 private:
  bool read_override(const toml::table& table, Override& out) {
    bool has_paths = false;
    for (const auto& [key, node] : table) {
      if (key.str() == "paths") {
        has_paths = true;
        if (!read_strings(node, "paths", out.paths)) return false;
        if (out.paths.empty()) {
          return fail(node.source(), "paths must list at least one glob",
                      "paths 至少要列出一个路径模式");
        }
      } else if (key.str() == "max-warnings" || key.str() == "exclude") {
        return fail(key.source(),
                    fmt::format("{} applies to the whole run; set it at the top level", key.str()),
                    fmt::format("{} 作用于整次运行，只能在顶层设置", key.str()));
      } else if (!read_key(key, node, out.settings)) {
        return false;
      }
    }
    if (!has_paths) {
      return fail(table.source(), "an [[overrides]] entry needs paths = [\"glob\", …]",
                  "[[overrides]] 条目需要 paths = [\"路径模式\", …]");
    }
    return true;
  }

  bool read_text(const toml::node& node, std::string_view what, std::string& out) {
    const auto* v = node.as_string();
    if (v == nullptr || v->get().empty()) {
      return fail(node.source(), fmt::format("{} must be a text that is not empty", what),
                  fmt::format("{} 必须是非空文本", what));
    }
    out = v->get();
    return true;
  }

  bool read_accept(const toml::table& table, Accept& out) {
    out.line = table.source().begin.line;
    out.column = table.source().begin.column;
    bool has_paths = false;
    for (const auto& [key, node] : table) {
      const std::string_view k = key.str();
      if (k == "paths") {
        has_paths = true;
        if (!read_strings(node, "paths", out.paths)) return false;
        if (out.paths.empty()) {
          return fail(node.source(), "paths must list at least one glob",
                      "paths 至少要列出一个路径模式");
        }
      } else if (k == "form") {
        if (!read_text(node, "form", out.form)) return false;
      } else if (k == "rule") {
        if (!read_text(node, "rule", out.rule)) return false;
        if (!is_selector(out.rule)) {
          return fail(
              node.source(),
              fmt::format("unknown rule or group “{}” (pes rule --list shows them)", out.rule),
              fmt::format("未知的规则或分组“{}”（pes rule --list 列出全部）", out.rule));
        }
      } else if (k == "field") {
        if (!read_text(node, "field", out.field)) return false;
        if (!out.field.starts_with("/")) {
          return fail(node.source(),
                      "field is a JSON Pointer inside the form: \"/funds/total/rate\", "
                      "\"/indicators/<level 2>/<name>/score\"",
                      with_labels("field 是表内的 JSON Pointer：\"/funds/total/rate\"、"
                                  "\"/indicators/<‹indicator.level2›>/<‹indicator.name›>/score\""));
        }
      } else if (k == "reason") {
        if (!read_text(node, "reason", out.reason)) return false;
      } else {
        return fail(key.source(), fmt::format("unknown key “{}” in [[accept]]", k),
                    fmt::format("[[accept]] 中未知的键“{}”", k));
      }
    }
    if (!has_paths || out.rule.empty() || out.reason.empty()) {
      return fail(
          table.source(),
          "an [[accept]] entry needs paths = [\"glob\", …], rule = \"…\" and a reason = \"…\"",
          "[[accept]] 条目需要 paths = [\"路径模式\", …]、rule = \"…\" 和 reason = \"…\"");
    }
    return true;
  }

  bool read_key(const toml::key& key, const toml::node& node, SettingsLayer& out) {
    const std::string_view k = key.str();
    out.lines[std::string(k)] = key.source().begin.line;
    if (k == "rounding") {
      const auto* v = node.as_string();
      const auto r = v != nullptr ? parse_rounding(v->get()) : std::nullopt;
      if (!r) {
        return fail(node.source(), "rounding must be \"auto\", \"truncate\" or \"half-up\"",
                    "rounding 必须是 \"auto\"、\"truncate\" 或 \"half-up\"");
      }
      out.rounding = r;
      return true;
    }
    if (k == "fail-on") {
      const auto* v = node.as_string();
      Severity level{};
      if (v == nullptr || !parse_severity(v->get(), level)) {  // "info": the former "notice"
        return fail(node.source(), "fail-on must be \"error\", \"warning\" or \"notice\"",
                    "fail-on 必须是 \"error\"、\"warning\" 或 \"notice\"");
      }
      out.fail_on = level;
      return true;
    }
    if (k == "select") {
      std::vector<std::string> names;
      if (!read_rule_names(node, "select", names)) return false;
      out.rules.select = std::move(names);
      return true;
    }
    if (k == "extend-select")
      return read_rule_names(node, "extend-select", out.rules.extend_select);
    if (k == "ignore") return read_rule_names(node, "ignore", out.rules.ignore);
    if (k == "grades") return read_grades(node, out);
    if (k == "severity") return read_severity(node, out);
    static constexpr std::string_view kKeys[] = {
        "rounding", "fail-on",  "select",       "extend-select", "ignore",
        "grades",   "severity", "max-warnings", "exclude",       "overrides"};
    const auto near = closest_name(k, kKeys);
    return fail(key.source(), fmt::format("unknown key “{}”{}", k, did_you_mean(near, false)),
                fmt::format("未知的键“{}”{}", k, did_you_mean(near, true)));
  }

  bool read_strings(const toml::node& node, std::string_view what, std::vector<std::string>& out) {
    const auto* list = node.as_array();
    if (list == nullptr) {
      return fail(node.source(), fmt::format("{} must be an array of strings", what),
                  fmt::format("{} 必须是字符串数组", what));
    }
    for (const toml::node& item : *list) {
      const auto* s = item.as_string();
      if (s == nullptr) {
        return fail(item.source(), fmt::format("{} must be an array of strings", what),
                    fmt::format("{} 必须是字符串数组", what));
      }
      out.push_back(s->get());
    }
    return true;
  }

  bool read_rule_names(const toml::node& node, std::string_view what,
                       std::vector<std::string>& out) {
    const std::size_t first = out.size();
    if (!read_strings(node, what, out)) return false;
    const auto& list = *node.as_array();
    for (std::size_t i = first; i < out.size(); ++i) {
      if (!is_selector(out[i])) {
        const Message m = unknown_selector_message(out[i]);
        return fail(list[i - first].source(), m.en, m.zh);
      }
    }
    return true;
  }

  bool read_severity(const toml::node& node, SettingsLayer& out) {
    const auto* table = node.as_table();
    if (table == nullptr) {
      return fail(node.source(), "severity must be a table: [severity] rule = \"error\"",
                  "severity 必须是表：[severity] 规则 = \"error\"");
    }
    for (const auto& [key, value] : *table) {
      const std::string name(key.str());
      if (!is_selector(name)) {
        const Message m = unknown_selector_message(name);
        return fail(key.source(), m.en, m.zh);
      }
      out.lines["severity." + name] = key.source().begin.line;
      const auto* v = value.as_string();
      Severity level{};
      if (v == nullptr || !parse_severity(v->get(), level)) {
        return fail(value.source(), "a severity must be \"error\", \"warning\" or \"notice\"",
                    "严重级别必须是 \"error\"、\"warning\" 或 \"notice\"");
      }
      out.rules.severity.emplace_back(name, level);
    }
    return true;
  }

  bool read_grades(const toml::node& node, SettingsLayer& out) {
    const auto* table = node.as_table();
    if (table == nullptr) {
      return fail(node.source(), "grades must be a table: [grades] 优 = 90",
                  "grades 必须是表：[grades] 优 = 90");
    }
    for (const auto& [key, value] : *table) {
      const std::string_view k = key.str();
      std::optional<Decimal>* slot = k == "优"   ? &out.excellent
                                     : k == "良" ? &out.good
                                     : k == "中" ? &out.pass
                                                 : nullptr;
      if (slot == nullptr) {
        return fail(key.source(), fmt::format("unknown grade “{}”: the keys are 优, 良 and 中", k),
                    fmt::format("未知的等级“{}”：键为 优、良、中", k));
      }
      const auto d = decimal_of(value);
      if (!d || d->is_negative() || *d > Decimal::of(100)) {
        return fail(value.source(), "a grade's lower bound must be a number from 0 to 100",
                    "等级下限必须是 0 到 100 之间的数");
      }
      *slot = d;
      out.lines["grades." + std::string(k)] = key.source().begin.line;
    }
    if ((out.excellent && out.good && !(*out.good < *out.excellent)) ||
        (out.good && out.pass && !(*out.pass < *out.good)) ||
        (out.excellent && out.pass && !(*out.pass < *out.excellent))) {
      return fail(node.source(), "the grade bounds must fall: 优 > 良 > 中",
                  "等级下限必须递减：优 > 良 > 中");
    }
    return true;
  }

  // A number as written in the file: integers directly, floats from their own text (never
  // through the double toml++ made of them), or a string.
  std::optional<Decimal> decimal_of(const toml::node& node) const {
    if (const auto* i = node.as_integer()) return Decimal::of(i->get());
    if (const auto* s = node.as_string()) return Decimal::parse(s->get()).value;
    if (node.is_floating_point()) return Decimal::parse(slice(node.source())).value;
    return std::nullopt;
  }

  std::string_view slice(const toml::source_region& at) const {
    const std::size_t begin = offset_of(at.begin);
    const std::size_t end = offset_of(at.end);
    return end > begin ? text_.substr(begin, end - begin) : std::string_view{};
  }

  // Byte offset of a line and column (columns count Unicode characters).
  std::size_t offset_of(const toml::source_position& pos) const {
    std::size_t i = 0;
    for (toml::source_index line = 1; line < pos.line && i < text_.size(); ++i) {
      if (text_[i] == '\n') ++line;
    }
    for (toml::source_index col = 1; col < pos.column && i < text_.size(); ++col) {
      ++i;
      while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xc0) == 0x80) ++i;
    }
    return i;
  }

  std::string_view text_;
  const std::filesystem::path& path_;
  ConfigError& error_;
};

}  // namespace

bool parse_config(std::string_view text, const std::filesystem::path& path, ConfigFile& out,
                  ConfigError& error) {
  out = ConfigFile{};
  out.path = path;
  Reader reader(text, path, error);
  toml::parse_result parsed = toml::parse(text, std::string_view(path.string()));
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    return reader.fail(e.source(), fmt::format("TOML syntax: {}", e.description()),
                       fmt::format("TOML 语法错误：{}", e.description()));
  }
  return reader.read(parsed.table(), out);
}

bool load_config(const std::filesystem::path& path, ConfigFile& out, ConfigError& error) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  std::ifstream in(path, std::ios::binary);
  if (ec || !in || std::filesystem::is_directory(path, ec)) {
    error.path = path.string();
    error.message = {"cannot read the config file", "无法读取配置文件"};
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  if (!parse_config(ss.str(), absolute, out, error)) {
    error.path = path.string();
    return false;
  }
  return true;
}

}  // namespace pes
