// The HTML report (--output html:PATH): one self-contained page for people: the verdict, SVG
// charts, departments and forms ranked by findings, and each form's figures and findings. It
// stays small for any number of forms: charts and rankings cover all of them, but the detail
// is kept for the kDetailForms forms with the most serious findings only.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include "html_charts.h"
#include "html_escape.h"
#include "html_page.h"
#include "pes/fields.h"
#include "pes/grade.h"
#include "pes/label_format.h"
#include "pes/report.h"
#include "pes/rules.h"
#include "pes/text.h"
#include "report/reporters.h"
#include "result_rows.h"

namespace pes {
namespace {

constexpr std::size_t kDetailForms = 200;  ///< forms shown in detail
constexpr std::size_t kRankedForms = 100;  ///< rows of the ranking of forms
constexpr std::size_t kRankedDepartments = 200;
constexpr std::size_t kFileProblems = 100;  ///< unreadable files and file findings listed

constexpr std::string_view kSeverityColor[] = {"#0969da", "#bf8700", "#cf222e"};  // notice warn err
constexpr std::string_view kGradeColor[] = {"#1a7f37", "#4ac26b", "#bf8700", "#cf222e", "#8c959f"};

// How serious a form's findings are: errors first, then warnings, then notices.
struct Rank {
  std::uint64_t errors = 0;
  std::uint64_t warnings = 0;
  std::uint64_t notices = 0;
  std::uint64_t seq = 0;                 // input order breaks ties: earlier first
  bool operator<(const Rank& o) const {  // "more serious than"
    if (errors != o.errors) return errors > o.errors;
    if (warnings != o.warnings) return warnings > o.warnings;
    if (notices != o.notices) return notices > o.notices;
    return seq < o.seq;
  }
};

struct FormBrief {
  Rank rank;
  std::string file;
  std::uint64_t number = 0;
  std::string project;
  std::string department;
  std::string grade;
};

struct Detail {
  Rank rank;
  std::string html;
};

class HtmlReporter final : public Reporter {
 public:
  HtmlReporter(std::ostream& out, ReportStyle style) : out_(out), zh_(style.chinese) {}

  void file(const FileResult& file) override {
    if (!file.opened) {
      problem(file.path, "", Severity::Error, "", file.error.in(zh_));
      return;
    }
    for (const Finding& f : file.file_findings) {
      if (!f.is_accepted()) {
        ++rules_[static_cast<std::size_t>(f.rule)][static_cast<std::size_t>(f.severity)];
      }
      problem(file.path, finding_place(f), f.is_accepted() ? Severity::Notice : f.severity,
              rule_info(f.rule).name, message(f));
    }
    for (std::size_t i = 0; i < file.doc.forms.size(); ++i) form(file, i);
  }

  void finish(const Summary& summary) override {
    std::string page;
    page.reserve(1 << 20);
    open_page(page, zh_);
    verdict(page, summary);
    charts(page);
    departments(page);
    ranking(page);
    details(page);
    problems(page);
    close_page(page, zh_);
    out_ << page;
  }

 private:
  // The text in the page's language; a Chinese text may name fields by ‹token› (with_labels).
  std::string t(std::string_view en, std::string_view zh) const {
    return zh_ ? with_labels(zh) : std::string(en);
  }

  // A finding's message; an accepted one's with the reason it was accepted.
  std::string message(const Finding& f) const {
    if (!f.is_accepted()) return f.message.in(zh_);
    return fmt::format("{}（{}{}）", f.message.in(zh_), t("accepted: ", "已接受："), f.accepted);
  }

