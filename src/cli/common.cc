#include <cstdlib>
#include <iostream>
#include <string_view>

#include "commands.h"

namespace pes::cli {

void CommonOptions::add_to(CLI::App& app) {
  app.add_option("--lang", lang, "Language of messages: zh or en (default: from LANG/LC_ALL) / 输出语言")
      ->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--rounding", rounding,
                 "auto (truncation or half-up), truncate, or half-up / 舍入规则")
      ->check(CLI::IsMember({"auto", "truncate", "half-up"}))
      ->capture_default_str();
  app.add_option("--color", color, "auto, always or never (NO_COLOR is honoured) / 颜色")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("--encoding", encoding, "Encoding of CSV input: auto, utf-8 or gbk / CSV 输入编码")
      ->check(text_encoding_validator())
      ->capture_default_str();
}

TextEncoding CommonOptions::input_encoding() const {
  TextEncoding e = TextEncoding::Auto;
  parse_text_encoding(encoding, e);
  return e;
}

bool CommonOptions::chinese() const {
  if (!lang.empty()) return lang == "zh";
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0') return std::string_view(v).starts_with("zh");
  }
  return false;
}

bool CommonOptions::options(Options& out) const {
  out = Options{};
  if (rounding == "truncate") out.rounding = RoundingPolicy::Truncate;
  else if (rounding == "half-up") out.rounding = RoundingPolicy::HalfUp;
  else out.rounding = RoundingPolicy::Auto;
  return true;
}

ReportStyle CommonOptions::style(bool to_terminal) const {
  ReportStyle s;
  s.chinese = chinese();
  const char* no_color = std::getenv("NO_COLOR");
  const bool no = no_color != nullptr && *no_color != '\0';
  if (color == "always") s.color = true;
  else if (color == "never") s.color = false;
  else s.color = to_terminal && !no;
  return s;
}

}  // namespace pes::cli
