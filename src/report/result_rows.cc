#include "result_rows.h"

#include "pes/report.h"
#include "pes/summary.h"

#include <fmt/format.h>

#include <cstdlib>

namespace pes {


double to_double(Decimal d, int exponent) {
  const std::string text = exponent == 0 ? d.str() : fmt::format("{}e{}", d.str(), exponent);
  return std::strtod(text.c_str(), nullptr);
}

std::string shown(Decimal d) {
  std::string s = d.with_digits(2).str();
  const auto dot = s.find('.');
  if (dot == std::string::npos) return s;
  while (s.size() > dot + 3 && s.back() == '0') s.pop_back();
  return s;
}

std::string grouped(Decimal d) {
  const std::string s = d.round(2, Rounding::HalfUp).with_digits(2).str();
  const std::size_t sign = s.starts_with("-") ? 1 : 0;
  const std::size_t dot = s.find('.');
  const std::size_t end = dot == std::string::npos ? s.size() : dot;
  std::string out = s.substr(0, sign);
  for (std::size_t i = sign; i < end; ++i) {
    if (i > sign && (end - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out + s.substr(end);
}

namespace {

std::string text_of(const Text& t) { return t.ok() ? t.value : std::string(); }

std::optional<Decimal> number_of(const Number& n) {
  return n.ok() ? std::optional<Decimal>(n.value) : std::nullopt;
}

std::optional<Reported> reported_of(const FieldRef& field) {
  switch (field.key) {
    case FieldKey::RowRate:
      if (field.row == FundsRowId::Total) return Reported::Rate;
      return std::nullopt;
    case FieldKey::RowScore:
      return Reported::BudgetScore;
    case FieldKey::Total:
      return Reported::Total;
    case FieldKey::Grade:
      return Reported::Grade;
    default:
      return std::nullopt;
  }
}

std::string place_of(const FileResult& file, std::uint64_t offset) {
  const Document& doc = file.doc;
  if (!doc.places.empty()) {
    return offset >= 1 && offset <= doc.places.size() ? doc.places[offset - 1].name : "";
  }
  return std::to_string((doc.decoded ? *doc.decoded : file.source).locate(offset).line);
}

}  // namespace

FormFacts form_facts(const FileResult& file, std::size_t i) {
  const Form& form = file.doc.forms[i];
  const FormResult& result = file.forms[i];
  const Recomputed& re = result.re;
  const FundsRow& total = form.row(FundsRowId::Total);
  FormFacts f;
  f.file = file.path;
  f.number = static_cast<std::uint64_t>(form.index) + 1;
  f.location = place_of(file, form.offset);
  f.format = file.doc.format;
  if (form.year.ok()) f.year = form.year.value;
  f.department = text_of(form.department);
  f.project = text_of(form.project);
  f.implementer = text_of(form.implementer);
  f.unit = text_of(form.unit);
  if (total.present) {
    f.annual = number_of(total.annual);
    f.executed = number_of(total.executed);
    if (f.annual) f.annual_wan = amount_in_wan(*f.annual, form.unit);
    if (f.executed) f.executed_wan = amount_in_wan(*f.executed, form.unit);
    f.reported_rate = number_of(total.rate);
    f.reported_score = number_of(total.score);
  }
  f.rate = re.rate_of(FundsRowId::Total);
  f.budget_score = re.budget_score;
  f.reported_total = number_of(form.total);
  f.total = re.total;
  f.reported_grade = text_of(form.grade);
  f.grade = re.grade;
  for (const Finding& finding : result.findings) {
    if (finding.is_accepted()) {  // shown as accepted in the lists, not counted or flagged
      ++f.accepted;
      continue;
    }
    switch (finding.severity) {
      case Severity::Error:
        ++f.errors;
        break;
      case Severity::Warning:
        ++f.warnings;
        break;
      case Severity::Notice:
        ++f.notices;
        break;
    }
    if (const auto r = reported_of(finding.field)) {
      auto& flag = f.flags[static_cast<std::size_t>(*r)];
      if (!flag || *flag < finding.severity) flag = finding.severity;
    }
  }
  return f;
}

std::string finding_field(const FileResult& file, const Finding& f) {
  return file.doc.places.empty() ? f.pointer : std::string();
}

void GroupTotals::add(const FormFacts& form) {
  ++forms;
  if (form.annual_wan && form.executed_wan) {
    annual = annual + *form.annual_wan;
    executed = executed + *form.executed_wan;
  } else {
    ++without_amounts;
  }
  forms_with_errors += form.errors > 0 ? 1 : 0;
  forms_with_warnings += form.warnings > 0 ? 1 : 0;
  errors += form.errors;
  warnings += form.warnings;
  notices += form.notices;
  ++grades[form.grade ? static_cast<std::size_t>(*form.grade) : 4];
}

std::optional<Decimal> GroupTotals::rate() const {
  if (annual.is_zero()) return std::nullopt;
  return mul_div(executed, Decimal::of(100), annual, 2, Rounding::HalfUp);
}

void ResultTotals::add(const FormFacts& form) {
  groups[{form.year, form.department}].add(form);
  all.add(form);
}

std::string_view grade_slot_label(std::size_t i, bool chinese) {
  switch (i) {
    case 0:
      return "优";
    case 1:
      return "良";
    case 2:
      return "中";
    case 3:
      return "差";
    default:
      return chinese ? "无法评级" : "no grade";
  }
}

}  // namespace pes
