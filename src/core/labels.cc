#include "pes/labels.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace pes {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101u;
constexpr std::uint64_t kHighs = 0x8080808080808080u;

// Nonzero if a byte of the word is below n (n ≤ 128); if a byte equals b.
constexpr std::uint64_t any_below(std::uint64_t word, std::uint64_t n) {
  return (word - kOnes * n) & ~word & kHighs;
}
constexpr std::uint64_t any_equal(std::uint64_t word, std::uint64_t b) {
  return any_below(word ^ (kOnes * b), 1);
}

// Whether any of the word's eight bytes may start something fold() acts on (ASCII white space,
// or the lead byte of U+00A0 (C2), U+3000 (E3) or a full-width form (EF)), or is a control
// character.
constexpr bool may_fold_any(std::uint64_t word) {
  return (any_below(word, 0x21) | any_equal(word, 0xC2) | any_equal(word, 0xE3) |
          any_equal(word, 0xEF)) != 0;
}

// Whether fold() removes or folds what starts at s[i]: exactly the cases it acts on, so that
// CJK punctuation (、。《》 after an E3 byte) and other signs stay plain.
bool folds_at(const unsigned char* s, std::size_t n, std::size_t i) {
  const unsigned c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return true;
  if (c < 0xC2) return false;
  if (c == 0xC2) return i + 1 < n && s[i + 1] == 0xA0;                      // U+00A0
  if (c == 0xE3) return i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80;  // U+3000
  if (c == 0xEF) {                                                          // U+FF01..U+FF5E
    return i + 2 < n && ((s[i + 1] == 0xBC && s[i + 2] >= 0x81 && s[i + 2] <= 0xBF) ||
                         (s[i + 1] == 0xBD && s[i + 2] >= 0x80 && s[i + 2] <= 0x9E));
  }
  return false;
}

// normalize_label() of text that is not plain, into out.
void fold(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      i += 2;  // U+00A0
      continue;
    }
    if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x80) {
      i += 3;  // U+3000
      continue;
    }
    // U+FF01..U+FF5E (EF BC 81 .. EF BD 9E) fold to U+0021..U+007E.
    if (c == 0xEF && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      std::uint32_t cp = 0;
      if ((b1 == 0xBC || b1 == 0xBD) && (b2 & 0xC0) == 0x80) {
        cp = 0xF000u | (static_cast<std::uint32_t>(b1 & 0x3F) << 6) | (b2 & 0x3Fu);
      }
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
        i += 3;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
}

}  // namespace

bool is_plain_label(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  // Eight bytes at a time: most words have no byte that may start a fold (CJK characters lead
  // with E4..E9), and only the bytes of a word that has one are looked at one by one.
  std::size_t at = 0;
  for (; at + 8 <= n; at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, s + at, 8);
    if (!may_fold_any(word)) continue;
    for (std::size_t i = at; i < at + 8; ++i) {
      if (folds_at(s, n, i)) return false;
    }
  }
  for (; at < n; ++at) {
    if (folds_at(s, n, at)) return false;
  }
  return true;
}

std::string normalize_label(std::string_view text) {
  if (is_plain_label(text)) return std::string(text);
  std::string out;
  fold(text, out);
  return out;
}

std::string_view normalize_label(std::string_view text, std::string& scratch) {
  if (is_plain_label(text)) return text;
  fold(text, scratch);
  return scratch;
}

bool is_blank_label(std::string_view text) {
  // Blank when fold() removes every character: white space, U+00A0 and U+3000 only (a
  // full-width form folds to a visible ASCII character). Most labels end the loop at once.
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
      i += 2;
    } else if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

