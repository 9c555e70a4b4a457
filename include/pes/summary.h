// What a run counts: files, forms, findings by severity and by rule, recomputed grades, and
// the money by department. Every figure is a sum, so summaries of parts merge exactly in any
// order; the same counts feed every reporter's closing lines.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pes/file_result.h"
#include "pes/decimal.h"

namespace pes {

/// Σ figures of one department (主管部门), amounts in 万元 (forms in 元 are converted).
struct DepartmentTotals {
  std::uint64_t forms = 0;
  std::uint64_t without_amounts = 0;  ///< forms whose 全年预算数 or 全年执行数 is not readable
  Decimal annual = Decimal::of(0, 2);    ///< Σ 全年预算数
  Decimal executed = Decimal::of(0, 2);  ///< Σ 全年执行数
  /// Σ executed ÷ Σ annual × 100, 2 decimals rounded half-up; empty when Σ annual is 0.
  std::optional<Decimal> rate() const;
};

struct Summary {
  std::uint64_t files = 0;        ///< inputs, readable or not
  std::uint64_t unreadable = 0;   ///< inputs that could not be opened or read
  std::uint64_t unparseable = 0;  ///< files, or JSON Lines, that are not well-formed
  /// Entries of walked directories not read (InputWalk::skipped), each named and why.
  std::vector<Message> skipped;
  std::uint64_t forms = 0;
  std::uint64_t forms_with_errors = 0;
  std::uint64_t forms_with_warnings = 0;
  std::uint64_t errors = 0;  ///< findings by severity, the accepted ones aside
  std::uint64_t warnings = 0;
  std::uint64_t infos = 0;
  std::uint64_t accepted = 0;   ///< findings a pes.toml [[accept]] entry covers
  std::uint64_t baselined = 0;  ///< findings the baseline holds (not reported)
  std::array<std::uint64_t, kRuleCount> per_rule{};
  std::array<std::uint64_t, 5> grades{};  ///< recomputed 优 良 中 差, then forms with no total
  std::map<std::string, DepartmentTotals> departments;  ///< by 主管部门 as written ("" if none)

  /// Counts a checked file (or a later part of one, which is not counted as a file again).
  void add(const FileResult& file);
  /// Counts one checked form.
  void add_form(const Form& form, const FormResult& result);
  /// Counts a finding outside any form (a parse error, a JSON Lines line that is no form).
  void add_file_finding(const Finding& finding);
  void merge(const Summary& other);
};

/// An amount in 万元, whatever the form's unit (元 ÷ 10,000, exact).
Decimal amount_in_wan(Decimal amount, const Text& unit);

}  // namespace pes
