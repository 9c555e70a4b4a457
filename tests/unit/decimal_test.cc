#include "pes/decimal.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

using pes::Decimal;
using pes::DecimalError;
using pes::Rounding;

namespace {
Decimal d(const char* text) {
  auto p = Decimal::parse(text);
  REQUIRE(p.value.has_value());
  return *p.value;
}
}  // namespace

TEST_CASE("decimals parse as people type them", "[decimal]") {
  struct Case {
    const char* text;
    const char* shown;
  };
  const Case cases[] = {
      {"9.80", "9.80"},         {"0", "0"},                 {"0.00", "0.00"},
      {"3,827.50", "3827.50"},  {"1,234,567", "1234567"},   {" 9.84 ", "9.84"},
      {"98.48%", "98.48"},      {"98.48 ％", "98.48"},      {"-12.5", "-12.5"},
      {"+7", "7"},              {".5", "0.5"},              {"5.", "5"},
      {"0.000001", "0.000001"}, {"1e2", "100"},             {"1.50E1", "15.0"},
      {"2.5e-3", "0.0025"},     {"\u30009.84\u3000", "9.84"}, {"-0", "0"},
      {"1.2300000000", "1.230000"}, {"999999999999999999", "999999999999999999"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(d(c.text).str() == c.shown);
  }
}

TEST_CASE("decimals refuse what is not a number", "[decimal]") {
  struct Case {
    const char* text;
    DecimalError error;
  };
  const Case cases[] = {
      {"", DecimalError::Empty},          {"   ", DecimalError::Empty},
      {"abc", DecimalError::Syntax},      {"0x10", DecimalError::Syntax},
      {"NaN", DecimalError::Syntax},      {"Infinity", DecimalError::Syntax},
      {"1e", DecimalError::Syntax},       {"9.8.4", DecimalError::Syntax},
      {"19,80", DecimalError::Grouping},  {"1,2345", DecimalError::Grouping},
      {",100", DecimalError::Grouping},   {"1234,567", DecimalError::Grouping},
      {"1,234,56", DecimalError::Grouping}, {"0.0000001", DecimalError::TooPrecise},
      {"1e400", DecimalError::TooLarge},  {"1000000000000000000", DecimalError::TooLarge},
      {"-", DecimalError::Syntax},        {"%", DecimalError::Empty},
      // Found by fuzzing: the exponent must not overflow the 128-bit mantissa.
      {"2000500816020104E20", DecimalError::TooLarge}, {"1e24", DecimalError::TooLarge},
      {"1000000000000000000000000e-6", DecimalError::TooLarge},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto p = Decimal::parse(c.text);
    CHECK_FALSE(p.value.has_value());
    CHECK(p.error == c.error);
  }
}

TEST_CASE("comparison ignores how many decimals were written", "[decimal]") {
  CHECK(d("9.80") == d("9.8"));
  CHECK(d("10") == Decimal::of(10, 2));
  CHECK(d("89.99") < d("90"));
  CHECK(d("-0.01") < d("0"));
}

TEST_CASE("rounding to two decimals: truncation and half-up", "[decimal]") {
  CHECK(d("98.484848").round(2, Rounding::Truncate).str() == "98.48");
  CHECK(d("98.484848").round(2, Rounding::HalfUp).str() == "98.48");
  CHECK(d("9.848484").round(2, Rounding::Truncate).str() == "9.84");
  CHECK(d("9.848484").round(2, Rounding::HalfUp).str() == "9.85");
  CHECK(d("4.515").round(2, Rounding::HalfUp).str() == "4.52");
  CHECK(d("4.514999").round(2, Rounding::HalfUp).str() == "4.51");
  CHECK(d("-4.515").round(2, Rounding::HalfUp).str() == "-4.52");
  CHECK(d("-4.519").round(2, Rounding::Truncate).str() == "-4.51");
}

TEST_CASE("exact ratios: the cases binary floating point gets wrong", "[decimal]") {
  // In double, 9.70 ÷ 10.00 × 10 × 100 is 969.999…, which truncates to 9.69.
  CHECK(pes::mul_div(d("9.70"), d("10"), d("10.00"), 2, Rounding::Truncate)->str() == "9.70");
  CHECK(pes::mul_div(d("0.29"), d("100"), d("1"), 2, Rounding::Truncate)->str() == "29.00");
  CHECK(pes::mul_div(d("1.15"), d("100"), d("1"), 2, Rounding::Truncate)->str() == "115.00");
  // Seed form 1: 19.50 ÷ 19.80 × 100 = 98.4848…
  CHECK(pes::mul_div(d("19.50"), d("100"), d("19.80"), 2, Rounding::Truncate)->str() == "98.48");
  // Seed form 6: 3533.88 ÷ 3602.50 × 10 = 9.8095…
  CHECK(pes::mul_div(d("3533.88"), d("10"), d("3602.50"), 2, Rounding::Truncate)->str() == "9.80");
  CHECK(pes::mul_div(d("3533.88"), d("10"), d("3602.50"), 2, Rounding::HalfUp)->str() == "9.81");
  // Another district's 2022 form: 9,034 ÷ 20,000 × 10 = 4.517 → 4.52 half-up.
  CHECK(pes::mul_div(d("9034"), d("10"), d("20000"), 2, Rounding::HalfUp)->str() == "4.52");
  // 215,457.6 ÷ 250,000 = 86.18304% by either rounding.
  CHECK(pes::mul_div(d("215457.6"), d("100"), d("250000"), 2, Rounding::HalfUp)->str() == "86.18");
  CHECK(pes::mul_div(d("215457.6"), d("100"), d("250000"), 2, Rounding::Truncate)->str() == "86.18");
}

TEST_CASE("mul_div refuses division by zero and overflow", "[decimal]") {
  CHECK_FALSE(pes::mul_div(d("1"), d("1"), d("0"), 2, Rounding::Truncate).has_value());
  const Decimal huge = d("999999999999999999.999999");
  CHECK_FALSE(pes::mul_div(huge, huge, d("1"), 2, Rounding::Truncate).has_value());
}

TEST_CASE("with_digits keeps every decimal the value needs", "[decimal]") {
  CHECK(d("9.8").with_digits(2).str() == "9.80");
  CHECK(d("9.845").with_digits(2).str() == "9.845");
  CHECK((d("9.84") + d("90.00")).str() == "99.84");
  CHECK((d("100") - d("0.5")).str() == "99.5");
}

// Plain numbers ("19.80", "-0.5", "100") take a short path in Decimal::parse; a leading space
// sends the same text down the general one. Both must give the same value and decimals.
TEST_CASE("plain numbers parse as the general parser reads them", "[decimal]") {
  std::vector<std::string> texts = {"0",
                                    "5.",
                                    "-0",
                                    "-0.00",
                                    "007",
                                    "100.000000",
                                    "1.5000000",
                                    "123456789012345678",
                                    "999999999999999999.999999",
                                    "1234567890123456789",
                                    "12345678901234567.8",
                                    "-12.340"};
  std::uint64_t x = 88172645463325252u;  // xorshift: many digit counts and points
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    const std::string digits = std::to_string(x >> (x % 60));
    const std::size_t point = x % (digits.size() + 3);
    std::string t = x % 7 == 0 ? "-" : "";
    t.append(digits, 0, point);
    if (point < digits.size()) t.append(".").append(digits, point);
    texts.push_back(t);
  }
  for (const std::string& t : texts) {
    INFO(t);
    const auto plain = Decimal::parse(t);
    std::string spaced(1, ' ');
    spaced.append(t);
    const auto general = Decimal::parse(spaced);
    REQUIRE(plain.value.has_value() == general.value.has_value());
    CHECK(plain.error == general.error);
    if (!plain.value) continue;
    CHECK(*plain.value == *general.value);
    CHECK(plain.value->digits() == general.value->digits());
    CHECK(plain.value->str() == general.value->str());
  }
}

TEST_CASE("str writes every digit of large and negative values", "[decimal]") {
  CHECK(d("-999999999999999999.999999").str() == "-999999999999999999.999999");
  CHECK(d("0.000001").str() == "0.000001");
  CHECK(d("-0.05").str() == "-0.05");
  CHECK(Decimal::from_units(pes::int128{1} << 100, 6).str() == "1267650600228229401496703.205376");
  CHECK(Decimal::from_units(-(pes::int128{1} << 100) * 1000000, 0).str() ==
        "-1267650600228229401496703205376");
}