  void form(const FileResult& file, std::size_t i) {
    const FormFacts f = form_facts(file, i);
    const Rank rank{f.errors, f.warnings, f.notices, seq_++};
    totals_.add(f);
    departments_[f.department].add(f);
    ++rate_bins_[rate_bin(f.rate)];
    for (const Finding& x : file.forms[i].findings) {
      if (x.is_accepted()) continue;  // listed with its form, as accepted; not in the charts
      ++rules_[static_cast<std::size_t>(x.rule)][static_cast<std::size_t>(x.severity)];
    }
    briefs_.push_back({rank, f.file, f.number, shorten(f.project, 80), f.department,
                       f.grade ? std::string(grade_label_zh(*f.grade)) : ""});
    // Keep the detail of the kDetailForms most serious forms (a heap, least serious on top).
    const auto less_serious = [](const Detail& a, const Detail& b) { return a.rank < b.rank; };
    if (details_.size() == kDetailForms) {
      if (!(rank < details_.front().rank)) return;
      std::pop_heap(details_.begin(), details_.end(), less_serious);
      details_.pop_back();
    }
    details_.push_back({rank, form_html(file, i, f, rank.seq)});
    std::push_heap(details_.begin(), details_.end(), less_serious);
  }

  // Histogram bins of the recomputed rate: <50, 50–60, …, 90–95, 95–100, 100, >100, none.
  static std::size_t rate_bin(const std::optional<Decimal>& rate) {
    if (!rate) return 9;
    static const std::array<Decimal, 6> kBounds = {Decimal::of(50), Decimal::of(60),
                                                   Decimal::of(70), Decimal::of(80),
                                                   Decimal::of(90), Decimal::of(95)};
    for (std::size_t b = 0; b < kBounds.size(); ++b) {
      if (*rate < kBounds[b]) return b;
    }
    if (*rate < Decimal::of(100)) return 6;
    return *rate == Decimal::of(100) ? 7 : 8;
  }

  void problem(std::string_view file, std::string_view place, Severity s, std::string_view rule,
               std::string_view message) {
    ++problem_count_;
    file_errors_ += s == Severity::Error ? 1 : 0;
    if (problem_rows_ >= kFileProblems) return;
    problems_ +=
        fmt::format("<tr><td>{}{}{}</td><td class=\"sev {}\">{}</td><td>{}</td><td>{}</td></tr>\n",
                    escaped(file), place.empty() ? "" : ":", escaped(place), severity_name(s),
                    severity_label(s, zh_), escaped(rule), escaped(message));
    problem_rows_ += 1;
  }

