#include "pes/text.h"

#include <fmt/format.h>

namespace pes {

std::string shorten(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
    ++chars;
  }
  return std::string(text);
}

std::size_t first_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned lo = 0x80;
    unsigned hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return n;
}

bool has_extension(std::string_view path, std::string_view ext) {
  if (path.size() <= ext.size() || path[path.size() - ext.size() - 1] != '.') return false;
  for (std::size_t i = 0; i < ext.size(); ++i) {
    char c = path[path.size() - ext.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != ext[i]) return false;
  }
  return true;
}

std::string display_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  while (!path.empty()) {
    const std::size_t bad = first_invalid_utf8(path);
    for (std::size_t i = 0; i < bad; ++i) {
      const auto c = static_cast<unsigned char>(path[i]);
      if (c < 0x20 || c == 0x7F) {
        out += "\xEF\xBF\xBD";  // U+FFFD
      } else {
        out += path[i];
      }
    }
    if (bad == path.size()) break;
    out += "\xEF\xBF\xBD";  // U+FFFD
    path.remove_prefix(bad + 1);
  }
  return out;
}

std::string_view trim_ascii(std::string_view s) {
  // A loop rather than find_first_not_of, which searches the set once per byte.
  const auto white = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t first = 0;
  std::size_t last = s.size();
  while (first < last && white(s[first])) ++first;
  while (last > first && white(s[last - 1])) --last;
  return s.substr(first, last - first);
}

std::string counted(std::uint64_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace pes
