// Writes pes(1) and the bash and zsh completions from the command line itself: it builds the
// same CLI11 app as the program (src/cli/app.cc) and walks its subcommands and options (names,
// help, value names, choices), so a new command or option is documented and completed without a
// word written here. The man page keeps the prose of man/pes.1.in; rule names come from the rule
// table, report names from the reporter registry, extensions from the format table.
// usage: pes_docs TEMPLATE OUTDIR   (writes OUTDIR/pes.1, OUTDIR/completions/pes and _pes)
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "app.h"
#include "pes/formats.h"
#include "pes/report.h"
#include "pes/rules.h"
#include "pes/selection.h"

namespace {

// What an option's value is, for completion.
enum class Value {
  None,       // a flag
  Choice,     // one of `choices`
  Rules,      // RULE,...: rules and groups, comma-separated
  RuleLevel,  // RULE=LEVEL
  Rule,       // one rule name
  Output,     // FORMAT[:PATH]
  FormFile,   // a form to read: files pes reads, and folders
  AnyFile,    // a file to write or a config
  Text,       // anything (N, GLOB)
};

struct Opt {
  std::vector<std::string> names;  // "--jobs", "-j"; empty for a positional
  std::string positional;          // its name ("paths")
  std::string type;                // "FORMAT[:PATH]", "N"
  std::vector<std::string> choices;
  Value value = Value::None;
  bool repeat = false;  // may be given more than once, or takes many values
  bool optional_value = false;
  std::string help_en;
  std::string help_zh;
};

struct Cmd {
  std::string name;
  std::string help_en;
  std::string help_zh;
  std::vector<Opt> options;
  std::vector<Opt> positionals;
};

// "English text / 中文" → both halves.
std::pair<std::string, std::string> halves(const std::string& text) {
  const auto slash = text.rfind(" / ");
  if (slash == std::string::npos) return {text, ""};
  return {text.substr(0, slash), text.substr(slash + 3)};
}

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  while (true) {
    const auto at = text.find(sep);
    out.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) return out;
    text.remove_prefix(at + 1);
  }
}

// CLI11's full type name is the value's name, then ":" and each validator's description:
// "TEXT:{zh,en}" (IsMember), "ENC:auto|utf-8|gbk", "N:UINT in [1 - 1024]".
void read_type(const CLI::Option& o, Opt& out) {
  std::string full = o.get_type_name();
  if (const auto brace = full.find(":{"); brace != std::string::npos) {
    const auto close = full.find('}', brace);
    out.choices = split(std::string_view(full).substr(brace + 2, close - brace - 2), ',');
    full.erase(brace);
  } else if (const auto colon = full.rfind(':'); colon != std::string::npos) {
    const std::string tail = full.substr(colon + 1);
    if (tail.find('|') != std::string::npos && tail.find(' ') == std::string::npos) {
      out.choices = split(tail, '|');
      full.erase(colon);
    } else if (tail.find(' ') != std::string::npos) {
      full.erase(colon);  // a range or the like: not a value's name
    }
  }
  out.type = full;
}

Opt read_option(const CLI::Option& o) {
  Opt out;
  for (const std::string& n : o.get_lnames()) out.names.push_back("--" + n);
  for (const std::string& n : o.get_snames()) out.names.push_back("-" + n);
  if (o.get_positional()) out.positional = o.get_name(true);
  std::tie(out.help_en, out.help_zh) = halves(o.get_description());
  const bool flag = o.get_type_size_max() == 0;
  out.repeat = o.get_expected_max() > 1 ||
               (!flag && o.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll);
  out.optional_value = !flag && o.get_expected_min() == 0;
  if (flag) return out;
  read_type(o, out);
  if (!out.choices.empty())
    out.value = Value::Choice;
  else if (out.type == "RULE,...")
    out.value = Value::Rules;
  else if (out.type == "RULE=LEVEL")
    out.value = Value::RuleLevel;
  else if (out.type == "RULE")
    out.value = Value::Rule;
  else if (out.type == "FORMAT[:PATH]")
    out.value = Value::Output;
  else if (o.get_positional() && (out.type == "PATH" || out.type == "FILE"))
    out.value = Value::FormFile;
  else if (out.type == "PATH" || out.type == "FILE" || out.type == "OUT")
    out.value = Value::AnyFile;
  else
    out.value = Value::Text;
  return out;
}

