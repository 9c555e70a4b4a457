// The checked workbook, marked up (pes check 自评表.xlsx --annotate marked.xlsx): a copy in
// which every cell with a finding is filled (red: error, amber: warning, blue: notice) and
// carries a comment with the finding and the expected value. Nothing else changes.
#include <fmt/format.h>

#include "pes/report.h"
#include "report/reporters.h"
#include "pes/rules.h"
#include "result_rows.h"
#include "xlsx_annotate.h"

namespace pes {
namespace {

class AnnotateReporter final : public Reporter {
 public:
  AnnotateReporter(std::ostream& out, ReportStyle style) : out_(out), zh_(style.chinese) {}

  void file(const FileResult& file) override {
    if (seen_++ > 0) {
      fail(fmt::format("{}: only one workbook can be annotated at a time", file.path),
           fmt::format("{}：一次只能标注一个工作簿", file.path));
      return;
    }
    if (!file.opened) {
      error_ = file.error;
      return;
    }
    if (file.doc.format != Format::Xlsx || file.doc.places.empty()) {
      fail(fmt::format("{}: cannot annotate: it could not be read as a workbook", file.path),
           fmt::format("{}：无法标注：不能作为工作簿读取", file.path));
      return;
    }
    std::vector<CellMark> marks;
    auto mark = [&](const Finding& f) {
      const auto bang = f.pointer.rfind('!');
      if (bang == std::string::npos) return;  // the workbook as a whole: no cell to mark
      std::string sheet = f.pointer.substr(0, bang);
      if (sheet.size() >= 2 && sheet.front() == '\'' && sheet.back() == '\'') {
        sheet = sheet.substr(1, sheet.size() - 2);
      }
      std::string text = fmt::format("{} [{}] {}", severity_label(f.severity, zh_),
                                     rule_info(f.rule).name, f.message.in(zh_));
      if (!f.reported.empty() || !f.expected.empty()) {
        const std::string reported = f.reported.empty() ? "—" : f.reported;
        const std::string expected = f.expected.empty() ? "—" : f.expected;
        text += zh_ ? fmt::format("\n填报 {} → 应为 {}", reported, expected)
                    : fmt::format("\nreported {} → expected {}", reported, expected);
      }
      if (f.is_accepted()) {  // marked as a notice, with the reason it was accepted
        text = fmt::format("{} {}\n{}{}", zh_ ? "已接受" : "accepted", text,
                           zh_ ? "接受理由：" : "accepted because: ", f.accepted);
      }
      marks.push_back({std::move(sheet), f.line, f.column,
                       f.is_accepted() ? Severity::Notice : f.severity, std::move(text)});
    };
    for (const Finding& f : file.file_findings) mark(f);
    for (const FormResult& r : file.forms) {
      for (const Finding& f : r.findings) mark(f);
    }
    const std::string_view bytes = file.source.text();
    if (marks.empty()) {  // nothing to mark: the copy is the workbook itself
      out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      return;
    }
    std::string annotated;
    std::string why;
    if (!annotate_workbook(bytes, marks, annotated, why)) {
      fail(fmt::format("{}: cannot annotate: {}", file.path, why),
           fmt::format("{}：无法标注：{}", file.path, why));
      return;
    }
    out_.write(annotated.data(), static_cast<std::streamsize>(annotated.size()));
  }

  void finish(const Summary&) override {
    if (seen_ == 0) fail("no workbook to annotate", "没有可标注的工作簿");
  }

  const Message* error() const override { return error_.en.empty() ? nullptr : &error_; }

 private:
  void fail(std::string en, std::string zh) {
    if (error_.en.empty()) error_ = {std::move(en), std::move(zh)};
  }

  std::ostream& out_;
  bool zh_;
  std::size_t seen_ = 0;
  Message error_;
};

}  // namespace

std::unique_ptr<Reporter> make_annotate_reporter(std::ostream& out, const ReportStyle& style,
                                        std::string_view) {
  return std::make_unique<AnnotateReporter>(out, style);
}

}  // namespace pes
