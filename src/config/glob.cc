#include "pes/glob.h"

namespace pes {
namespace {

bool match(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.starts_with("**")) {
      std::string_view rest = p.substr(2);
      // "**/" also matches no directory at all.
      if (rest.starts_with('/')) {
        if (match(rest.substr(1), s)) return true;
      }
      if (rest.empty()) return true;
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (match(rest, s.substr(i))) return true;
      }
      return false;
    }
    if (p.front() == '*') {
      std::string_view rest = p.substr(1);
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (match(rest, s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') break;
      }
      return false;
    }
    if (s.empty()) return false;
    if (p.front() == '?') {
      if (s.front() == '/') return false;
      // One character: skip a whole UTF-8 sequence.
      std::size_t n = 1;
      while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xc0) == 0x80) ++n;
      p.remove_prefix(1);
      s.remove_prefix(n);
      continue;
    }
    if (p.front() != s.front()) return false;
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.starts_with("./")) pattern.remove_prefix(2);
  if (path.starts_with("./")) path.remove_prefix(2);
  return match(pattern, path);
}

}  // namespace pes
