// A finding: one thing a check found wrong (or worth a notice) in a form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pes/form.h"

namespace pes {

enum class Severity : std::uint8_t { Info, Warning, Error };

std::string_view severity_name(Severity s);  ///< "info", "warning", "error"
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
  Count_,
};
inline constexpr std::size_t kRuleCount = static_cast<std::size_t>(RuleId::Count_);

/// A text in both languages pes speaks.
struct Message {
  std::string en;
  std::string zh;
  const std::string& in(bool chinese) const { return chinese ? zh : en; }
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
};

}  // namespace pes