  std::string form_html(const FileResult& file, std::size_t i, const FormFacts& f,
                        std::uint64_t id) const {
    const Form& form = file.doc.forms[i];
    const FormResult& result = file.forms[i];
    std::string h;
    const std::string_view cls = f.errors > 0 ? "bad" : f.warnings > 0 ? "warn" : "ok";
    fmt::format_to(
        std::back_inserter(h), "<article class=\"form {}\" id=\"f{}\"><h3>{}</h3>\n", cls, id,
        escaped(f.project.empty() ? t("(no project name)", "（无‹project›）") : f.project));
    fmt::format_to(std::back_inserter(h), "<p class=\"meta\">{}#{} · {} · {} · {}</p>\n",
                   escaped(f.file), f.number, escaped(f.department),
                   f.year ? std::to_string(*f.year) : "—",
                   escaped(f.unit.empty() ? "万元" : f.unit));
    // Reported beside recomputed, each row marked by the worst finding on it.
    auto worst = [&](FieldKey key, FundsRowId row) -> std::string_view {
      std::optional<Severity> w;
      for (const Finding& x : result.findings) {
        if (x.is_accepted()) continue;
        if (x.field.key == key && (key != FieldKey::RowRate || x.field.row == row)) {
          w = std::max(w.value_or(x.severity), x.severity);
        }
      }
      return w ? severity_name(*w) : "";
    };
    auto show = [](const std::optional<Decimal>& d) { return d ? d->str() : std::string("—"); };
    h += fmt::format(
        "<div class=\"scroll\"><table "
        "class=\"cmp\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
        t("Figure", "项目"), t("Reported", "填报"), t("Recomputed", "重新计算"));
    auto row = [&](std::string_view label, std::string_view mark, const std::string& reported,
                   const std::string& recomputed) {
      fmt::format_to(std::back_inserter(h),
                     "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td></tr>\n", mark,
                     escaped(label), escaped(reported), escaped(recomputed));
    };
    for (const FundsRowId id2 : kFundsRows) {
      const FundsRow& r = form.row(id2);
      if (!r.present) continue;
      const std::string label = zh_ ? lformat("{}‹row.rate› (%)", row_label_zh(id2))
                                    : fmt::format("rate of {} (%)", row_name(id2));
      row(label, worst(FieldKey::RowRate, id2), r.rate.ok() ? r.rate.value.str() : "—",
          show(file.forms[i].re.rate_of(id2)));
    }
    row(t("budget score", "‹row.score›"), worst(FieldKey::RowScore, FundsRowId::Total),
        show(f.reported_score), show(f.budget_score));
    row(t("total", "‹total›"), worst(FieldKey::Total, FundsRowId::Total), show(f.reported_total),
        show(f.total));
    row(t("grade", "‹grade›"), worst(FieldKey::Grade, FundsRowId::Total),
        f.reported_grade.empty() ? "—" : f.reported_grade,
        f.grade ? std::string(grade_label_zh(*f.grade)) : "—");
    h += "</tbody></table></div>\n";
    if (result.findings.empty()) {
      fmt::format_to(std::back_inserter(h), "<p class=\"clean\">✓ {}</p>",
                     t("no findings", "无问题"));
    } else {
      fmt::format_to(std::back_inserter(h),
                     "<div class=\"scroll\"><table "
                     "class=\"findings\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</"
                     "th><th>{}</th></tr></thead><tbody>\n",
                     t("Severity", "级别"), t("Rule", "规则"), t("Where", "位置"),
                     t("Finding", "说明"), t("Reported → expected", "填报 → 应为"));
      for (const Finding& x : result.findings) {
        std::string where = finding_place(x);
        const std::string field = finding_field(file, x);
        if (!field.empty()) where += " " + field;
        fmt::format_to(std::back_inserter(h),
                       "<tr><td class=\"sev "
                       "{}\">{}</td><td><code>{}</code></td><td><code>{}</code></td><td>{}</"
                       "td><td>{}</td></tr>\n",
                       x.is_accepted() ? "accepted" : severity_name(x.severity),
                       x.is_accepted() ? t("accepted", "已接受") : severity_label(x.severity, zh_),
                       rule_info(x.rule).name, escaped(where), escaped(message(x)),
                       x.reported.empty() && x.expected.empty()
                           ? std::string()
                           : escaped(fmt::format("{} → {}", x.reported.empty() ? "—" : x.reported,
                                                 x.expected.empty() ? "—" : x.expected)));
      }
      h += "</tbody></table></div>\n";
    }
    h += "</article>\n";
    return h;
  }

