#include "pes/decimal.h"

#include <array>
#include <cstdint>
#include <cstdlib>

namespace pes {
namespace {

constexpr int kMaxIntegerDigits = 18;

// 10^0 .. 10^38, all that an int128 holds.
constexpr std::array<int128, 39> kPow10 = [] {
  std::array<int128, 39> t{};
  t[0] = 1;
  for (std::size_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] * 10;
  return t;
}();

// As the loop it replaces: 1 for n ≤ 0.
constexpr int128 pow10(int n) {
  return n <= 0 ? 1 : kPow10[static_cast<std::size_t>(n < 38 ? n : 38)];
}

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Strips ASCII white space, U+3000 (ideographic space) and U+00A0 (no-break space).
std::string_view trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) {
      s.remove_prefix(1);
    } else if (s.starts_with("\u3000")) {
      s.remove_prefix(3);
    } else if (s.starts_with("\u00a0")) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) {
      s.remove_suffix(1);
    } else if (s.ends_with("\u3000")) {
      s.remove_suffix(3);
    } else if (s.ends_with("\u00a0")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether v fits a 64-bit integer with room to negate it: then 64-bit division does, where
// 128-bit division is a library call.
constexpr bool small(int128 v) { return v > INT64_MIN && v <= INT64_MAX; }

// Divides n by d (d ≠ 0) with the given rounding, sign-aware.
int128 divide(int128 n, int128 d, Rounding rule) {
  const bool negative = (n < 0) != (d < 0);
  if (small(n) && small(d)) {
    const auto an = static_cast<std::uint64_t>(n < 0 ? -n : n);
    const auto ad = static_cast<std::uint64_t>(d < 0 ? -d : d);
    std::uint64_t q = an / ad;
    if (rule == Rounding::HalfUp && (an % ad) * 2 >= ad) ++q;
    return negative ? -static_cast<int128>(q) : static_cast<int128>(q);
  }
  const int128 an = n < 0 ? -n : n;
  const int128 ad = d < 0 ? -d : d;
  int128 q = an / ad;
  const int128 r = an % ad;
  if (rule == Rounding::HalfUp && r * 2 >= ad) ++q;
  return negative ? -q : q;
}

// v mod m (m > 0), in 64 bits when v fits.
int128 remainder(int128 v, int128 m) {
  if (small(v) && small(m)) return static_cast<std::int64_t>(v) % static_cast<std::int64_t>(m);
  return v % m;
}

// A plain number, as JSON and most cells write one: an optional minus, 1 to 18 digits with at
// most one point after the first, at most kDigits decimals ("19.80", "100", "-0.5", "5.").
// Anything else (white space, a sign or a point first, a percent sign, commas, an exponent,
// more digits) is left to the general parser, which gives the same value for these.
std::optional<Decimal> parse_plain(std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  if (p == end || !is_digit(*p) || end - p > kMaxIntegerDigits + 1) return std::nullopt;
  std::uint64_t mantissa = 0;
  int digits = 0;
  int fraction = -1;  // digits after the point; -1 before it
  for (; p != end; ++p) {
    const char c = *p;
    if (is_digit(c)) {
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
      ++digits;
      if (fraction >= 0) ++fraction;
    } else if (c == '.' && fraction < 0) {
      fraction = 0;
    } else {
      return std::nullopt;
    }
  }
  if (fraction < 0) fraction = 0;
  if (digits > kMaxIntegerDigits || fraction > Decimal::kDigits) return std::nullopt;
  const int128 units = static_cast<int128>(mantissa) * pow10(Decimal::kDigits - fraction);
  return Decimal::from_units(negative ? -units : units, fraction);
}

}  // namespace

Decimal::Parsed Decimal::parse(std::string_view text) {
  if (const std::optional<Decimal> plain = parse_plain(text)) return {plain, DecimalError::Syntax};
  std::string_view s = trim(text);
  if (s.ends_with("%")) {
    s.remove_suffix(1);
    s = trim(s);
  } else if (s.ends_with("\uff05")) {  // full-width percent sign
    s.remove_suffix(3);
    s = trim(s);
  }
  if (s.empty()) return {std::nullopt, DecimalError::Empty};

  bool negative = false;
  if (s.front() == '+' || s.front() == '-') {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }

  // Integer part, with optional thousands separators.
  int128 mantissa = 0;
  int significant = 0;  // integer digits after leading zeros
  std::size_t i = 0;
  int group = 0;         // digits since the last comma
  bool grouped = false;  // a comma was seen
  bool any_digit = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (is_digit(c)) {
      any_digit = true;
      ++group;
      if (mantissa != 0 || c != '0') ++significant;
      if (significant > kMaxIntegerDigits + 8) return {std::nullopt, DecimalError::TooLarge};
      mantissa = mantissa * 10 + (c - '0');
    } else if (c == ',') {
      // The first group has 1 to 3 digits, every later one exactly 3.
      if (group == 0 || group > 3 || (grouped && group != 3)) {
        return {std::nullopt, DecimalError::Grouping};
      }
      grouped = true;
      group = 0;
    } else {
      break;
    }
  }
  if (grouped && group != 3) return {std::nullopt, DecimalError::Grouping};

  // Fraction.
  int fraction_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      any_digit = true;
      if (fraction_digits >= 40) return {std::nullopt, DecimalError::TooPrecise};
      if (mantissa > pow10(36)) return {std::nullopt, DecimalError::TooLarge};
      mantissa = mantissa * 10 + (s[i] - '0');
      ++fraction_digits;
    }
  }
  if (!any_digit) return {std::nullopt, DecimalError::Syntax};

  // Exponent.
  int exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      exp_negative = s[i] == '-';
      ++i;
    }
    if (i >= s.size() || !is_digit(s[i])) return {std::nullopt, DecimalError::Syntax};
    for (; i < s.size() && is_digit(s[i]); ++i) {
      if (exponent < 100000) exponent = exponent * 10 + (s[i] - '0');
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != s.size()) return {std::nullopt, DecimalError::Syntax};

  // value = mantissa × 10^(exponent − fraction_digits); bring it to 10^-6 units.
  int shift = exponent - fraction_digits + kDigits;
  int written = fraction_digits - exponent;
  if (written < 0) written = 0;
  if (shift < 0) {
    // Drop trailing zeros that lie beyond the sixth decimal.
    while (shift < 0 && mantissa % 10 == 0 && mantissa != 0) {
      mantissa /= 10;
      ++shift;
    }
    if (shift < 0 && mantissa != 0) return {std::nullopt, DecimalError::TooPrecise};
    shift = 0;
  }
  if (written > kDigits) written = kDigits;
  if (mantissa != 0) {
    // mantissa × 10^shift must stay below 10^(18 + 6) units.
    constexpr int kLimit = kMaxIntegerDigits + kDigits;
    if (shift > kLimit || mantissa >= pow10(kLimit - shift)) {
      return {std::nullopt, DecimalError::TooLarge};
    }
    mantissa *= pow10(shift);
  }
  return {Decimal(negative ? -mantissa : mantissa, written), DecimalError::Syntax};
}

