#include "pes/suggest.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace pes {
namespace {

// The code points of UTF-8 text, ASCII letters lowered (a malformed byte counts as itself).
std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xe  ? 3
                    : (c >> 3) == 0x1e ? 4
                                       : 1;
    if (i + n > s.size()) n = 1;
    char32_t cp = n == 1 ? c : c & (0xff >> (n + 1));
    for (std::size_t k = 1; k < n; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    out.push_back(cp);
    i += n;
  }
  return out;
}

template <typename Names>
std::optional<std::string> closest(std::string_view word, const Names& names) {
  const std::size_t length = code_points(word).size();
  const std::size_t limit = std::max<std::size_t>(1, length / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& name : names) {
    const std::size_t d = edit_distance(word, name);
    if (d < best_distance && word != std::string_view(name)) {
      best_distance = d;
      best = std::string(name);
    }
  }
  return best;
}

}  // namespace

std::size_t edit_distance(std::string_view a_text, std::string_view b_text) {
  // Optimal string alignment distance over three rows.
  const std::vector<char32_t> a = code_points(a_text);
  const std::vector<char32_t> b = code_points(b_text);
  std::vector<std::size_t> before(b.size() + 1);
  std::vector<std::size_t> last(b.size() + 1);
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) last[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, last);
    std::swap(last, row);
  }
  return last[b.size()];
}

std::optional<std::string> closest_name(std::string_view word,
                                        std::span<const std::string_view> names) {
  return closest(word, names);
}

std::optional<std::string> closest_name(std::string_view word, std::span<const std::string> names) {
  return closest(word, names);
}

std::string did_you_mean(const std::optional<std::string>& name, bool chinese) {
  if (!name) return {};
  return chinese ? fmt::format("（是否想输入“{}”？）", *name)
                 : fmt::format(" (did you mean “{}”?)", *name);
}

}  // namespace pes