  void verdict(std::string& page, const Summary& s) const {
    const GroupTotals& a = totals_.all;
    const bool bad = s.errors > 0 || s.unreadable > 0;
    const std::string_view cls = bad ? "bad" : a.forms_with_warnings > 0 ? "warn" : "ok";
    std::string head;
    if (a.forms_with_errors > 0) {
      head = zh_ ? fmt::format("✗ {} 张自评表中 {} 张有错误", a.forms, a.forms_with_errors)
                 : fmt::format("✗ {} of {} {} errors", a.forms_with_errors,
                               counted(a.forms, "form"), a.forms_with_errors == 1 ? "has" : "have");
    } else if (file_errors_ > 0) {
      head = zh_ ? fmt::format("✗ {} 处文件无法读取或解析", file_errors_)
                 : fmt::format("✗ {} or parts of files could not be read",
                               counted(file_errors_, "file"));
    } else if (a.forms == 0) {
      head = t("No form was read", "未读到自评表");
    } else if (a.forms_with_warnings > 0) {
      head = zh_ ? fmt::format("! {} 张自评表无错误，{} 张有警告", a.forms, a.forms_with_warnings)
                 : fmt::format("! No errors in {}; {} with warnings", counted(a.forms, "form"),
                               a.forms_with_warnings);
    } else {
      head = zh_ ? fmt::format("✓ {} 张自评表全部正确", a.forms)
                 : a.forms == 1 ? std::string("✓ The form is correct")
                                : fmt::format("✓ All {} forms are correct", a.forms);
    }
    const auto rate = a.rate();
    const std::string line =
        zh_ ? lformat(
                  "{} 个文件（无法读取 {}），{} 张自评表：错误 {} 条，警告 {} 条，提示 {} 条。"
                  "Σ ‹row.annual› {} 万元，Σ ‹row.executed› {} 万元，‹row.rate› {}。",
                  s.files, s.unreadable, s.forms, s.errors, s.warnings, s.notices,
                  grouped(a.annual), grouped(a.executed), rate ? rate->str() + "%" : "—")
            : fmt::format(
                  "{} ({} unreadable), {}: {}, {}, {}. Σ budget {} 万元, Σ spent {} 万元, rate {}.",
                  counted(s.files, "file"), s.unreadable, counted(s.forms, "form"),
                  counted(s.errors, "error"), counted(s.warnings, "warning"),
                  counted(s.notices, "notice"),
                  grouped(a.annual), grouped(a.executed), rate ? rate->str() + "%" : "—");
    std::string aside;  // findings [[accept]] entries cover, and those a baseline holds
    if (s.accepted > 0 || s.baselined > 0) {
      aside = zh_ ? fmt::format(" 已接受 {} 条，基线中 {} 条（均不计入上述数目）。", s.accepted,
                                s.baselined)
                  : fmt::format(" {} accepted, {} in the baseline (neither counted above).",
                                s.accepted, s.baselined);
    }
    fmt::format_to(std::back_inserter(page),
                   "<header class=\"verdict {}\"><h1>{}</h1><p>{}</p></header>\n", cls,
                   escaped(head), escaped(line + aside));
  }

  void charts(std::string& page) const {
    const ChartSeries forms_series[] = {{t("forms", "自评表"), "#0969da"}};
    std::vector<ChartBar> grades;
    for (std::size_t g = 0; g < totals_.all.grades.size(); ++g) {
      grades.push_back(
          {std::string(grade_slot_label(g, zh_)), {totals_.all.grades[g]}, kGradeColor[g]});
    }
    static constexpr std::string_view kBins[] = {"<50",   "50–60",  "60–70", "70–80", "80–90",
                                                 "90–95", "95–100", "100",   ">100"};
    std::vector<ChartBar> rates;
    for (std::size_t b = 0; b < std::size(kBins); ++b)
      rates.push_back({std::string(kBins[b]), {rate_bins_[b]}, {}});
    const ChartSeries sev[] = {{severity_label(Severity::Error, zh_), kSeverityColor[2]},
                               {severity_label(Severity::Warning, zh_), kSeverityColor[1]},
                               {severity_label(Severity::Notice, zh_), kSeverityColor[0]}};
    std::vector<ChartBar> by_rule;
    for (const Rule& r : rules()) {
      const auto& c = rules_[static_cast<std::size_t>(r.id)];
      if (c[0] + c[1] + c[2] > 0) by_rule.push_back({std::string(r.name), {c[2], c[1], c[0]}, {}});
    }
    std::stable_sort(by_rule.begin(), by_rule.end(), [](const ChartBar& a, const ChartBar& b) {
      return a.values[0] + a.values[1] + a.values[2] > b.values[0] + b.values[1] + b.values[2];
    });
    std::vector<ChartBar> by_dept;
    for (const auto& [name, g] : departments_) {
      if (g.errors + g.warnings + g.notices == 0) continue;
      by_dept.push_back(
          {name.empty() ? t("(none)", "（未填）") : name, {g.errors, g.warnings, g.notices}, {}});
    }
    std::stable_sort(by_dept.begin(), by_dept.end(), [](const ChartBar& a, const ChartBar& b) {
      return a.values < b.values ? false : a.values != b.values;
    });
    const std::size_t shown_depts = std::min<std::size_t>(by_dept.size(), 15);
    page += fmt::format("<section id=\"charts\"><h2>{}</h2><div class=\"charts\">\n",
                        t("Charts", "图表"));
    auto figure = [&](std::string_view caption, const std::string& svg) {
      fmt::format_to(std::back_inserter(page), "<figure><figcaption>{}</figcaption>{}</figure>\n",
                     escaped(caption), svg);
    };
    figure(t("Recomputed grades", "重新计算的‹grade›"),
           column_chart(t("Recomputed grades", "重新计算的‹grade›"), grades, forms_series));
    figure(t("Execution rate (%), recomputed", "‹row.rate›（%，重新计算）"),
           column_chart(t("Execution rate", "‹row.rate›"), rates, forms_series));
    page += "</div>\n";  // the rankings below, each as wide as the page
    const std::string none = fmt::format("<p class=\"clean\">✓ {}</p>", t("no findings", "无问题"));
    figure(t("Findings by rule", "各规则问题数"),
           by_rule.empty() ? none : bar_chart(t("Findings by rule", "各规则问题数"), by_rule, sev));
    figure(shown_depts < by_dept.size()
               ? (zh_ ? lformat("各‹department›问题数（前 {} 个）", shown_depts)
                      : fmt::format("Findings by department (top {})", shown_depts))
               : std::string(t("Findings by department", "各‹department›问题数")),
           by_dept.empty() ? none
                           : bar_chart(t("Findings by department", "各‹department›问题数"),
                                       std::span(by_dept).first(shown_depts), sev));
    page += "</section>\n";
  }

