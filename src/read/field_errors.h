// The invalid-field findings readers give for values they cannot read.
#pragma once

#include <string_view>

#include "pes/decimal.h"
#include "pes/finding.h"
#include "pes/form.h"

namespace pes {

/// A number field whose text could not be read.
void bad_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                DecimalError error);
/// A field of the wrong kind ("expected a number, found an array").
void bad_kind(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view expected_en,
              std::string_view expected_zh, std::string_view found_en, std::string_view found_zh);
/// A year that is not a whole number from 1000 to 9999.
void bad_year(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw);

/// Reads a number from its text at `offset` into `out`; when it cannot be read, marks `out`
/// invalid and reports why.
void read_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                 Number& out);
/// Reads a year (a whole number from 1000 to 9999) the same way.
void read_year(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
               Field<std::int32_t>& out);

}  // namespace pes
