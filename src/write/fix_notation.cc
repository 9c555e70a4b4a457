#include "write/fix_notation.h"

#include "pes/decimal.h"
#include "pes/text.h"

namespace pes {
namespace {

// The ASCII form of a full-width character at the start of `s` (3 bytes in UTF-8), if any.
std::optional<char> ascii_of(std::string_view s) {
  if (s.size() < 3) return std::nullopt;
  const auto b0 = static_cast<unsigned char>(s[0]);
  const auto b1 = static_cast<unsigned char>(s[1]);
  const auto b2 = static_cast<unsigned char>(s[2]);
  if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return ' ';  // U+3000 ideographic space
  if (b0 != 0xEF) return std::nullopt;
  // U+FF01..U+FF5E are ASCII 0x21..0x7E shifted: EF BC 81..BF, EF BD 80..9E.
  unsigned code = 0;
  if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {
    code = 0xFF00u + (b2 - 0x80u);
  } else if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
    code = 0xFF40u + (b2 - 0x80u);
  } else {
    return std::nullopt;
  }
  const char c = static_cast<char>(code - 0xFF00u + 0x20u);
  if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '%' || c == '+' || c == '-') return c;
  return std::nullopt;
}

}  // namespace

std::string ascii_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (const auto c = ascii_of(text.substr(i))) {
      out += *c;
      i += 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::optional<std::string> normal_number(std::string_view text) {
  const Decimal::Parsed p = Decimal::parse(ascii_digits(text));
  if (!p.value) return std::nullopt;
  return p.value->str();
}

std::optional<std::string> normal_year(std::string_view text) {
  const std::string ascii = ascii_digits(text);
  std::string_view s = trim_ascii(ascii);
  if (s.ends_with("年度")) {
    s.remove_suffix(6);
  } else if (s.ends_with("年")) {
    s.remove_suffix(3);
  }
  s = trim_ascii(s);
  if (s.size() != 4 || s[0] == '0') return std::nullopt;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::string(s);
}

}  // namespace pes