  void departments(std::string& page) const {
    std::vector<std::pair<std::string, const GroupTotals*>> rows;
    for (const auto& [name, g] : departments_) rows.emplace_back(name, &g);
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      const GroupTotals& x = *a.second;
      const GroupTotals& y = *b.second;
      if (x.errors != y.errors) return x.errors > y.errors;
      if (x.warnings != y.warnings) return x.warnings > y.warnings;
      return x.notices > y.notices;
    });
    page += fmt::format(
        "<section id=\"departments\"><h2>{}</h2><div class=\"scroll\"><table><thead><tr><th>{}</th>"
        "<th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th "
        "class=\"n\">{}</th>"
        "<th class=\"n\">{}</th><th class=\"n\">{}</th><th "
        "class=\"n\">{}</th></tr></thead><tbody>\n",
        t("Departments by findings", "各‹department›（按问题数排序）"),
        t("Department", "‹department›"), t("Forms", "自评表"), t("With errors", "有错误"),
        t("Errors", "错误"), t("Warnings", "警告"), t("Σ budget (万元)", "Σ ‹row.annual›（万元）"),
        t("Σ spent (万元)", "Σ ‹row.executed›（万元）"), t("Rate", "‹row.rate›"));
    for (std::size_t i = 0; i < rows.size() && i < kRankedDepartments; ++i) {
      const GroupTotals& g = *rows[i].second;
      const auto rate = g.rate();
      fmt::format_to(
          std::back_inserter(page),
          "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
          "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td "
          "class=\"n\">{}</td></tr>\n",
          escaped(rows[i].first.empty() ? t("(none)", "（未填）") : rows[i].first), g.forms,
          g.forms_with_errors, g.errors, g.warnings, grouped(g.annual), grouped(g.executed),
          rate ? rate->str() + "%" : "—");
    }
    page += "</tbody></table></div>";
    if (rows.size() > kRankedDepartments) {
      fmt::format_to(
          std::back_inserter(page), "<p class=\"note\">{}</p>",
          zh_ ? lformat("另有 {} 个‹department›未列出。", rows.size() - kRankedDepartments)
              : fmt::format("{} more departments are not listed.",
                            rows.size() - kRankedDepartments));
    }
    page += "</section>\n";
  }

