#include "layout_text.h"

#include <array>
#include <utility>

#include "pes/decimal.h"

namespace pes::layout {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // U+3000 ideographic space at either end
  while (s.starts_with("\xE3\x80\x80")) s.remove_prefix(3);
  while (s.ends_with("\xE3\x80\x80")) s.remove_suffix(3);
  return s;
}

// TeX commands extraction tools write for the signs the forms use.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTex = {{
    {"\\geqslant", "≥"},
    {"\\leqslant", "≤"},
    {"\\geq", "≥"},
    {"\\leq", "≤"},
    {"\\neq", "≠"},
    {"\\ge", "≥"},
    {"\\le", "≤"},
    {"\\ne", "≠"},
    {"\\gt", ">"},
    {"\\lt", "<"},
    {"\\times", "×"},
    {"\\%", "%"},
}};

std::string plain_math(std::string_view math) {
  std::string out;
  std::size_t i = 0;
  while (i < math.size()) {
    if (is_space(math[i])) {
      ++i;
      continue;
    }
    bool replaced = false;
    if (math[i] == '\\') {
      for (const auto& [tex, sign] : kTex) {
        if (math.substr(i).starts_with(tex)) {
          out += sign;
          i += tex.size();
          replaced = true;
          break;
        }
      }
      if (!replaced) {  // an unknown command: keep what follows the backslash
        ++i;
        continue;
      }
    } else if (math[i] == '{' || math[i] == '}') {
      ++i;
      continue;
    } else {
      out += math[i++];
    }
  }
  return out;
}

bool ascii_word(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string clean_cell(std::string_view text) {
  text = trim(text);
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('$', i);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find('$', open + 1);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    out += plain_math(text.substr(open + 1, close - open - 1));
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

std::string strip_markup(std::string_view text) {
  std::string out;
  std::string piece;
  auto flush = [&] {
    const std::string_view kept = trim(piece);
    if (!kept.empty()) {
      if (!out.empty()) out += '\n';
      out.append(kept);
    }
    piece.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      const std::size_t end = text.find('>', i);
      if (end != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, end - i - 1);
        if (name == "p" || name == "/p" || name == "br" || name == "br/" || name == "br /" ||
            name.starts_with("p ")) {
          flush();
          i = end + 1;
          continue;
        }
      }
    }
    piece += text[i++];  // a literal "<", as in "<5%", stays
  }
  flush();
  return out;
}

void join_text(std::string& text, std::string_view more) {
  if (more.empty()) return;
  if (!text.empty() && ascii_word(text.back()) && ascii_word(more.front())) text += ' ';
  text.append(more);
}

bool is_number(std::string_view text) {
  if (text.empty()) return false;
  return Decimal::parse(text).value.has_value();
}

std::optional<std::string_view> stated_unit(std::string_view norm) {
  using sv = std::string_view;
  for (const auto& [unit, bracketed] :
       {std::pair{sv("万元"), sv("(万元)")}, std::pair{sv("元"), sv("(元)")}}) {
    // "(元)" whole, so that a name such as 元旦慰问 in brackets states no unit.
    if (norm.find(bracketed) != std::string_view::npos) return unit;
    for (std::size_t at = norm.find("单位:"); at != std::string_view::npos;
         at = norm.find("单位:", at + 1)) {
      if (norm.substr(at + std::string_view("单位:").size()).starts_with(unit)) return unit;
    }
  }
  return std::nullopt;
}

std::optional<int> year_in(std::string_view s) {
  for (std::size_t at = s.find("年度"); at != std::string_view::npos; at = s.find("年度", at + 1)) {
    if (at < 4) continue;
    const std::string_view digits = s.substr(at - 4, 4);
    bool ok = true;
    for (char c : digits) ok = ok && c >= '0' && c <= '9';
    if (at > 4 && s[at - 5] >= '0' && s[at - 5] <= '9') ok = false;
    if (ok) return std::stoi(std::string(digits));
  }
  return std::nullopt;
}

}  // namespace pes::layout
