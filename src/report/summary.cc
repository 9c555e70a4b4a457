#include "pes/summary.h"

namespace pes {

Decimal amount_in_wan(Decimal amount, const Text& unit) {
  if (!unit.ok() || unit.value.find("万") != std::string::npos ||
      unit.value.find("元") == std::string::npos) {
    return amount;
  }
  return mul_div(amount, Decimal::of(1), Decimal::of(10000), Decimal::kDigits, Rounding::HalfUp)
      .value_or(amount);
}

std::optional<Decimal> DepartmentTotals::rate() const {
  if (annual.is_zero()) return std::nullopt;
  return mul_div(executed, Decimal::of(100), annual, 2, Rounding::HalfUp);
}

void Summary::add(const FileResult& file) {
  if (file.part == 0 || !file.opened) ++files;
  if (!file.opened) {
    ++unreadable;
    return;
  }
  for (const Finding& f : file.file_findings) add_file_finding(f);
  for (std::size_t i = 0; i < file.doc.forms.size(); ++i) add_form(file.doc.forms[i], file.forms[i]);
}

void Summary::add_form(const Form& form, const FormResult& result) {
  ++forms;
  bool error = false;
  bool warning = false;
  for (const Finding& f : result.findings) {
    if (f.is_accepted()) {
      ++accepted;
      continue;
    }
    ++per_rule[static_cast<std::size_t>(f.rule)];
    switch (f.severity) {
      case Severity::Error: ++errors, error = true; break;
      case Severity::Warning: ++warnings, warning = true; break;
      case Severity::Info: ++infos; break;
    }
  }
  forms_with_errors += error ? 1 : 0;
  forms_with_warnings += warning ? 1 : 0;
  ++grades[result.re.grade ? static_cast<std::size_t>(*result.re.grade) : 4];

  static const std::string kNone;
  const std::string& name = form.department.ok() ? form.department.value : kNone;
  auto it = departments.find(name);
  if (it == departments.end()) it = departments.emplace(name, DepartmentTotals{}).first;
  DepartmentTotals& d = it->second;
  ++d.forms;
  const FundsRow& total = form.row(FundsRowId::Total);
  if (total.present && total.annual.ok() && total.executed.ok()) {
    d.annual = d.annual + amount_in_wan(total.annual.value, form.unit);
    d.executed = d.executed + amount_in_wan(total.executed.value, form.unit);
  } else {
    ++d.without_amounts;
  }
}

void Summary::add_file_finding(const Finding& finding) {
  if (finding.rule == RuleId::ParseError) ++unparseable;
  if (finding.is_accepted()) {
    ++accepted;
    return;
  }
  ++per_rule[static_cast<std::size_t>(finding.rule)];
  switch (finding.severity) {
    case Severity::Error: ++errors; break;
    case Severity::Warning: ++warnings; break;
    case Severity::Info: ++infos; break;
  }
}

void Summary::merge(const Summary& o) {
  files += o.files;
  unreadable += o.unreadable;
  unparseable += o.unparseable;
  skipped.insert(skipped.end(), o.skipped.begin(), o.skipped.end());
  forms += o.forms;
  forms_with_errors += o.forms_with_errors;
  forms_with_warnings += o.forms_with_warnings;
  errors += o.errors;
  warnings += o.warnings;
  infos += o.infos;
  accepted += o.accepted;
  baselined += o.baselined;
  for (std::size_t i = 0; i < per_rule.size(); ++i) per_rule[i] += o.per_rule[i];
  for (std::size_t i = 0; i < grades.size(); ++i) grades[i] += o.grades[i];
  for (const auto& [name, d] : o.departments) {
    DepartmentTotals& mine = departments[name];
    mine.forms += d.forms;
    mine.without_amounts += d.without_amounts;
    mine.annual = mine.annual + d.annual;
    mine.executed = mine.executed + d.executed;
  }
}

}  // namespace pes
