// The JUnit XML reporter: one <testsuite> per file; a failing <testcase> per finding, a passing
// one per clean form, and an <error> for a file that cannot be read or parsed.
#include <map>

#include <fmt/format.h>

#include "pes/fields.h"
#include "pes/report.h"
#include "report/reporters.h"
#include "pes/rules.h"

namespace pes {
namespace {

// Text for an XML attribute (or, with `attribute` false, an element's body): markup escaped,
// characters XML forbids dropped.
std::string xml(std::string_view text, bool attribute = true) {
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default:
        if (c >= 0x20) out += ch;
    }
  }
  return out;
}

class JunitReporter final : public Reporter {
 public:
  JunitReporter(std::ostream& out, ReportStyle style) : out_(out), style_(std::move(style)) {}

  void file(const FileResult& file) override {
    const bool zh = style_.chinese;
    // A large JSON Lines file comes in parts: one suite for all of them.
    std::string& cases = cases_;
    std::size_t& tests = tests_;
    std::size_t& failures = failures_;
    std::size_t& errors = errors_;
    std::size_t& skipped = skipped_;
    const std::string path = xml(file.path);
    if (!file.opened) {
      ++tests;
      ++errors;
      const std::string msg = xml(file.error.in(zh));
      cases += fmt::format(
          "    <testcase classname=\"{0}\" name=\"{0}\">\n      <error type=\"unreadable\" "
          "message=\"{1}\">{1}</error>\n    </testcase>\n",
          path, msg);
    } else {
      for (const Finding& f : file.file_findings) {
        ++tests;
        if (f.is_accepted()) {
          ++skipped;
          cases += testcase(file, f, "skipped", "");
          continue;
        }
        const bool error = !file.doc.parsed;  // the file as a whole could not be read
        (error ? errors : failures) += 1;
        cases += testcase(file, f, error ? "error" : "failure", "");
      }
      for (std::size_t i = 0; i < file.forms.size(); ++i) {
        const FormResult& form = file.forms[i];
        if (form.findings.empty()) {
          ++tests;
          cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\"/>\n", path,
                               xml(form_name(file, i)));
        }
        // A finding fails its test only when it fails the run (at or above --fail-on); one
        // below passes, its text kept in system-out, so a green pipeline shows no red test.
        for (const Finding& f : form.findings) {
          ++tests;
          if (f.is_accepted()) {  // a deviation pes.toml accepts: skipped, with its reason
            ++skipped;
            cases += testcase(file, f, "skipped", form_name(file, i));
            continue;
          }
          const bool fails = f.severity >= file.rules.fail_on;
          failures += fails ? 1 : 0;
          cases += testcase(file, f, fails ? "failure" : "", form_name(file, i));
        }
      }
    }
    if (!file.last_part) return;
    total_tests_ += tests;
    total_failures_ += failures;
    total_errors_ += errors;
    total_skipped_ += skipped;
    suites_ += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n{}"
        "  </testsuite>\n",
        path, tests, failures, errors, skipped, cases);
    cases_.clear();
    names_.clear();
    tests_ = failures_ = errors_ = skipped_ = 0;
  }

  void finish(const Summary&) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << fmt::format("<testsuites name=\"pes\" tests=\"{}\" failures=\"{}\" errors=\"{}\"{}>\n",
                        total_tests_, total_failures_, total_errors_,
                        total_skipped_ > 0 ? fmt::format(" skipped=\"{}\"", total_skipped_) : "")
         << suites_ << "</testsuites>\n";
  }

 private:
  std::string form_name(const FileResult& file, std::size_t i) const {
    const Form& form = file.doc.forms[i];
    const std::string project = form.project.ok() ? form.project.value : "";
    if (file.doc.forms.size() == 1 && file.part == 0 && file.last_part) {
      return project.empty() ? std::string("form") : project;
    }
    return fmt::format("[{}] {}", std::uint64_t{form.index} + 1, project);  // people count from 1
  }

  // A test's name is stable across edits of the file and the same in every format: the form,
  // the rule and the field's pes/1 JSON Pointer within its form, never a line, row or cell
  // (the failure's text names those); a second finding of the same name gets " #2". An empty
  // `element` is a passing test.
  std::string testcase(const FileResult& file, const Finding& f, std::string_view element,
                       const std::string& form) {
    const std::string_view rule = rule_info(f.rule).name;
    const std::string msg =
        f.is_accepted()
            ? xml(fmt::format("{}{}", style_.chinese ? "已接受：" : "accepted: ", f.accepted))
            : xml(f.message.in(style_.chinese));
    std::string body = finding_line(file.path, f, style_.chinese);
    if (!f.reported.empty()) body += fmt::format("\nreported: {}", f.reported);
    if (!f.expected.empty()) body += fmt::format("\nexpected: {}", f.expected);
    if (!f.pointer.empty()) {
      const std::string_view kind = f.in_cell ? "cell" : f.row > 0 ? "column" : "pointer";
      body += fmt::format("\n{}: {}", kind, f.pointer);
    }
    std::string name = form.empty() ? std::string(rule) : fmt::format("{}: {}", form, rule);
    const std::string field = f.form != kWholeFile ? json_pointer(f.field) : f.pointer;
    if (!field.empty()) name.append(" ").append(field);
    if (const std::size_t n = ++names_[name]; n > 1) name += fmt::format(" #{}", n);
    // A workbook has no lines (its row would be taken for one); a text file's line stays.
    const std::string line = f.in_cell ? std::string() : fmt::format(" line=\"{}\"", f.line);
    const std::string head =
        fmt::format("    <testcase classname=\"{0}\" name=\"{1}\" file=\"{0}\"{2}>\n",
                    xml(file.path), xml(name), line);
    if (element.empty()) {
      return head + fmt::format("      <system-out>{}</system-out>\n    </testcase>\n",
                                xml(body, false));
    }
    return head + fmt::format("      <{0} type=\"{1}\" message=\"{2}\">{3}</{0}>\n    </testcase>\n",
                              element, rule, msg, xml(body, false));
  }

  std::ostream& out_;
  ReportStyle style_;
  std::string suites_;
  std::string cases_;  // of the file whose parts are coming
  std::map<std::string, std::size_t> names_;  // the test names of that file, and how often
  std::size_t tests_ = 0;
  std::size_t failures_ = 0;
  std::size_t errors_ = 0;
  std::size_t skipped_ = 0;
  std::size_t total_tests_ = 0;
  std::size_t total_failures_ = 0;
  std::size_t total_errors_ = 0;
  std::size_t total_skipped_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(std::ostream& out, const ReportStyle& style,
                                  std::string_view) {
  return std::make_unique<JunitReporter>(out, style);
}

}  // namespace pes
