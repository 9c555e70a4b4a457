// The registry of reporters. A new reporter is its file plus one row here.
#include <array>

#include "report/reporters.h"

namespace pes {
namespace {

constexpr std::array kReporters = {
    ReporterInfo{"text", "txt", true,
                 {"for people: a verdict per form, then file:line:column: severity[rule] message",
                  "供人阅读：每张自评表一行结论，其后逐条列出问题"},
                 &make_text_reporter},
    ReporterInfo{"json", "json", false,
                 {"the whole report as one JSON document (schemas/report.schema.json)",
                  "整份报告为一个 JSON 文档"},
                 &make_json_reporter},
    ReporterInfo{"sarif", "sarif", false,
                 {"SARIF 2.1.0, for code scanning", "SARIF 2.1.0，供代码扫描使用"},
                 &make_sarif_reporter},
    ReporterInfo{"github", "txt", true,
                 {"GitHub Actions workflow commands (annotations) and a step summary",
                  "GitHub Actions 工作流命令（注释）及步骤摘要"},
                 &make_github_reporter},
    ReporterInfo{"junit", "xml", false,
                 {"JUnit XML: a test suite per file", "JUnit XML：每个文件一个测试套件"},
                 &make_junit_reporter},
    ReporterInfo{"forms", "csv", true,
                 {"one row per form: CSV (UTF-8 with BOM), or JSON Lines for .jsonl",
                  "每张自评表一行：CSV（带 BOM 的 UTF-8），.jsonl 则为 JSON Lines"},
                 &make_forms_reporter},
    ReporterInfo{"findings", "csv", true,
                 {"one row per finding: CSV (UTF-8 with BOM), or JSON Lines for .jsonl",
                  "每个问题一行：CSV（带 BOM 的 UTF-8），.jsonl 则为 JSON Lines"},
                 &make_findings_reporter},
    ReporterInfo{"summary", "txt", false,
                 {"a year's summary: findings by rule, grades, money by department",
                  "年度汇总：各规则问题数、评分等级、各主管部门金额"},
                 &make_summary_reporter},
    ReporterInfo{"statistics", "txt", false,
                 {"how many findings each rule produced", "各规则的问题数"},
                 &make_statistics_reporter},
};

}  // namespace

std::span<const ReporterInfo> reporters() { return kReporters; }

const ReporterInfo* find_reporter(std::string_view name) {
  for (const ReporterInfo& r : kReporters) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

std::string reporter_names(std::string_view separator) {
  std::string out;
  for (const ReporterInfo& r : kReporters) {
    if (!out.empty()) out += separator;
    out += r.name;
  }
  return out;
}

std::string_view pes_version() { return PES_VERSION; }

}  // namespace pes
