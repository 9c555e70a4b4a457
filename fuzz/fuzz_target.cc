// libFuzzer target: 年度指标值 / 实际完成值 text through the indicator value parser.
// Invariants: no crash; a quantity's number is a Decimal that prints and parses back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pes/target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const pes::IndicatorValue v = pes::parse_indicator_value(text);
  (void)pes::value_kind_name(v.kind);
  if (v.kind == pes::ValueKind::Quantity) {
    const auto again = pes::Decimal::parse(v.number.str());
    if (!again.value || *again.value != v.number) std::abort();
  }
  return 0;
}