bool Decimal::fits(int digits) const { return remainder(units_, pow10(kDigits - digits)) == 0; }

Decimal Decimal::with_digits(int digits) const {
  int d = digits;
  while (d < kDigits && !fits(d)) ++d;
  return Decimal(units_, d);
}

Decimal Decimal::round(int digits, Rounding rule) const {
  const int128 step = pow10(kDigits - digits);
  return Decimal(divide(units_, step, rule) * step, digits);
}

std::string Decimal::str() const {
  const Decimal shown = with_digits(digits_);
  const bool negative = shown.units_ < 0;
  int128 v = negative ? -shown.units_ : shown.units_;
  // Written backwards into a buffer: the decimals, the point, the whole part, the sign.
  std::array<char, 48> buffer{};
  char* p = buffer.data() + buffer.size();
  auto frac = static_cast<std::uint32_t>(remainder(v, kUnit));  // below 10^6
  for (int k = kDigits; k > shown.digits_; --k) frac /= 10;
  for (int k = 0; k < shown.digits_; ++k) {
    *--p = static_cast<char>('0' + frac % 10);
    frac /= 10;
  }
  if (shown.digits_ > 0) *--p = '.';
  int128 whole = small(v) ? static_cast<std::int64_t>(v) / kUnit : v / kUnit;
  if (whole <= static_cast<int128>(UINT64_MAX)) {  // always, for a parsed value: 64-bit division
    auto w = static_cast<std::uint64_t>(whole);
    do {
      *--p = static_cast<char>('0' + w % 10);
      w /= 10;
    } while (w != 0);
  } else {
    do {
      *--p = static_cast<char>('0' + static_cast<int>(whole % 10));
      whole /= 10;
    } while (whole != 0);
  }
  if (negative) *--p = '-';
  return std::string(p, static_cast<std::size_t>(buffer.data() + buffer.size() - p));
}

Decimal operator+(Decimal a, Decimal b) {
  return Decimal(a.units_ + b.units_, a.digits_ > b.digits_ ? a.digits_ : b.digits_);
}

Decimal operator-(Decimal a, Decimal b) {
  return Decimal(a.units_ - b.units_, a.digits_ > b.digits_ ? a.digits_ : b.digits_);
}

std::optional<Decimal> mul_div(Decimal a, Decimal b, Decimal c, int digits, Rounding rule) {
  if (c.is_zero()) return std::nullopt;
  // result × 10^digits = a·b·10^digits ÷ (c·10^6), all in units.
  int128 num = 0;
  int128 den = 0;
  // Below 2^53 units each (9·10^9 as a value), a·b·10^digits cannot overflow: the checks
  // below are left out. When b is whole (100, a weight of 10), the 10^6 of its units cancels
  // the divisor's: the same quotient, from numbers small enough for 64-bit division.
  constexpr int128 kSafe = int128{1} << 53;
  const bool safe = a.units() > -kSafe && a.units() < kSafe && b.units() > -kSafe &&
                    b.units() < kSafe && small(c.units()) && digits >= 0 &&
                    digits <= Decimal::kDigits;
  if (safe && static_cast<std::int64_t>(b.units()) % Decimal::kUnit == 0) {
    num = a.units() * (static_cast<std::int64_t>(b.units()) / Decimal::kUnit) * pow10(digits);
    den = c.units();
  } else if (safe) {
    num = a.units() * b.units() * pow10(digits);
    den = c.units() * Decimal::kUnit;
  } else {
    if (__builtin_mul_overflow(a.units(), b.units(), &num)) return std::nullopt;
    if (__builtin_mul_overflow(num, pow10(digits), &num)) return std::nullopt;
    if (__builtin_mul_overflow(c.units(), static_cast<int128>(Decimal::kUnit), &den)) {
      return std::nullopt;
    }
  }
  const int128 q = divide(num, den, rule);
  return Decimal::from_units(q * pow10(Decimal::kDigits - digits), digits);
}

}  // namespace pes
