// Compares two forms field by field (texts white space aside), for the reader tests.
#pragma once

#include <string>
#include <vector>

#include "pes/fields.h"
#include "pes/form.h"

namespace pes::test {

/// The text without white space (ASCII, U+3000, U+00A0); nothing else is folded.
inline std::string squeeze(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) {
      i += 2;
      continue;
    }
    if (s.compare(i, 2, "\xC2\xA0") == 0) {
      i += 1;
      continue;
    }
    out += c;
  }
  return out;
}

/// The fields in which `got` differs from `want`, one line each ("" when equal).
inline std::vector<std::string> form_differences(const Form& got, const Form& want) {
  std::vector<std::string> out;
  auto text = [&](const std::string& name, const Text& g, const Text& w) {
    const std::string a = g.ok() ? squeeze(g.value) : "<missing>";
    const std::string b = w.ok() ? squeeze(w.value) : "<missing>";
    if (a != b) out.push_back(name + ": read “" + a + "”, sample “" + b + "”");
  };
  auto number = [&](const std::string& name, const Number& g, const Number& w) {
    const std::string a = g.ok() ? g.value.str() : "<missing>";
    const std::string b = w.ok() ? w.value.str() : "<missing>";
    if (g.ok() != w.ok() || (g.ok() && !(g.value == w.value))) {
      out.push_back(name + ": read " + a + ", sample " + b);
    }
  };
  if (got.year.ok() != want.year.ok() || got.year.value != want.year.value) {
    out.push_back("year: read " + std::to_string(got.year.value));
  }
  text("project", got.project, want.project);
  text("department", got.department, want.department);
  text("implementer", got.implementer, want.implementer);
  text("unit", got.unit, want.unit);
  number("funds.weight", got.funds_weight, want.funds_weight);
  for (FundsRowId id : kFundsRows) {
    const FundsRow& g = got.row(id);
    const FundsRow& w = want.row(id);
    const std::string row(row_name(id));
    if (g.present != w.present) out.push_back("funds." + row + ": presence differs");
    number("funds." + row + ".initial", g.initial, w.initial);
    number("funds." + row + ".annual", g.annual, w.annual);
    number("funds." + row + ".executed", g.executed, w.executed);
    number("funds." + row + ".rate", g.rate, w.rate);
    number("funds." + row + ".score", g.score, w.score);
  }
  text("goals.expected", got.goals_expected, want.goals_expected);
  text("goals.achieved", got.goals_achieved, want.goals_achieved);
  if (got.indicators.size() != want.indicators.size()) {
    out.push_back("indicators: read " + std::to_string(got.indicators.size()) + ", sample " +
                  std::to_string(want.indicators.size()));
  }
  for (std::size_t i = 0; i < got.indicators.size() && i < want.indicators.size(); ++i) {
    const Indicator& g = got.indicators[i];
    const Indicator& w = want.indicators[i];
    const std::string at = "indicators[" + std::to_string(i) + "].";
    text(at + "level1", g.level1, w.level1);
    text(at + "level2", g.level2, w.level2);
    text(at + "name", g.name, w.name);
    text(at + "target", g.target, w.target);
    text(at + "actual", g.actual, w.actual);
    number(at + "weight", g.weight, w.weight);
    number(at + "score", g.score, w.score);
    text(at + "reason", g.reason, w.reason);
  }
  number("total", got.total, want.total);
  text("grade", got.grade, want.grade);
  return out;
}

}  // namespace pes::test
