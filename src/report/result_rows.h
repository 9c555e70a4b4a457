// What the reports people read (the results workbook, the HTML page, the database) show of
// each form: who filed it, its amounts in 万元, the figures it reports beside the ones pes
// recomputes, and its findings; and the sums by year and 主管部门, exact in Decimal.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "pes/file_result.h"
#include "pes/decimal.h"
#include "pes/grade.h"
#include "pes/report.h"
#include "pes/summary.h"

namespace pes {

/// The nearest double to d × 10^exponent, read from its exact decimal text (for a spreadsheet
/// cell or an SQL REAL; the sums behind it stay Decimal).
double to_double(Decimal d, int exponent = 0);

/// A Decimal as people read it: at least 2 decimals, no zeros past them ("12.300000" → "12.30").
std::string shown(Decimal d);

/// An amount for people: rounded half-up to 2 decimals, with thousands separators
/// ("253698582.955" → "253,698,582.96").
std::string grouped(Decimal d);

/// The reported figure a finding points at, for highlighting it.
enum class Reported : std::uint8_t { Rate, BudgetScore, Total, Grade, Count_ };

/// One form as the reports show it. Copies, so it outlives the FileResult's buffers.
struct FormFacts {
  std::string file;
  std::uint64_t number = 1;  ///< the form's number in its file, from 1
  std::string location;      ///< where it starts: "12" (a line) or "Sheet1!A1" (a cell)
  Format format = Format::Json;
  std::optional<std::int32_t> year;
  std::string department;  ///< "" when not given
  std::string project;
  std::string implementer;
  std::string unit;
  std::optional<Decimal> annual;        ///< 全年预算数 in the form's unit
  std::optional<Decimal> executed;      ///< 全年执行数 in the form's unit
  std::optional<Decimal> annual_wan;    ///< in 万元
  std::optional<Decimal> executed_wan;  ///< in 万元
  std::optional<Decimal> reported_rate;
  std::optional<Decimal> rate;
  std::optional<Decimal> reported_score;
  std::optional<Decimal> budget_score;
  std::optional<Decimal> reported_total;
  std::optional<Decimal> total;
  std::string reported_grade;
  std::optional<Grade> grade;
  std::uint64_t errors = 0;
  std::uint64_t warnings = 0;
  std::uint64_t notices = 0;
  std::uint64_t accepted = 0;  ///< findings [[accept]] entries cover (not in the counts above)
  /// The worst finding on each reported figure (empty when none).
  std::array<std::optional<Severity>, static_cast<std::size_t>(Reported::Count_)> flags;

  std::optional<Severity> flag(Reported r) const { return flags[static_cast<std::size_t>(r)]; }
};

/// The facts of file.doc.forms[i].
FormFacts form_facts(const FileResult& file, std::size_t i);

/// The field a finding names besides its place: a JSON Pointer or a CSV column ("" in a
/// workbook, whose place already names the cell).
std::string finding_field(const FileResult& file, const Finding& f);


/// Sums over a group of forms. All exact.
struct GroupTotals {
  std::uint64_t forms = 0;
  std::uint64_t without_amounts = 0;  ///< forms whose 全年预算数 or 全年执行数 is not readable
  std::uint64_t forms_with_errors = 0;
  std::uint64_t forms_with_warnings = 0;
  std::uint64_t errors = 0;
  std::uint64_t warnings = 0;
  std::uint64_t notices = 0;
  Decimal annual = Decimal::of(0, 2);     ///< Σ 全年预算数, 万元
  Decimal executed = Decimal::of(0, 2);   ///< Σ 全年执行数, 万元
  std::array<std::uint64_t, 5> grades{};  ///< recomputed 优 良 中 差, then forms with no total

  void add(const FormFacts& form);
  /// Σ executed ÷ Σ annual × 100, 2 decimals rounded half-up; empty when Σ annual is 0.
  std::optional<Decimal> rate() const;
};

/// The groups of the summary: by year (empty: no year), then 主管部门 ("" when not given).
using GroupKey = std::pair<std::optional<std::int32_t>, std::string>;

struct ResultTotals {
  std::map<GroupKey, GroupTotals> groups;
  GroupTotals all;

  void add(const FormFacts& form);
};

/// The label of grade slot i of GroupTotals::grades (优 良 中 差, then "none").
std::string_view grade_slot_label(std::size_t i, bool chinese);

}  // namespace pes
