// The invalid-field findings readers give for values they cannot read.
#pragma once

#include <string_view>

#include "pes/decimal.h"
#include "pes/engine.h"

namespace pes {

/// A number field whose text could not be read.
void bad_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                DecimalError error);
/// A field of the wrong kind ("expected a number, found an array").
void bad_kind(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view expected_en,
              std::string_view expected_zh, std::string_view found_en, std::string_view found_zh);
/// A year that is not a whole number from 1000 to 9999.
void bad_year(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw);

}  // namespace pes
