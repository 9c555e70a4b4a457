#include "pes/summary.h"

#include "pes/form_digest.h"

namespace pes {

Decimal amount_in_wan(Decimal amount, const Text& unit) {
  if (!unit.ok() || unit.value.find("万") != std::string::npos ||
      unit.value.find("元") == std::string::npos) {
    return amount;
  }
  // Exact: four more decimals than the amount's (at most six, all pes keeps), shown with as
  // many as it needs, at least the amount's own.
  const auto wan =
      mul_div(amount, Decimal::of(1), Decimal::of(10000), Decimal::kDigits, Rounding::HalfUp);
  return wan ? wan->with_digits(amount.digits()) : amount;
}

std::optional<Decimal> DepartmentTotals::rate() const {
  if (annual.is_zero()) return std::nullopt;
  return mul_div(executed, Decimal::of(100), annual, 2, Rounding::HalfUp);
}

void DepartmentTotals::add(const DepartmentTotals& o) {
  forms += o.forms;
  without_amounts += o.without_amounts;
  annual = annual + o.annual;
  executed = executed + o.executed;
}

DepartmentTotals Summary::year_totals(const std::optional<std::int32_t>& year) const {
  DepartmentTotals out;
  for (auto it = groups.lower_bound({year, std::string()});
       it != groups.end() && it->first.first == year; ++it) {
    out.add(it->second);
  }
  return out;
}

void Summary::add(const FileResult& file) {
  if (file.part == 0 || !file.opened) {
    ++files;
    file_unparseable_ = false;
  }
  if (!file.opened) {
    ++unreadable;
    return;
  }
  for (const Finding& f : file.file_findings) add_file_finding(f, file.doc.format);
  for (std::size_t i = 0; i < file.doc.forms.size(); ++i) {
    add_form(file.doc.forms[i], file.forms[i], file.path);
  }
}

void Summary::add_form(const Form& form, const FormResult& result, std::string_view path) {
  ++forms;
  std::uint64_t form_errors = 0;
  bool warning = false;
  for (const Finding& f : result.findings) {
    if (f.is_accepted()) {
      ++accepted;
      continue;
    }
    ++per_rule[static_cast<std::size_t>(f.rule)];
    switch (f.severity) {
      case Severity::Error:
        ++errors, ++form_errors;
        break;
      case Severity::Warning:
        ++warnings, warning = true;
        break;
      case Severity::Notice:
        ++notices;
        break;
    }
  }
  forms_with_errors += form_errors > 0 ? 1 : 0;
  forms_with_warnings += warning ? 1 : 0;
  // Where the form is, built only for the lists that name it.
  const auto place = [&] {
    return FormPlace{std::string(path), std::uint64_t{form.index} + 1,
                     form.project.ok() ? form.project.value : std::string()};
  };
  if (form_errors > 0 && error_forms.size() < kListed)
    error_forms.push_back({place(), form_errors});

  // A form filed twice is listed, and its money and grade counted once.
  if (paths_.empty() || paths_.back() != path) paths_.emplace_back(path);
  const auto [seen, first] = seen_.try_emplace(
      digest_(form), Seen{static_cast<std::uint32_t>(paths_.size() - 1), form.index + 1});
  if (!first) {
    ++duplicate_forms;
    if (duplicates.size() < kListed) {
      FormPlace here = place();
      FormPlace earlier{paths_[seen->second.path], seen->second.number, here.project};
      duplicates.push_back({std::move(here), std::move(earlier)});
    }
    return;
  }

  ++grades[result.re.grade ? static_cast<std::size_t>(*result.re.grade) : 4];
  std::optional<std::int32_t> year;
  if (form.year.ok()) year = form.year.value;
  const std::pair<std::optional<std::int32_t>, std::string_view> group{
      year, form.department.ok() ? std::string_view(form.department.value) : std::string_view()};
  auto it = groups.find(group);
  if (it == groups.end())
    it = groups.emplace(YearDepartment(year, group.second), DepartmentTotals{}).first;
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

void Summary::add_file_finding(const Finding& finding, Format format) {
  if (finding.rule == RuleId::ParseError) {
    if (!file_unparseable_) ++unparseable;
    file_unparseable_ = true;
    if (format == Format::JsonLines) ++bad_lines;
  }
  if (finding.is_accepted()) {
    ++accepted;
    return;
  }
  ++per_rule[static_cast<std::size_t>(finding.rule)];
  switch (finding.severity) {
    case Severity::Error:
      ++errors;
      break;
    case Severity::Warning:
      ++warnings;
      break;
    case Severity::Notice:
      ++notices;
      break;
  }
}

}  // namespace pes
