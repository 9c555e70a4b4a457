// What pes batch counts, and the summary it prints at the end.
#include <fmt/format.h>

#include "pes/batch.h"
#include "pes/rules.h"

namespace pes {

namespace {

// An amount in 万元, whatever the form's unit (元 ÷ 10,000, exact to 10^-6 for amounts with
// up to 2 decimals).
Decimal in_wan(Decimal amount, const Text& unit) {
  if (!unit.ok() || unit.value.find("万") != std::string::npos || unit.value.find("元") == std::string::npos) {
    return amount;
  }
  return mul_div(amount, Decimal::of(1), Decimal::of(10000), Decimal::kDigits, Rounding::HalfUp)
      .value_or(amount);
}

// A sum as text: exact, but without zeros past the 2 decimals a form shows ("12.300000" → "12.30").
std::string shown(Decimal d) {
  std::string s = d.str();
  const auto dot = s.find('.');
  if (dot == std::string::npos) return s;
  while (s.size() > dot + 3 && s.back() == '0') s.pop_back();
  return s;
}

}  // namespace

std::optional<Decimal> DepartmentTotals::rate() const {
  if (annual.is_zero()) return std::nullopt;
  return mul_div(executed, Decimal::of(100), annual, 2, Rounding::HalfUp);
}

void BatchSummary::add_form(const Form& form, const FormResult& result) {
  ++forms;
  bool error = false;
  bool warning = false;
  for (const Finding& f : result.findings) {
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
    d.annual = d.annual + in_wan(total.annual.value, form.unit);
    d.executed = d.executed + in_wan(total.executed.value, form.unit);
  } else {
    ++d.without_amounts;
  }
}

void BatchSummary::add_file_finding(const Finding& finding) {
  ++per_rule[static_cast<std::size_t>(finding.rule)];
  switch (finding.severity) {
    case Severity::Error: ++errors; break;
    case Severity::Warning: ++warnings; break;
    case Severity::Info: ++infos; break;
  }
  if (finding.rule == RuleId::ParseError) ++unparseable;
}

void BatchSummary::merge(const BatchSummary& o) {
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

std::string format_summary(const BatchSummary& s, bool zh) {
  std::string out;
  auto line = [&out](const std::string& text) {
    out += text;
    out += '\n';
  };
  if (zh) {
    line(fmt::format("文件 {} 个（无法读取 {}，格式错误 {}{}）；自评表 {} 张",
                     s.files + s.unreadable, s.unreadable, s.unparseable,
                     s.skipped.empty() ? "" : fmt::format("，另跳过 {} 项", s.skipped.size()),
                     s.forms));
  } else {
    line(fmt::format("{} files ({} unreadable, {} not well-formed{}), {} forms",
                     s.files + s.unreadable, s.unreadable, s.unparseable,
                     s.skipped.empty() ? "" : fmt::format("; {} skipped", s.skipped.size()),
                     s.forms));
  }
  for (const Message& m : s.skipped) line("  " + m.in(zh));  // the same words as on stderr
  line(zh ? fmt::format("有错误的自评表 {} 张，有警告的 {} 张；错误 {} 条，警告 {} 条，提示 {} 条",
                        s.forms_with_errors, s.forms_with_warnings, s.errors, s.warnings, s.infos)
          : fmt::format("forms with errors: {}, with warnings: {}; {} errors, {} warnings, {} "
                        "notices",
                        s.forms_with_errors, s.forms_with_warnings, s.errors, s.warnings, s.infos));
  line(zh ? "各规则问题数：" : "findings by rule:");
  bool any = false;
  for (const Rule& r : rules()) {
    const std::uint64_t n = s.per_rule[static_cast<std::size_t>(r.id)];
    if (n == 0) continue;
    any = true;
    line(fmt::format("  {:<26} {:>9}", r.name, n));
  }
  if (!any) line(zh ? "  （无）" : "  (none)");
  line(fmt::format("{}优 {} · 良 {} · 中 {} · 差 {} · {} {}", zh ? "重新计算的评分等级：" : "recomputed grades: ",
                   s.grades[0], s.grades[1], s.grades[2], s.grades[3], zh ? "无法计算" : "none",
                   s.grades[4]));
  line(zh ? "各主管部门（金额单位：万元）：自评表数，Σ 全年预算数，Σ 全年执行数，执行率"
          : "by department (主管部门; amounts in 万元): forms, Σ 全年预算数, Σ 全年执行数, execution rate");
  for (const auto& [name, d] : s.departments) {
    const auto rate = d.rate();
    std::string text = fmt::format("  {}\t{}\t{}\t{}\t{}", name.empty() ? (zh ? "（未填）" : "(none)") : name,
                                   d.forms, shown(d.annual), shown(d.executed),
                                   rate ? rate->str() + "%" : "-");
    if (d.without_amounts > 0) {
      text += zh ? fmt::format("\t（{} 张无可读金额）", d.without_amounts)
                 : fmt::format("\t({} without readable amounts)", d.without_amounts);
    }
    line(text);
  }
  return out;
}

}  // namespace pes
