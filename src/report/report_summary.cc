// The summary of a year's filings for people: files, forms, findings by rule, recomputed
// grades, the money by year and department in 万元, the forms with errors and the forms filed
// twice (pes batch prints it).
#include <fmt/format.h>

#include "pes/text.h"

#include "pes/label_format.h"
#include "pes/report.h"
#include "pes/rules.h"
#include "report/reporters.h"
#include "report/result_rows.h"

namespace pes {
namespace {

class SummaryReporter final : public Reporter {
 public:
  SummaryReporter(std::ostream& out, const ReportStyle& style)
      : out_(out), chinese_(style.chinese) {}
  void file(const FileResult&) override {}
  void finish(const Summary& summary) override { out_ << format_summary(summary, chinese_); }

 private:
  std::ostream& out_;
  bool chinese_;
};

}  // namespace

namespace {

std::string place(const FormPlace& f) { return fmt::format("{}#{}", f.file, f.number); }

std::string project(const FormPlace& f, bool zh) {
  if (!f.project.empty()) return f.project;
  return zh ? with_labels("（无‹project›）") : std::string("(no project name)");
}

// "  N\tΣ annual\tΣ executed\trate": amounts in 万元 with thousands separators.
std::string totals(const DepartmentTotals& d, bool zh) {
  const auto rate = d.rate();
  std::string text = fmt::format("{}\t{}\t{}\t{}", d.forms, grouped(d.annual), grouped(d.executed),
                                 rate ? rate->str() + "%" : "-");
  if (d.without_amounts > 0) {
    text += zh ? fmt::format("\t（{} 张无可读金额）", d.without_amounts)
               : fmt::format("\t({} without readable amounts)", d.without_amounts);
  }
  return text;
}

}  // namespace

std::string format_summary(const Summary& s, bool zh) {
  std::string out;
  auto line = [&out](const std::string& text) {
    out += text;
    out += '\n';
  };
  auto more = [&](std::uint64_t n) {  // past Summary::kListed
    if (n > 0)
      line(zh ? fmt::format("  ……另有 {} 张未列出", n) : fmt::format("  … and {} more", n));
  };
  const std::uint64_t repeated = s.duplicate_forms;
  if (zh) {
    line(fmt::format(
        "文件 {} 个（无法读取 {}，格式错误 {}{}{}）；自评表 {} 张{}", s.files, s.unreadable,
        s.unparseable,
        s.bad_lines == 0 ? "" : fmt::format("，其中 JSON Lines 坏行 {} 行", s.bad_lines),
        s.skipped.empty() ? "" : fmt::format("，另跳过 {} 项", s.skipped.size()),
        s.forms,
        repeated == 0 ? ""
                      : fmt::format("（不同的 {} 张，重复 {} 张）", s.distinct_forms(), repeated)));
  } else {
    line(fmt::format(
        "{} ({} unreadable, {} not well-formed{}{}), {}{}", counted(s.files, "file"),
        s.unreadable, s.unparseable,
        s.bad_lines == 0 ? ""
                         : fmt::format(", with {} of JSON Lines",
                                       counted(s.bad_lines, "bad line")),
        s.skipped.empty() ? "" : fmt::format("; {} skipped", s.skipped.size()),
        counted(s.forms, "form"),
        repeated == 0
            ? ""
            : fmt::format(" ({} distinct, {})", s.distinct_forms(),
                          counted(repeated, "duplicate"))));
  }
  for (const Message& m : s.skipped) line("  " + m.in(zh));  // the same words as on stderr
  line(zh ? fmt::format("有错误的自评表 {} 张，有警告的 {} 张；错误 {} 条，警告 {} 条，提示 {} 条",
                        s.forms_with_errors, s.forms_with_warnings, s.errors, s.warnings, s.notices)
          : fmt::format("forms with errors: {}, with warnings: {}; {}, {}, {}",
                        s.forms_with_errors, s.forms_with_warnings, counted(s.errors, "error"),
                        counted(s.warnings, "warning"), counted(s.notices, "notice")));
  if (s.accepted > 0 || s.baselined > 0) {  // pes.toml [[accept]] entries, a baseline
    line(zh ? fmt::format("已接受 {} 条，基线中 {} 条（均不计入上面的数目）", s.accepted,
                          s.baselined)
            : fmt::format("accepted: {}, in the baseline: {} (neither counted above)", s.accepted,
                          s.baselined));
  }
  line(zh ? "各规则问题数：" : "findings by rule:");
  bool any = false;
  for (const Rule& r : rules()) {
    const std::uint64_t n = s.per_rule[static_cast<std::size_t>(r.id)];
    if (n == 0) continue;
    any = true;
    line(fmt::format("  {:<26} {:>9}", r.name, n));
  }
  if (!any) line(zh ? "  （无）" : "  (none)");
  line(fmt::format("{}优 {} · 良 {} · 中 {} · 差 {} · {} {}",
                   zh ? with_labels("重新计算的‹grade›：") : std::string("recomputed grades: "),
                   s.grades[0], s.grades[1], s.grades[2], s.grades[3], zh ? "无法计算" : "none",
                   s.grades[4]));
  line(with_labels(zh ? "按年度、‹department›（‹unit›：万元）：自评表数，Σ ‹row.annual›，"
                        "Σ ‹row.executed›，‹row.rate›"
                      : "by year, then department (‹department›; amounts in 万元): forms, "
                        "Σ ‹row.annual›, Σ ‹row.executed›, execution rate"));
  std::optional<std::optional<std::int32_t>> year;  // the year of the lines above
  for (const auto& [key, d] : s.groups) {
    const auto& [group_year, name] = key;
    if (!year || *year != group_year) {
      year = group_year;
      const std::string label =
          group_year ? (zh ? fmt::format("{} 年", *group_year) : std::to_string(*group_year))
                     : (zh ? "（年度未填）" : "(no year)");
      line(fmt::format("  {}\t{}", label, totals(s.year_totals(group_year), zh)));
    }
    line(fmt::format("    {}\t{}", name.empty() ? (zh ? "（未填）" : "(none)") : name,
                     totals(d, zh)));
  }
  if (!s.error_forms.empty()) {
    line(zh ? fmt::format("有错误的自评表（{} 张）：", s.forms_with_errors)
            : fmt::format("forms with errors ({}):", s.forms_with_errors));
    for (const ErrorForm& e : s.error_forms) {
      line(zh ? fmt::format("  {}\t{}\t错误 {} 条", place(e.form), project(e.form, zh), e.errors)
              : fmt::format("  {}\t{}\t{} {}", place(e.form), project(e.form, zh), e.errors,
                            e.errors == 1 ? "error" : "errors"));
    }
    more(s.forms_with_errors - s.error_forms.size());
  }
  if (repeated > 0) {
    line(zh ? fmt::format("重复的自评表（{} 张，只计一次）：", repeated)
            : fmt::format("duplicate forms, counted once ({}):", repeated));
    for (const DuplicateForm& d : s.duplicates) {
      line(zh ? fmt::format("  {} 与 {} 相同\t{}", place(d.form), place(d.first),
                            project(d.form, zh))
              : fmt::format("  {} = {}\t{}", place(d.form), place(d.first), project(d.form, zh)));
    }
    more(repeated - s.duplicates.size());
  }
  return out;
}

std::unique_ptr<Reporter> make_summary_reporter(std::ostream& out, const ReportStyle& style,
                                                std::string_view) {
  return std::make_unique<SummaryReporter>(out, style);
}

}  // namespace pes
