// The GitLab reporter: a Code Quality report (a JSON array of issues), which GitLab shows in
// merge requests. Each finding is an issue with its rule as check_name, a severity, the file
// relative to the current folder and its line, and a fingerprint that stays the same when
// lines move (rule, file, JSON Pointer and the occurrence among equals).
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "pes/report.h"
#include "pes/rules.h"
#include "report/fingerprint.h"
#include "report/relative_path.h"
#include "report/reporters.h"

namespace pes {
namespace {

using ojson = nlohmann::ordered_json;

// GitLab's scale: info, minor, major, critical, blocker.
std::string_view gitlab_severity(Severity s) {
  switch (s) {
    case Severity::Error:
      return "major";
    case Severity::Warning:
      return "minor";
    case Severity::Notice:
      return "info";
  }
  return "info";
}

class GitlabReporter final : public Reporter {
 public:
  GitlabReporter(std::ostream& out, ReportStyle style) : out_(out), style_(std::move(style)) {}

  void file(const FileResult& file) override {
    const bool zh = style_.chinese;
    if (!file.opened) {
      add(file.path, "unreadable", "critical", file.error.in(zh), 1, "");
      return;
    }
    for (const Finding& f : file.file_findings) issue(file, f);
    for (const FormResult& form : file.forms) {
      for (const Finding& f : form.findings) issue(file, f);
    }
  }

  void finish(const Summary&) override { out_ << issues_.dump(2) << '\n'; }

 private:
  void issue(const FileResult& file, const Finding& f) {
    if (f.is_accepted()) return;  // Code Quality has no suppressions: an accepted finding is gone
    add(file.path, rule_info(f.rule).name, gitlab_severity(f.severity),
        finding_line(file.path, f, style_.chinese), std::max<std::uint32_t>(f.line, 1), f.pointer);
  }

  // The path relative to the current folder when it lies below it, as GitLab wants it.
  std::string relative(const std::string& path) const { return relative_path(path, style_.root); }

  void add(const std::string& path, std::string_view check, std::string_view severity,
           const std::string& description, std::uint32_t line, std::string_view pointer) {
    const std::string rel = relative(path);
    const std::string key = fmt::format("{}\n{}\n{}", check, rel, pointer);
    const std::size_t occurrence = ++seen_[key];
    issues_.push_back({{"type", "issue"},
                       {"check_name", check},
                       {"description", description},
                       {"categories", ojson::array({"Bug Risk"})},
                       {"severity", severity},
                       {"fingerprint", fmt::format("{:016x}{:016x}", fnv1a(key), occurrence)},
                       {"location", {{"path", rel}, {"lines", {{"begin", line}}}}}});
  }

  std::ostream& out_;
  ReportStyle style_;
  ojson issues_ = ojson::array();
  std::map<std::string, std::size_t> seen_;
};

}  // namespace

std::unique_ptr<Reporter> make_gitlab_reporter(std::ostream& out, const ReportStyle& style,
                                               std::string_view) {
  return std::make_unique<GitlabReporter>(out, style);
}

}  // namespace pes
