#include "write/text_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace pes {
namespace {

constexpr std::size_t kContext = 3;

// The lines of a text, each with its line end ("\n", or none for the last).
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    out.push_back(text.substr(at, next - at));
    at = next;
  }
  return out;
}

// A run of changed lines: old [a, a + n), new [b, b + m).
struct Block {
  std::size_t a = 0;
  std::size_t n = 0;
  std::size_t b = 0;
  std::size_t m = 0;
};

void line(std::string& out, char mark, std::string_view text) {
  out += mark;
  out.append(text);
  if (!text.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name) {
  if (before == after) return {};
  const std::vector<std::string_view> old_lines = lines_of(before);
  const std::vector<std::string_view> new_lines = lines_of(after);
  std::vector<Block> blocks;
  if (old_lines.size() == new_lines.size()) {
    // Values change within their lines: the lines pair up one to one.
    for (std::size_t i = 0; i < old_lines.size(); ++i) {
      if (old_lines[i] == new_lines[i]) continue;
      if (!blocks.empty() && blocks.back().a + blocks.back().n == i) {
        ++blocks.back().n;
        ++blocks.back().m;
      } else {
        blocks.push_back({i, 1, i, 1});
      }
    }
  } else {
    // A changed value spanned lines: one block between the common beginning and end.
    std::size_t head = 0;
    while (head < old_lines.size() && head < new_lines.size() &&
           old_lines[head] == new_lines[head]) {
      ++head;
    }
    std::size_t tail = 0;
    while (tail < old_lines.size() - head && tail < new_lines.size() - head &&
           old_lines[old_lines.size() - 1 - tail] == new_lines[new_lines.size() - 1 - tail]) {
      ++tail;
    }
    blocks.push_back({head, old_lines.size() - head - tail, head, new_lines.size() - head - tail});
  }

  std::string out = fmt::format("--- {}\n+++ {}\n", name, name);
  for (std::size_t k = 0; k < blocks.size();) {
    // Blocks whose contexts touch share a hunk.
    std::size_t last = k;
    while (last + 1 < blocks.size() &&
           blocks[last + 1].a <= blocks[last].a + blocks[last].n + 2 * kContext) {
      ++last;
    }
    const std::size_t a0 = blocks[k].a > kContext ? blocks[k].a - kContext : 0;
    const std::size_t b0 = blocks[k].b - (blocks[k].a - a0);
    const std::size_t a1 = std::min(old_lines.size(), blocks[last].a + blocks[last].n + kContext);
    const std::size_t b1 = b0 + (a1 - a0) - [&] {
      std::size_t removed = 0;
      for (std::size_t i = k; i <= last; ++i) removed += blocks[i].n;
      return removed;
    }() + [&] {
      std::size_t added = 0;
      for (std::size_t i = k; i <= last; ++i) added += blocks[i].m;
      return added;
    }();
    auto range = [](std::size_t start, std::size_t count) {
      if (count == 1) return fmt::format("{}", start + 1);
      return fmt::format("{},{}", count == 0 ? start : start + 1, count);
    };
    out += fmt::format("@@ -{} +{} @@\n", range(a0, a1 - a0), range(b0, b1 - b0));
    std::size_t a = a0;
    for (std::size_t i = k; i <= last; ++i) {
      for (; a < blocks[i].a; ++a) line(out, ' ', old_lines[a]);
      for (std::size_t j = 0; j < blocks[i].n; ++j) line(out, '-', old_lines[blocks[i].a + j]);
      for (std::size_t j = 0; j < blocks[i].m; ++j) line(out, '+', new_lines[blocks[i].b + j]);
      a = blocks[i].a + blocks[i].n;
    }
    for (; a < a1; ++a) line(out, ' ', old_lines[a]);
    k = last + 1;
  }
  return out;
}

}  // namespace pes
