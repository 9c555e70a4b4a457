// The text reporter: a verdict line per form, then compiler-style findings.
#include <fmt/format.h>

#include "pes/grade.h"
#include "pes/label_format.h"
#include "pes/report.h"
#include "pes/rules.h"
#include "pes/text.h"
#include "report/reporters.h"

namespace pes {
namespace {

constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kCyan = "\x1b[36m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

class TextReporter final : public Reporter {
 public:
  TextReporter(std::ostream& out, ReportStyle style) : out_(out), style_(style) {}

  void file(const FileResult& file) override {
    if (!file.opened) {
      out_ << paint(kRed, file.error.in(style_.chinese)) << '\n';
      return;
    }
    for (const Finding& f : file.file_findings) finding(file, f);
    for (std::size_t i = 0; i < file.doc.forms.size(); ++i)
      form(file, file.doc.forms[i], file.forms[i]);
  }

  void finish(const Summary& s) override {
    if (style_.quiet) return;  // --quiet: the findings are all there is
    const bool zh = style_.chinese;
    std::string line =
        zh ? fmt::format("共 {} 个文件、{} 张自评表：{} 个错误，{} 个警告，{} 条提示", s.files,
                         s.forms, s.errors, s.warnings, s.notices)
           : fmt::format("{}, {}: {}, {}, {}", counted(s.files, "file"), counted(s.forms, "form"),
                         counted(s.errors, "error"), counted(s.warnings, "warning"),
                         counted(s.notices, "notice"));
    if (s.accepted > 0) {
      line +=
          zh ? fmt::format("；{} 条已接受", s.accepted) : fmt::format("; {} accepted", s.accepted);
    }
    if (s.baselined > 0) {
      line += zh ? fmt::format("；{} 条在基线中", s.baselined)
                 : fmt::format("; {} in the baseline", s.baselined);
    }
    if (s.unreadable > 0) {
      line += zh ? fmt::format("；{} 个文件无法读取", s.unreadable)
                 : fmt::format("; {} unreadable", s.unreadable);
    }
    out_ << paint(kBold, line) << '\n';
  }

 private:
  std::string paint(std::string_view color, std::string_view text) const {
    if (!style_.color) return std::string(text);
    return fmt::format("{}{}{}", color, text, kReset);
  }

  void form(const FileResult& file, const Form& form, const FormResult& result) {
    if (style_.quiet) {  // --quiet: each finding's line names its file and place already
      for (const Finding& f : result.findings) finding(file, f);
      return;
    }
    const bool zh = style_.chinese;
    const Recomputed& re = result.re;
    std::string title = form.project.ok() ? shorten(form.project.value)
                                          : (zh ? with_labels("（无‹project›）")
                                                : std::string("(no project name)"));
    if (form.year.ok())
      title +=
          zh ? fmt::format("（{} 年度）", form.year.value) : fmt::format(" ({})", form.year.value);
    if (form.template_name.ok() && !form.template_name.value.empty()) {
      title += zh ? fmt::format(" · 模板 {}", form.template_name.value)
                  : fmt::format(" · template {}", form.template_name.value);
    }
    const bool many = file.doc.is_array || file.doc.forms.size() > 1 || file.part > 0 ||
                      !file.last_part;
    const std::string where = many
                                  ? fmt::format("{}#{}", file.path, std::uint64_t{form.index} + 1)
                                  : file.path;
    out_ << paint(kBold, fmt::format("{}: {}", where, title)) << '\n';

    auto show = [](const std::optional<Decimal>& d) { return d ? d->str() : std::string("?"); };
    const std::string rate = show(re.rate_of(FundsRowId::Total));
    const std::string grade = re.grade ? std::string(grade_label_zh(*re.grade)) : "?";
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t accepted = 0;
    for (const Finding& f : result.findings) {
      if (f.is_accepted()) {
        ++accepted;
        continue;
      }
      errors += f.severity == Severity::Error ? 1 : 0;
      warnings += f.severity == Severity::Warning ? 1 : 0;
    }
    std::string verdict;
    if (errors == 0 && warnings == 0) {
      verdict = paint(kGreen, zh ? "✓ 正确" : "✓ correct");
    } else if (errors == 0) {
      verdict = paint(kYellow, zh ? fmt::format("{} 个警告", warnings)
                                  : counted(warnings, "warning"));
    } else {
      verdict = paint(kRed, zh ? fmt::format("✗ {} 个错误", errors)
                               : "✗ " + counted(errors, "error"));
    }
    if (accepted > 0) {
      verdict +=
          zh ? fmt::format(" · {} 条已接受", accepted) : fmt::format(" · {} accepted", accepted);
    }
    out_ << "  "
         << (zh ? lformat("‹row.rate› {}% · ‹row.score› {} · ‹total› {} · 等级 {} · {}", rate,
                          show(re.budget_score), show(re.total), grade, verdict)
                : fmt::format("rate {}% · budget score {} · total {} · grade {} · {}", rate,
                              show(re.budget_score), show(re.total), grade, verdict))
         << '\n';
    for (const Finding& f : result.findings) finding(file, f);
  }

  void finding(const FileResult& file, const Finding& f) {
    const bool zh = style_.chinese;
    const std::string_view color = f.severity == Severity::Error     ? kRed
                                   : f.severity == Severity::Warning ? kYellow
                                                                     : kCyan;
    const std::string head =
        f.is_accepted() ? fmt::format("{} {}", zh ? "已接受" : "accepted", finding_head(f, zh))
                        : finding_head(f, zh);
    out_ << (style_.quiet ? "" : "  ") << finding_location(file.path, f) << ": "
         << paint(f.is_accepted() ? kDim : color, head) << ' ' << f.message.in(zh) << '\n';
    if (f.is_accepted()) {
      out_ << "      "
           << paint(kDim, fmt::format("{}{}", zh ? "接受理由：" : "accepted because: ", f.accepted))
           << '\n';
    }
    if (!f.reported.empty() || !f.expected.empty()) {
      const std::string reported = f.reported.empty() ? "—" : f.reported;
      const std::string expected = f.expected.empty() ? "—" : f.expected;
      out_ << "      "
           << paint(kDim, zh ? fmt::format("填报 {} → 应为 {}", reported, expected)
                             : fmt::format("reported {} → expected {}", reported, expected));
      if (!f.pointer.empty()) out_ << paint(kDim, fmt::format("  ({})", f.pointer));
      out_ << '\n';
    }
  }

  std::ostream& out_;
  ReportStyle style_;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, const ReportStyle& style,
                                             std::string_view) {
  return std::make_unique<TextReporter>(out, style);
}

}  // namespace pes
