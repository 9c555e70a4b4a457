// libFuzzer target: Decimal::parse on any text. Invariants: a parsed value prints as text
// that parses to the same value; rounding and mul_div never crash or overflow silently.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pes/decimal.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = pes::Decimal::parse(text);
  if (!parsed.value) return 0;
  const pes::Decimal d = *parsed.value;
  const auto again = pes::Decimal::parse(d.str());
  if (!again.value || *again.value != d) std::abort();
  for (auto rule : {pes::Rounding::Truncate, pes::Rounding::HalfUp}) {
    const pes::Decimal r = d.round(2, rule);
    if (!r.fits(2)) std::abort();
    const pes::Decimal diff = r < d ? d - r : r - d;
    if (diff >= pes::Decimal::from_units(10000, 2)) std::abort();  // 0.01
    const auto q = pes::mul_div(d, pes::Decimal::of(100), pes::Decimal::of(7), 2, rule);
    if (q && !q->fits(2)) std::abort();
  }
  return 0;
}
