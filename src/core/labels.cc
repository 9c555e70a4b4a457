#include "pes/labels.h"

#include <array>
#include <cstdint>

namespace pes {

std::string normalize_label(std::string_view text) {
  // Most labels have nothing to fold: no ASCII white space and no lead byte of U+00A0, U+3000
  // or the full-width forms.
  bool plain = true;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xC2 || c == 0xE3 || c == 0xEF) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(text);
  std::string out;
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
  return out;
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

}  // namespace

std::optional<Level1> find_level1(std::string_view normalized) {
  for (const auto& e : kLevel1) {
    if (e.name == normalized) return e.id;
  }
  return std::nullopt;
}

unsigned level2_parents(std::string_view normalized) {
  for (const auto& e : kLevel2) {
    if (e.name == normalized) return e.parents;
  }
  return 0;
}

std::string_view level1_label(Level1 l) { return kLevel1[static_cast<std::size_t>(l)].name; }

std::optional<int> level1_suggested_weight(Level1 l) {
  return kLevel1[static_cast<std::size_t>(l)].weight;
}

}  // namespace pes
