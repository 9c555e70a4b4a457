// A finding: one thing a check found wrong (or worth a notice) in a form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pes/form.h"

namespace pes {

/// The levels of a finding, lowest first. The lowest is a notice everywhere pes names it
/// (GitHub's word): `notice[rule]`, "severity": "notice", --fail-on notice, 提示.
enum class Severity : std::uint8_t {
  Notice,
  Warning,
  Error,
  Info = Notice,  ///< the former name of Notice
};

std::string_view severity_name(Severity s);  ///< "notice", "warning", "error"
/// Reads "notice", "warning" or "error"; also "info", the deprecated name of "notice", so
/// that existing settings keep working.
bool parse_severity(std::string_view text, Severity& out);

/// Every rule pes knows. The table in rules.cc describes each one.
enum class RuleId : std::uint8_t {
  RateMismatch,
  BudgetScoreMismatch,
  FundingSumMismatch,
  ZeroBudget,
  OverExecution,
  WeightsSum,
  ScoreOutOfRange,
  TotalMismatch,
  GradeMismatch,
  DeductionWithoutReason,
  UnknownCategory,
  InvalidField,
  ParseError,
  TargetMissedFullScore,
  ScoreAboveRule,
  QualitativeBand,
  TargetMetDeducted,
  DuplicateIndicator,
  Level1Weights,
  UnitMismatch,
  LayoutRepair,
  NormalizedValue,
  BudgetWeight,
  Level1DeclaredWeight,
  SpreadsheetError,
  UnreadableValue,
  IdentityVariant,
  Count_,
};
inline constexpr std::size_t kRuleCount = static_cast<std::size_t>(RuleId::Count_);

/// A text in both languages pes speaks.
struct Message {
  std::string en;
  std::string zh;
  const std::string& in(bool chinese) const { return chinese ? zh : en; }
  /// The message as said of a file: "PATH: message", "PATH：消息".
  Message about(std::string_view path) const;
};

/// The severity a rule reports at unless the settings say otherwise (the rule table's).
Severity default_severity(RuleId rule);

/// A text in both languages, fixed at compile time (tables of rules, formats, reporters).
struct Bilingual {
  std::string_view en;
  std::string_view zh;
  std::string_view in(bool chinese) const { return chinese ? zh : en; }
};

/// Marks a finding that belongs to the file rather than to one form.
inline constexpr std::uint32_t kWholeFile = 0xffffffffu;

struct Finding {
  RuleId rule = RuleId::ParseError;
  Severity severity = Severity::Error;
  std::uint32_t form = kWholeFile;  ///< index of the form in its file
  FieldRef field;
  std::uint64_t offset = 0;  ///< byte offset in the source
  std::string reported;      ///< the value as the form gives it ("" when none)
  std::string expected;      ///< the value pes expects ("" when none)
  Message message;

  // Filled in by locate(): where a person finds the value.
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string pointer;  ///< JSON Pointer, the CSV column's header, or a workbook's cell
  bool in_cell = false;  ///< in a workbook: `pointer` names the cell, line and column its place
  /// In a table (CSV, or a workbook's sheet): the row as a spreadsheet counts it (a CSV's header
  /// is row 1; a quoted cell's line breaks start no row) and the letters of the field's column
  /// ("" when the finding names no one column). 0 and "" for other formats.
  std::uint32_t row = 0;
  std::string column_letter;

  /// Set when a pes.toml [[accept]] entry covers the finding: the reason it gives. An accepted
  /// finding is shown as accepted and never fails the run.
  std::string accepted;
  bool is_accepted() const { return !accepted.empty(); }
};

/// Where a person finds a finding in its file, without the file (once locate() has run):
/// "Sheet1!C5" for a workbook's cell ("" for the workbook as a whole), "118:AF" for a CSV (the
/// row and column letters a spreadsheet shows; "118" when the finding names no column), else
/// "12:5" (line and column). Every report and command names a place by this.
std::string finding_place(const Finding& f);
/// True when finding_place() names a spreadsheet's row or cell rather than a line and column.
bool in_table(const Finding& f);

/// Collects the findings of one form (or, with kWholeFile, of a file as a whole). Readers and
/// checks add findings here at their rule's default severity; the settings in force
/// (apply_settings in pes/rules.h) give each its final one.
class FindingSink {
 public:
  FindingSink(std::uint32_t form, std::vector<Finding>& out) : form_(form), out_(out) {}
  /// Adds a finding at a field.
  Finding& add(RuleId rule, FieldRef field, std::uint64_t offset, Message message,
               std::string reported = {}, std::string expected = {});

 private:
  std::uint32_t form_;
  std::vector<Finding>& out_;
};

}  // namespace pes
