// The invalid-field findings readers give for values they cannot read.
#pragma once

#include <string_view>

#include "pes/decimal.h"
#include "pes/finding.h"
#include "pes/form.h"

namespace pes {

struct NumberHint;

/// A number field whose text could not be read (with a hint that mends it, if any).
void bad_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                DecimalError error);
void bad_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                DecimalError error, const NumberHint& hint);
/// A field of the wrong kind ("expected a number, found an array").
void bad_kind(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view expected_en,
              std::string_view expected_zh, std::string_view found_en, std::string_view found_zh);
/// A year that is not a whole number from 1000 to 9999.
void bad_year(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw);

/// Reads a number from its text at `offset` into `out`, as filers write it (written_number.h:
/// full-width digits, 150万, 99.84分); when it cannot be read, marks `out` invalid and reports
/// why, with a hint where one mends it. Full-width digits are read with a normalized-value
/// notice saying what was read.
void read_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                 Number& out);
/// Reads a year (a whole number from 1000 to 9999, 2023年 too) the same way.
void read_year(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
               Field<std::int32_t>& out);
/// Reads true or false: true/false, yes/no, 1/0, 是/否 (case aside).
void read_flag(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
               Flag& out);
/// A normalized-value notice: `raw` was read as `read` (what the reader did, in both languages).
void normalized(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                std::string_view read, std::string_view why_en, std::string_view why_zh);

}  // namespace pes
