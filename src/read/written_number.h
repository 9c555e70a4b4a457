// Numbers as filers write them in a form's cells, beyond what Decimal::parse reads: full-width
// digits (９８.４８), a unit after an amount (150万, 387664.62元), 分 after a score, 年 after a
// year. Readers use it through read_number() and read_year() (field_errors.h), so every format
// reads these the same way.
#pragma once

#include <string>
#include <string_view>

#include "pes/decimal.h"
#include "pes/form.h"

namespace pes {

struct WrittenNumber {
  Decimal::Parsed parsed;  ///< the value, or why there is none
  WrittenIn written_in = WrittenIn::Table;
  bool full_width = false;  ///< full-width digits or signs were read as ASCII ones
  std::string text;         ///< the text the value was read from (suffix removed, folded)
};

/// Reads `raw` as the value of a field with key `key`. Plain numbers take Decimal::parse's fast
/// path; the rest is tried only when it fails.
WrittenNumber parse_written_number(std::string_view raw, FieldKey key);

/// A hint that mends a number Decimal::parse refuses, or "" when there is none: for "19,80",
/// that 19.80 was likely meant (removing the comma would give 1980).
struct NumberHint {
  std::string en;
  std::string zh;
};
NumberHint number_hint(std::string_view raw, DecimalError error);

}  // namespace pes