std::vector<Cmd> read_app(CLI::App& app) {
  std::vector<Cmd> out;
  for (CLI::App* sub : app.get_subcommands({})) {
    Cmd c;
    c.name = sub->get_name();
    std::tie(c.help_en, c.help_zh) = halves(sub->get_description());
    for (const CLI::Option* o : sub->get_options()) {
      Opt opt = read_option(*o);
      (opt.positional.empty() ? c.options : c.positionals).push_back(std::move(opt));
    }
    out.push_back(std::move(c));
  }
  return out;
}

// --- the man page -------------------------------------------------------------------------

std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::string value_name(const Opt& o) {
  if (o.value == Value::None) return "";
  std::string v = o.choices.empty() ? o.type : fmt::format("{}", fmt::join(o.choices, "|"));
  return o.optional_value ? "[" + v + "]" : v;
}

std::string synopsis(const std::vector<Cmd>& cmds) {
  std::string out;
  for (const Cmd& c : cmds) {
    if (!out.empty()) out += ".br\n";
    out += fmt::format(".B pes {}\n.RI [ options ]", c.name);
    for (const Opt& p : c.positionals) {
      out +=
          fmt::format(" \" {}{}\"", p.type.empty() ? p.positional : p.type, p.repeat ? " ..." : "");
    }
    out += '\n';
  }
  return out;
}

std::string commands_section(const std::vector<Cmd>& cmds) {
  std::string out = ".SH COMMANDS AND OPTIONS\n";
  for (const Cmd& c : cmds) {
    out += fmt::format(".SS \"pes {}\"\n{}\n", c.name, roff(c.help_en));
    if (!c.help_zh.empty()) out += fmt::format(".br\n{}\n", roff(c.help_zh));
    for (const Opt& p : c.positionals) {
      out += fmt::format(".TP\n.I {}\n{}\n", roff(p.type.empty() ? p.positional : p.type),
                         roff(p.help_en));
    }
    for (const Opt& o : c.options) {
      std::string names = fmt::format("{}", fmt::join(o.names, ", "));
      out += ".TP\n";
      const std::string v = value_name(o);
      out += v.empty() ? fmt::format(".B {}\n", roff(names))
                       : fmt::format(".BR {} \" {}\"\n", roff(names), roff(v));
      out += roff(o.help_en) + "\n";
      if (!o.help_zh.empty()) out += ".br\n" + roff(o.help_zh) + "\n";
    }
  }
  return out;
}

std::string rules_section() {
  std::string out;
  for (const pes::Rule& r : pes::rules()) {
    out += ".TP\n.B " + roff(r.name) + "\n(" + std::string(pes::group_name(r.group)) + ", " +
           std::string(pes::severity_name(r.severity)) + (r.enabled ? "" : ", off by default") +
           ") " + roff(r.summary.en) + "\n.br\n" + roff(r.summary.zh) + "\n";
  }
  return out;
}

void replace(std::string& text, std::string_view key, const std::string& value) {
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
}

// --- shared by both shells --------------------------------------------------------------------

std::string words(const std::vector<std::string>& list) {
  return fmt::format("{}", fmt::join(list, " "));
}

std::vector<std::string> selectors() {
  std::vector<std::string> out;
  for (std::string_view s : pes::selector_names()) out.emplace_back(s);
  return out;
}

std::vector<std::string> rule_names() {
  std::vector<std::string> out;
  for (const pes::Rule& r : pes::rules()) out.emplace_back(r.name);
  return out;
}

std::vector<std::string> report_names() {
  std::vector<std::string> out;
  for (const pes::ReporterInfo& r : pes::reporters()) out.emplace_back(r.name);
  return out;
}

std::vector<std::string> extensions() {
  std::vector<std::string> out;
  for (const pes::FormatInfo& f : pes::formats()) {
    for (std::string_view e : f.extensions) out.emplace_back(e);
  }
  return out;
}

// --- bash -----------------------------------------------------------------------------------

