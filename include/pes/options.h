// Settings that change how forms are judged: rounding, grades, which rules run.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "pes/decimal.h"
#include "pes/finding.h"
#include "pes/templates.h"

namespace pes {

/// Which rounding a filer is held to.
enum class RoundingPolicy : std::uint8_t {
  Auto,      ///< either truncation or half-up is right
  Truncate,  ///< truncation only
  HalfUp,    ///< half-up only
};

/// Lower bounds (inclusive) of the grades 优, 良 and 中; below 中 is 差.
struct GradeScale {
  Decimal excellent = Decimal::of(90);
  Decimal good = Decimal::of(80);
  Decimal pass = Decimal::of(60);
};

/// Whether each rule runs and at what severity.
struct RuleSettings {
  std::array<bool, kRuleCount> enabled{};
  std::array<Severity, kRuleCount> severity{};
  /// The least severity that fails the run for this file (--fail-on, pes.toml's fail-on).
  Severity fail_on = Severity::Error;

  /// Every rule at its default.
  static RuleSettings defaults();
  bool on(RuleId id) const { return enabled[static_cast<std::size_t>(id)]; }
  Severity level(RuleId id) const { return severity[static_cast<std::size_t>(id)]; }
};

struct Options {
  RoundingPolicy rounding = RoundingPolicy::Auto;
  GradeScale grades;
  RuleSettings rules = RuleSettings::defaults();
  /// The template profiles forms in the printed layout are matched to (null: the built-in ones).
  std::shared_ptr<const TemplateSet> templates;
};

}  // namespace pes
