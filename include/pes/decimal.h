// Exact fixed-point decimal numbers for money, rates, weights and scores.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pes {

__extension__ typedef __int128 int128;

/// How a value is brought to the 2 decimals a form shows.
enum class Rounding : std::uint8_t {
  Truncate,  ///< toward zero, as Excel's TRUNC (the seed forms' convention)
  HalfUp,    ///< half away from zero, as Excel's ROUND
};

/// The rounding that is not `r`.
constexpr Rounding other_rounding(Rounding r) {
  return r == Rounding::Truncate ? Rounding::HalfUp : Rounding::Truncate;
}

/// Why a text is not a number.
enum class DecimalError : std::uint8_t {
  Empty,        ///< nothing but white space
  Syntax,       ///< not a decimal number at all ("abc", "0x10", "NaN")
  Grouping,     ///< a comma that is not a thousands separator ("19,80")
  TooPrecise,   ///< more than Decimal::kDigits significant decimals
  TooLarge,     ///< magnitude of 10^18 or more
};

/// A decimal number held exactly as an integer count of 10^-6 units, plus the
/// number of decimals it was written with (so "9.80" prints back as "9.80").
class Decimal {
 public:
  static constexpr int kDigits = 6;
  static constexpr std::int64_t kUnit = 1'000'000;

  constexpr Decimal() = default;

  /// Whole number `v`, written with `digits` decimals.
  static constexpr Decimal of(std::int64_t v, int digits = 0) {
    return Decimal(static_cast<int128>(v) * kUnit, digits);
  }
  /// The value `units` × 10^-6.
  static constexpr Decimal from_units(int128 units, int digits) { return Decimal(units, digits); }

  /// Parses text as people type numbers: optional sign, thousands separators in
  /// groups of three, a decimal point, an exponent, surrounding white space and a
  /// trailing percent sign ("3,827.50", " 98.48% ").
  struct Parsed;
  static Parsed parse(std::string_view text);

  constexpr int128 units() const { return units_; }
  constexpr int digits() const { return digits_; }
  constexpr bool is_zero() const { return units_ == 0; }
  constexpr bool is_negative() const { return units_ < 0; }
  /// True if the value has no more than `digits` decimals.
  bool fits(int digits) const;

  /// The same value, shown with `digits` decimals (at least as many as it needs).
  Decimal with_digits(int digits) const;
  /// The value rounded to `digits` decimals.
  Decimal round(int digits, Rounding rule) const;

  /// The value as text, with the decimals it was written or computed with.
  std::string str() const;

  friend constexpr bool operator==(Decimal a, Decimal b) { return a.units_ == b.units_; }
  friend constexpr std::strong_ordering operator<=>(Decimal a, Decimal b) {
    return a.units_ <=> b.units_;
  }
  friend Decimal operator+(Decimal a, Decimal b);
  friend Decimal operator-(Decimal a, Decimal b);

 private:
  constexpr Decimal(int128 units, int digits)
      : units_(units), digits_(static_cast<std::int8_t>(digits)) {}
  int128 units_ = 0;
  std::int8_t digits_ = 0;
};

/// The result of Decimal::parse: a value, or why there is none.
struct Decimal::Parsed {
  std::optional<Decimal> value;
  DecimalError error = DecimalError::Syntax;
};

/// a × b ÷ c, exactly, then rounded once to `digits` decimals. Empty when c is
/// zero or an intermediate product would overflow (values beyond any real form).
std::optional<Decimal> mul_div(Decimal a, Decimal b, Decimal c, int digits, Rounding rule);

/// Lower of two values.
inline Decimal min(Decimal a, Decimal b) { return b < a ? b : a; }

}  // namespace pes
