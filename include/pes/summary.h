// What a run counts: files, forms, findings by severity and by rule, recomputed grades, the
// money by year and 主管部门, the forms filed twice and the forms with errors. Forms are counted
// in the order the run reads them (the first of two identical forms is the one counted).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pes/decimal.h"
#include "pes/file_result.h"
#include "pes/form_digest.h"

namespace pes {

/// Σ figures of one department (主管部门) in one year, amounts in 万元 (forms in 元 are
/// converted). A form filed twice is counted once.
struct DepartmentTotals {
  std::uint64_t forms = 0;
  std::uint64_t without_amounts = 0;  ///< forms whose 全年预算数 or 全年执行数 is not readable
  Decimal annual = Decimal::of(0, 2);    ///< Σ 全年预算数
  Decimal executed = Decimal::of(0, 2);  ///< Σ 全年执行数
  /// Σ executed ÷ Σ annual × 100, 2 decimals rounded half-up; empty when Σ annual is 0.
  std::optional<Decimal> rate() const;
  void add(const DepartmentTotals& other);
};

/// The summary's groups: by year (empty: no readable year), then 主管部门 ("" when not given).
using YearDepartment = std::pair<std::optional<std::int32_t>, std::string>;
/// Orders groups by year, then 主管部门; finds one by a department given as a view too, so
/// that counting a form copies no text.
struct YearDepartmentOrder {
  using is_transparent = void;
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    if (a.first != b.first) return a.first < b.first;
    return std::string_view(a.second) < std::string_view(b.second);
  }
};

/// A form as the summary names it: "samples/filings.csv#3", with its 项目名称.
struct FormPlace {
  std::string file;
  std::uint64_t number = 1;  ///< the form's number in its file, from 1
  std::string project;       ///< "" when not given
};

/// A form with errors: where, and how many (accepted findings aside).
struct ErrorForm {
  FormPlace form;
  std::uint64_t errors = 0;
};

/// A form that says what an earlier one of the run says: the same 项目名称, 年度 and 实施单位,
/// and the same values throughout.
struct DuplicateForm {
  FormPlace form;
  FormPlace first;  ///< the form it repeats (the one counted)
};

struct Summary {
  std::uint64_t files = 0;        ///< inputs, readable or not
  std::uint64_t unreadable = 0;   ///< inputs that could not be opened or read
  std::uint64_t unparseable = 0;  ///< files with a parse error (a JSON Lines file once)
  std::uint64_t bad_lines = 0;    ///< JSON Lines lines that are no form (parse errors in them)
  /// Entries of walked directories not read (InputWalk::skipped), each named and why.
  std::vector<Message> skipped;
  std::uint64_t forms = 0;  ///< every form read, duplicates too
  std::uint64_t forms_with_errors = 0;
  std::uint64_t forms_with_warnings = 0;
  std::uint64_t errors = 0;  ///< findings by severity, the accepted ones aside
  std::uint64_t warnings = 0;
  std::uint64_t notices = 0;
  std::uint64_t accepted = 0;   ///< findings a pes.toml [[accept]] entry covers
  std::uint64_t baselined = 0;  ///< findings the baseline holds (not reported)
  std::array<std::uint64_t, kRuleCount> per_rule{};
  /// Recomputed 优 良 中 差, then forms with no total; of distinct forms.
  std::array<std::uint64_t, 5> grades{};
  std::map<YearDepartment, DepartmentTotals, YearDepartmentOrder> groups;  ///< of distinct forms
  /// How many forms each list below names at most: past it they are counted, not named, so
  /// that memory stays small when a run repeats a year's forms many times.
  static constexpr std::size_t kListed = 10000;
  std::uint64_t duplicate_forms = 0;      ///< forms that repeat an earlier one
  std::vector<DuplicateForm> duplicates;  ///< the first kListed of them, in the order read
  std::vector<ErrorForm> error_forms;     ///< the first kListed forms with errors, in order

  /// Forms counted once each.
  std::uint64_t distinct_forms() const { return forms - duplicate_forms; }
  /// Σ of the groups of one year.
  DepartmentTotals year_totals(const std::optional<std::int32_t>& year) const;

  /// Counts a checked file (or a later part of one, which is not counted as a file again).
  void add(const FileResult& file);
  /// Counts one checked form of the file `path`.
  void add_form(const Form& form, const FormResult& result, std::string_view path = {});
  /// Counts a finding outside any form (a parse error, a JSON Lines line that is no form) of
  /// a file in `format`.
  void add_file_finding(const Finding& finding, Format format = Format::Json);

 private:
  bool file_unparseable_ = false;  // the file being added (its parts so far) has a parse error
  // The first form of each distinct content, by its 128-bit digest: where it is.
  struct Seen {
    std::uint32_t path = 0;  ///< in paths_
    std::uint32_t number = 1;
  };
  std::unordered_map<FormDigest, Seen, FormDigestHash> seen_;
  FormDigester digest_;
  std::vector<std::string> paths_;  ///< files that hold forms, in the order read
};

/// An amount in 万元, whatever the form's unit (元 ÷ 10,000, exact).
Decimal amount_in_wan(Decimal amount, const Text& unit);

}  // namespace pes