std::string bash_value(const Opt& o) {
  switch (o.value) {
    case Value::Choice:
      return fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", words(o.choices));
    case Value::Rules:
      return "_pes_list \"$_pes_selectors\"";
    case Value::RuleLevel:
      return "_pes_severity";
    case Value::Rule:
      return "COMPREPLY=($(compgen -W \"$_pes_rules\" -- \"$cur\"))";
    case Value::Output:
      return "_pes_output";
    case Value::FormFile:
      return "_pes_files \"$_pes_forms\"";
    case Value::AnyFile:
      return "_pes_files \"\"";
    case Value::Text:
    case Value::None:
      return ":";
  }
  return ":";
}

std::string bash(const std::vector<Cmd>& cmds) {
  std::vector<std::string> names;
  for (const Cmd& c : cmds) names.push_back(c.name);
  std::string out = fmt::format(
      R"~(# bash completion for pes                                    -*- shell-script -*-
# Generated at build time from pes's command line (src/tools/make_docs.cc); do not edit.

_pes_selectors="{selectors}"
_pes_rules="{rules}"
_pes_reports="{reports}"
_pes_forms="@({exts})"

_pes_files() {{
  if declare -F _filedir >/dev/null; then
    _filedir "$1"
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}

# A comma-separated list: completes the item after the last comma.
_pes_list() {{
  local head="" item=$cur
  if [[ $cur == *,* ]]; then head=${{cur%,*}},; item=${{cur##*,}}; fi
  COMPREPLY=($(compgen -P "$head" -W "$1" -- "$item"))
}}

_pes_severity() {{
  if [[ $cur == *=* ]]; then
    COMPREPLY=($(compgen -P "${{cur%%=*}}=" -W "error warning notice" -- "${{cur#*=}}"))
  else
    compopt -o nospace 2>/dev/null
    COMPREPLY=($(compgen -S = -W "$_pes_selectors" -- "$cur"))
  fi
}}

_pes_output() {{
  if [[ $cur == *:* ]]; then
    local format=${{cur%%:*}}
    cur=${{cur#*:}}
    _pes_files ""
    COMPREPLY=("${{COMPREPLY[@]/#/$format:}}")
  else
    compopt -o nospace 2>/dev/null
    local r
    COMPREPLY=()
    for r in $(compgen -W "$_pes_reports" -- "$cur"); do COMPREPLY+=("$r" "$r:"); done
  fi
}}
)~",
      fmt::arg("selectors", words(selectors())), fmt::arg("rules", words(rule_names())),
      fmt::arg("reports", words(report_names())), fmt::arg("exts", fmt::join(extensions(), "|")));
  for (const Cmd& c : cmds) {
    out += fmt::format("\n_pes_{}() {{\n  case $prev in\n", c.name);
    std::vector<std::string> all;
    for (const Opt& o : c.options) {
      all.insert(all.end(), o.names.begin(), o.names.end());
      if (o.value == Value::None) continue;
      out += fmt::format("    {})\n      {}\n      return ;;\n", fmt::join(o.names, " | "),
                         bash_value(o));
    }
    out += "  esac\n  if [[ $cur == -* ]]; then\n";
    out += fmt::format("    COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))\n", words(all));
    out += "  else\n";
    out += fmt::format("    {}\n", c.positionals.empty() ? ":" : bash_value(c.positionals.front()));
    out += "  fi\n}\n";
  }
  out += fmt::format(R"~(
_pes() {{
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion -n =: || return
  else
    cur=${{COMP_WORDS[COMP_CWORD]}}
    prev=${{COMP_WORDS[COMP_CWORD-1]}}
    words=("${{COMP_WORDS[@]}}")
    cword=$COMP_CWORD
  fi
  local i
  for ((i = 1; i < cword; i++)); do
    case ${{words[i]}} in
      {alts}) "_pes_${{words[i]}}"; return ;;
    esac
  done
  COMPREPLY=($(compgen -W "{names} --help --version" -- "$cur"))
}} && complete -F _pes pes
)~",
                     fmt::arg("alts", fmt::join(names, " | ")), fmt::arg("names", words(names)));
  return out;
}

// --- zsh ------------------------------------------------------------------------------------

// Text inside a single-quoted _arguments spec's [description]: one line, brackets escaped.
std::string zsh_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else if (c == '[' || c == ']' || c == '\\')
      out += std::string("\\") + c;
    else if (c == ':')
      out += "\\:";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string zsh_action(const Opt& o) {
  switch (o.value) {
    case Value::Choice:
      return fmt::format("({})", words(o.choices));
    case Value::Rules:
      return "_pes_selectors";
    case Value::RuleLevel:
      return "_pes_severity";
    case Value::Rule:
      return "_pes_rules";
    case Value::Output:
      return "_pes_output";
    case Value::FormFile:
      return "_pes_forms";
    case Value::AnyFile:
      return "_files";
    case Value::Text:
    case Value::None:
      return " ";
  }
  return " ";
}

std::string zsh(const std::vector<Cmd>& cmds) {
  std::string out = fmt::format(
      R"~(#compdef pes
# zsh completion for pes. Generated at build time from pes's command line
# (src/tools/make_docs.cc); do not edit.

_pes_selectors() {{
  _values -s , 'rule or group' {selectors}
}}

_pes_rules() {{
  local -a names
  names=({rules})
  _describe -t rules 'rule' names
}}

_pes_severity() {{
  if compset -P '*='; then
    _values 'severity' error warning notice
  else
    local -a names
    names=({selectors})
    compadd -S = -a names
  fi
}}

_pes_output() {{
  if compset -P '*:'; then
    _files
  else
    local -a formats
    formats=({reports})
    compadd -a formats
    compadd -S : -a formats
  fi
}}

_pes_forms() {{
  _files -g '*.({exts})(-.)'
}}

_pes() {{
  local -a commands
  commands=(
)~",
      fmt::arg("selectors", words(selectors())), fmt::arg("rules", words(rule_names())),
      fmt::arg("reports", words(report_names())), fmt::arg("exts", fmt::join(extensions(), "|")));
  for (const Cmd& c : cmds) out += fmt::format("    '{}:{}'\n", c.name, zsh_text(c.help_en));
  out += R"~(  )
  _arguments -C \
    '(- *)--help[show the help]' \
    '(- *)--version[show the version]' \
    '1:command:->command' \
    '*::arg:->args'
  case $state in
    command) _describe -t commands 'pes command' commands ;;
    args)
      case $words[1] in
)~";
  for (const Cmd& c : cmds) {
    out += fmt::format("        {})\n          _arguments \\\n", c.name);
    for (const Opt& o : c.options) {
      const std::string help = zsh_text(o.help_en);
      std::string spec;
      const std::string exclusive =
          o.names.size() > 1 ? fmt::format("({})", fmt::join(o.names, " ")) : std::string();
      for (const std::string& n : o.names) {
        std::string one = o.repeat ? "*" : exclusive;
        one += n;
        if (o.value != Value::None && n.starts_with("--")) one += o.optional_value ? "=-" : "=";
        one += "[" + help + "]";
        if (o.value != Value::None) {
          one += fmt::format(":{}:{}", zsh_text(o.type.empty() ? "value" : o.type), zsh_action(o));
        }
        out += fmt::format("            '{}' \\\n", one);
      }
    }
    int n = 1;
    for (const Opt& p : c.positionals) {
      const std::string where = p.repeat ? "*" : std::to_string(n++);
      out +=
          fmt::format("            '{}:{}:{}' \\\n", where, zsh_text(p.positional), zsh_action(p));
    }
    out += "            && return 0 ;;\n";
  }
  out += R"~(      esac ;;
  esac
}

_pes "$@"
)~";
  return out;
}

bool write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) {
    std::cerr << "pes_docs: cannot write " << path << '\n';
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: pes_docs TEMPLATE OUTDIR\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "pes_docs: cannot read " << argv[1] << '\n';
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  CLI::App app;
  pes::cli::build_app(app);
  const std::vector<Cmd> cmds = read_app(app);

  std::string page = ss.str();
  replace(page, "@VERSION@", std::string(pes::pes_version()));
  replace(page, "@SYNOPSIS@\n", synopsis(cmds));
  replace(page, "@COMMANDS@\n", commands_section(cmds));
  replace(page, "@RULES@\n", rules_section());

  const std::filesystem::path dir = argv[2];
  std::error_code ec;
  std::filesystem::create_directories(dir / "completions", ec);
  const bool ok = write(dir / "pes.1", page) && write(dir / "completions" / "pes", bash(cmds)) &&
                  write(dir / "completions" / "_pes", zsh(cmds));
  return ok ? 0 : 2;
}