namespace {

struct Level1Entry {
  Level1 id;
  std::string_view name;
  std::optional<int> weight;
};
constexpr std::array<Level1Entry, 4> kLevel1 = {{
    {Level1::Output, "产出指标", 50},
    {Level1::Benefit, "效益指标", 30},
    {Level1::Satisfaction, "满意度指标", 10},
    {Level1::Cost, "成本指标", std::nullopt},
}};

constexpr unsigned bit(Level1 l) { return 1u << static_cast<unsigned>(l); }

struct Level2Entry {
  std::string_view name;
  unsigned parents;
};
constexpr std::array<Level2Entry, 12> kLevel2 = {{
    {"数量指标", bit(Level1::Output)},
    {"质量指标", bit(Level1::Output)},
    {"时效指标", bit(Level1::Output)},
    // Older templates list cost under 产出; newer ones make it a level 1 of its own.
    {"成本指标", bit(Level1::Output) | bit(Level1::Cost)},
    {"经济效益指标", bit(Level1::Benefit)},
    {"社会效益指标", bit(Level1::Benefit)},
    {"生态效益指标", bit(Level1::Benefit)},
    {"可持续影响指标", bit(Level1::Benefit)},
    {"服务对象满意度指标", bit(Level1::Satisfaction)},
    {"经济成本指标", bit(Level1::Cost)},
    {"社会成本指标", bit(Level1::Cost)},
    {"生态环境成本指标", bit(Level1::Cost)},
}};

std::optional<Level1> exact_level1(std::string_view label) {
  for (const auto& e : kLevel1) {
    if (e.name == label) return e.id;
  }
  return std::nullopt;
}

unsigned exact_level2_parents(std::string_view label) {
  for (const auto& e : kLevel2) {
    if (e.name == label) return e.parents;
  }
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Splits a weight printed at the end of a normalized label: "产出指标(50分)", "(50)",
// "产出指标50分". Returns the name before it, and sets `weight`.
std::string_view split_weight(std::string_view s, std::optional<Decimal>& weight) {
  std::string_view number;
  std::string_view name = s;
  if (s.ends_with(")")) {
    const std::size_t open = s.rfind('(');
    if (open == std::string_view::npos) return s;
    number = s.substr(open + 1, s.size() - open - 2);
    if (number.ends_with("分")) number.remove_suffix(std::string_view("分").size());
    name = s.substr(0, open);
  } else if (s.ends_with("分")) {
    std::string_view rest = s.substr(0, s.size() - std::string_view("分").size());
    std::size_t start = rest.size();
    while (start > 0 && (is_digit(rest[start - 1]) || rest[start - 1] == '.')) --start;
    number = rest.substr(start);
    name = rest.substr(0, start);
  } else {
    return s;
  }
  if (number.empty() || !is_digit(number.front())) return s;
  for (char c : number) {
    if (!is_digit(c) && c != '.') return s;
  }
  const auto parsed = Decimal::parse(number);
  if (!parsed.value) return s;
  weight = parsed.value;
  return name;
}

// A normalized level-2 label without what templates print beside the standard name: a
// weight, a trailing 等 ("服务对象满意度指标等").
std::string_view level2_name(std::string_view s) {
  std::optional<Decimal> weight;
  s = split_weight(s, weight);
  if (s.ends_with("等")) s.remove_suffix(std::string_view("等").size());
  return s;
}

}  // namespace

Level1Label parse_level1(std::string_view label) {
  Level1Label out;
  if (const auto l = exact_level1(label)) {  // the common case: the standard name as it is
    out.name = std::string(label);
    out.category = l;
    return out;
  }
  std::string scratch;
  const std::string_view s = normalize_label(label, scratch);
  out.name = std::string(split_weight(s, out.declared));
  out.category = exact_level1(out.name);
  return out;
}

// Labels are matched on their exact bytes first: forms write the standard names as they are.
// Only a label that misses is normalized, its weight set aside, and matched again.
std::optional<Level1> find_level1(std::string_view label) {
  if (const auto l = exact_level1(label)) return l;
  return parse_level1(label).category;
}

unsigned level2_parents(std::string_view label) {
  if (const unsigned p = exact_level2_parents(label)) return p;
  std::string scratch;
  return exact_level2_parents(level2_name(normalize_label(label, scratch)));
}

std::optional<Level1> only_parent(std::string_view level2) {
  const unsigned p = level2_parents(level2);
  if (p == 0 || (p & (p - 1)) != 0) return std::nullopt;
  for (const auto& e : kLevel1) {
    if (p == bit(e.id)) return e.id;
  }
  return std::nullopt;
}

std::string_view suggest_category(std::string_view label) {
  std::string scratch;
  std::string name(level2_name(normalize_label(label, scratch)));
  if (name.empty() || name.ends_with("指标")) return {};
  name += "指标";
  for (const auto& e : kLevel1) {
    if (e.name == name) return e.name;
  }
  for (const auto& e : kLevel2) {
    if (e.name == name) return e.name;
  }
  return {};
}

std::string_view level1_label(Level1 l) { return kLevel1[static_cast<std::size_t>(l)].name; }

std::optional<int> level1_suggested_weight(Level1 l) {
  return kLevel1[static_cast<std::size_t>(l)].weight;
}

}  // namespace pes
