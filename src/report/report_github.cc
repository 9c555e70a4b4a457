// The GitHub Actions reporter: a workflow command per finding, and, when the step summary file
// is given, a Markdown table of every finding (GitHub shows only a few annotations per step).
#include <fstream>

#include <fmt/format.h>

#include "pes/text.h"

#include "pes/report.h"
#include "report/reporters.h"
#include "pes/rules.h"

namespace pes {
namespace {

std::string_view command(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Notice: return "notice";
  }
  return "error";
}

// Workflow-command escaping: data escapes %, CR and LF; property values also : and ,.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

// A Markdown table cell: no line breaks, no bare pipes.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

// The step summary's line and column: a workbook's cell (Sheet1!C5) and a CSV's row and column
// letters as a spreadsheet shows them, else the line and column of the text.
std::string table_row(const Finding& f) {
  if (f.in_cell) return cell(finding_place(f));
  return std::to_string(f.row > 0 ? f.row : f.line);
}
std::string table_column(const Finding& f) {
  if (f.in_cell) return {};
  return f.row > 0 ? f.column_letter : std::to_string(f.column);
}

class GithubReporter final : public Reporter {
 public:
  GithubReporter(std::ostream& out, ReportStyle style) : out_(out), style_(std::move(style)) {}

  void file(const FileResult& file) override {
    if (!file.opened) {
      const std::string& msg = file.error.in(style_.chinese);
      out_ << "::error file=" << escape(file.path, true) << ",title=pes::" << escape(msg, false) << '\n';
      rows_ += fmt::format("| {} |  |  | {} |  | {} |\n", cell(file.path),
                           severity_label(Severity::Error, style_.chinese), cell(msg));
      return;
    }
    for (const Finding& f : file.file_findings) emit(file, f);
    for (const FormResult& form : file.forms) {
      for (const Finding& f : form.findings) emit(file, f);
    }
  }

  void finish(const Summary& s) override {
    out_.flush();
    if (style_.step_summary.empty()) return;
    std::ofstream md(style_.step_summary, std::ios::app | std::ios::binary);
    const bool zh = style_.chinese;
    md << "### pes\n\n"
       << (zh ? fmt::format("{} 个文件，{} 张表：{} 个错误，{} 个警告，{} 个提示\n\n", s.files, s.forms,
                            s.errors, s.warnings, s.notices)
              : fmt::format("{}, {}: {}, {}, {}\n\n", counted(s.files, "file"),
                            counted(s.forms, "form"), counted(s.errors, "error"),
                            counted(s.warnings, "warning"), counted(s.notices, "notice")));
    if (rows_.empty()) {
      md << (zh ? "未发现问题。\n\n" : "No findings.\n\n");
      return;
    }
    md << (zh ? "| 文件 | 行 | 列 | 级别 | 规则 | 说明 |\n" : "| file | line | column | severity | rule | message |\n")
       << "|---|---|---|---|---|---|\n"
       << rows_ << '\n';
  }

 private:
  void emit(const FileResult& file, const Finding& f) {
    const std::string_view rule = rule_info(f.rule).name;
    const bool zh = style_.chinese;
    std::string msg = f.message.in(zh);
    // A spreadsheet's place (a workbook's Sheet!Cell, a CSV's row and column letters) has no
    // line in GitHub's sense: it is named in the title, which GitHub shows above the message.
    const std::string place = in_table(f) ? finding_place(f) : std::string();
    const std::string at = place.empty() ? std::string() : " " + place;
    std::string title = fmt::format("pes ({}){}", rule, at);
    std::string level(severity_label(f.severity, zh));
    if (f.is_accepted()) {
      // Shown, but as a notice: a person has accepted it.
      msg = fmt::format("{}{} — {}", zh ? "已接受：" : "accepted: ", f.accepted, msg);
      title = fmt::format("pes ({}, {}){}", rule, zh ? "已接受" : "accepted", at);
      level = zh ? fmt::format("已接受（{}）", level) : fmt::format("accepted {}", level);
    }
    out_ << "::" << (f.is_accepted() ? "notice" : command(f.severity))
         << " file=" << escape(file.path, true);
    // A workbook has no lines: its row would be taken for a line of the file. A CSV's physical
    // line is where GitHub shows the text, so it stays (the title names the spreadsheet row).
    if (f.line > 0 && !f.in_cell) out_ << ",line=" << f.line << ",col=" << f.column;
    out_ << ",title=" << escape(title, true) << "::" << escape(msg, false) << '\n';
    rows_ += fmt::format("| {} | {} | {} | {} | `{}` | {} |\n", cell(file.path), table_row(f),
                         table_column(f), level, rule, cell(msg));
  }

  std::ostream& out_;
  ReportStyle style_;
  std::string rows_;
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, const ReportStyle& style,
                                  std::string_view) {
  return std::make_unique<GithubReporter>(out, style);
}

}  // namespace pes