  void ranking(std::string& page) {
    const std::size_t n = std::min(briefs_.size(), kRankedForms);
    std::partial_sort(briefs_.begin(), briefs_.begin() + static_cast<std::ptrdiff_t>(n),
                      briefs_.end(),
                      [](const FormBrief& a, const FormBrief& b) { return a.rank < b.rank; });
    std::vector<std::uint64_t> detailed;
    for (const Detail& d : details_) detailed.push_back(d.rank.seq);
    std::sort(detailed.begin(), detailed.end());
    page += fmt::format(
        "<section id=\"forms\"><h2>{}</h2><div class=\"scroll\"><table><thead><tr><th "
        "class=\"n\">#</th>"
        "<th>{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th>"
        "<th class=\"n\">{}</th><th>{}</th></tr></thead><tbody>\n",
        n < briefs_.size() ? (zh_ ? fmt::format("问题最多的 {} 张自评表", n)
                                  : fmt::format("The {} forms with the most serious findings", n))
                           : std::string(t("Forms by findings", "各自评表（按问题数排序）")),
        t("Project", "‹project›"), t("Department", "‹department›"), t("File", "文件"),
        t("Errors", "错误"), t("Warnings", "警告"), t("Notices", "提示"), t("Grade", "等级"));
    for (std::size_t i = 0; i < n; ++i) {
      const FormBrief& b = briefs_[i];
      const bool linked = std::binary_search(detailed.begin(), detailed.end(), b.rank.seq);
      const std::string project = escaped(b.project.empty() ? "—" : b.project);
      fmt::format_to(
          std::back_inserter(page),
          "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}#{}</td><td class=\"n\">{}</td>"
          "<td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
          i + 1, linked ? fmt::format("<a href=\"#f{}\">{}</a>", b.rank.seq, project) : project,
          escaped(b.department), escaped(b.file), b.number, b.rank.errors, b.rank.warnings,
          b.rank.notices, escaped(b.grade));
    }
    page += "</tbody></table></div></section>\n";
  }

  void details(std::string& page) {
    std::sort(details_.begin(), details_.end(),
              [](const Detail& a, const Detail& b) { return a.rank < b.rank; });
    page +=
        fmt::format("<section id=\"details\"><h2>{}</h2>\n", t("Forms in detail", "各自评表详情"));
    if (briefs_.size() > details_.size()) {
      fmt::format_to(
          std::back_inserter(page), "<p class=\"note\">{}</p>\n",
          zh_ ? fmt::format("只列出问题最严重的 {} 张自评表；另有 {} 张未列出（完整结果见 "
                            "--output xlsx 或 sqlite）。",
                            details_.size(), briefs_.size() - details_.size())
              : fmt::format("Only the {} forms with the most serious findings are shown; {} "
                            "more are left out (--output xlsx or sqlite has them all).",
                            details_.size(), briefs_.size() - details_.size()));
    }
    for (const Detail& d : details_) page += d.html;
    page += "</section>\n";
  }

  void problems(std::string& page) const {
    if (problem_count_ == 0) return;
    fmt::format_to(
        std::back_inserter(page),
        "<section id=\"files\"><h2>{}</h2><div class=\"scroll\"><table><thead><tr><th>{}</th>"
        "<th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n{}</tbody></table></div>",
        t("Files that could not be read whole", "无法完整读取的文件"), t("File", "文件"),
        t("Severity", "级别"), t("Rule", "规则"), t("Finding", "说明"), problems_);
    if (problem_count_ > problem_rows_) {
      fmt::format_to(std::back_inserter(page), "<p class=\"note\">{}</p>",
                     zh_ ? fmt::format("另有 {} 条未列出。", problem_count_ - problem_rows_)
                         : fmt::format("{} more are not listed.", problem_count_ - problem_rows_));
    }
    page += "</section>\n";
  }

  std::ostream& out_;
  bool zh_;
  std::uint64_t seq_ = 0;
  ResultTotals totals_;
  std::map<std::string, GroupTotals> departments_;
  std::array<std::uint64_t, 10> rate_bins_{};
  std::array<std::array<std::uint64_t, 3>, kRuleCount> rules_{};
  std::vector<FormBrief> briefs_;
  std::vector<Detail> details_;  // a heap while reading, then sorted
  std::string problems_;
  std::size_t problem_count_ = 0;
  std::size_t problem_rows_ = 0;
  std::size_t file_errors_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_html_reporter(std::ostream& out, const ReportStyle& style,
                                             std::string_view) {
  return std::make_unique<HtmlReporter>(out, style);
}

}  // namespace pes
