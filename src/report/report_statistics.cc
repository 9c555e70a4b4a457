// --statistics: how many findings each rule produced, most first.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "pes/report.h"
#include "report/reporters.h"
#include "pes/rules.h"

namespace pes {
namespace {

class StatisticsReporter final : public Reporter {
 public:
  StatisticsReporter(std::ostream& out, ReportStyle style) : out_(out), style_(std::move(style)) {}

  void file(const FileResult& file) override {
    for (const Finding& f : file.file_findings) count(f);
    for (const FormResult& form : file.forms) {
      for (const Finding& f : form.findings) count(f);
    }
  }

  void finish(const Summary&) override {
    std::vector<std::pair<RuleId, std::size_t>> rows(counts_.begin(), counts_.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    const bool zh = style_.chinese;
    if (rows.empty()) {
      out_ << (zh ? "统计：无问题\n" : "statistics: no findings\n");
      return;
    }
    for (const auto& [id, n] : rows) {
      const Rule& r = rule_info(id);
      out_ << fmt::format("{:>5}  {:<26} {:<8} {}\n", n, r.name, severity_name(levels_.at(id)),
                          r.summary.in(zh));
    }
  }

 private:
  void count(const Finding& f) {
    if (f.is_accepted()) return;  // accepted deviations are not counted against a rule
    ++counts_[f.rule];
    levels_.emplace(f.rule, f.severity);
  }

  std::ostream& out_;
  ReportStyle style_;
  std::map<RuleId, std::size_t> counts_;  // table order for equal counts
  std::map<RuleId, Severity> levels_;
};

}  // namespace

std::unique_ptr<Reporter> make_statistics_reporter(std::ostream& out, const ReportStyle& style,
                                  std::string_view) {
  return std::make_unique<StatisticsReporter>(out, style);
}

}  // namespace pes
