// The registry of reporters. A new reporter is its file plus one row here.
#include <array>

#include "pes/text.h"
#include "report/reporters.h"

namespace pes {
namespace {

using sv = std::string_view;
constexpr std::array<sv, 1> kXlsxOut = {"xlsx"};
constexpr std::array<sv, 2> kHtmlOut = {"html", "htm"};
constexpr std::array<sv, 3> kSqliteOut = {"sqlite", "sqlite3", "db"};

constexpr std::array kReporters = {
    ReporterInfo{"text", "txt", true,
                 {"for people: a verdict per form, then file:line:column: severity[rule] message",
                  "供人阅读：每张自评表一行结论，其后逐条列出问题"},
                 &make_text_reporter, false, {}, false, true},
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
    ReporterInfo{"gitlab", "json", false,
                 {"GitLab Code Quality JSON, for merge requests",
                  "GitLab 代码质量报告（JSON），供合并请求使用"},
                 &make_gitlab_reporter},
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
                  "年度汇总：各规则问题数、‹grade›、各‹department›金额"},
                 &make_summary_reporter, false, {}, false, true},
    ReporterInfo{"statistics", "txt", false,
                 {"how many findings each rule produced", "各规则的问题数"},
                 &make_statistics_reporter, false, {}, false, true},
    ReporterInfo{"html", "html", false,
                 {"one self-contained HTML page: verdict, SVG charts, rankings, each form",
                  "自包含的 HTML 页面：结论、SVG 图表、排名、各表明细"},
                 &make_html_reporter, false, kHtmlOut},
    ReporterInfo{"xlsx", "xlsx", false,
                 {"an Excel workbook of results: forms, findings, summary by year and department",
                  "结果工作簿：表单、问题、按年度和‹department›汇总"},
                 &make_xlsx_reporter, true, kXlsxOut},
    ReporterInfo{"sqlite", "sqlite", false,
                 {"an SQLite database of forms, funds rows, indicators and findings",
                  "SQLite 数据库：表单、资金行、指标、问题"},
                 &make_sqlite_reporter, true, kSqliteOut},
    ReporterInfo{"annotate", "xlsx", false,
                 {"the checked .xlsx workbook, each cell with a finding filled and commented",
                  "被检查的 .xlsx 工作簿副本，有问题的单元格着色并加批注"},
                 &make_annotate_reporter, false, {}, true},
};

}  // namespace

std::span<const ReporterInfo> reporters() { return kReporters; }

const ReporterInfo* find_reporter(std::string_view name) {
  for (const ReporterInfo& r : kReporters) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

const ReporterInfo& reporter_for_out(std::string_view path) {
  for (const ReporterInfo& r : kReporters) {
    for (std::string_view ext : r.out_extensions) {
      if (has_extension(path, ext)) return r;
    }
  }
  return *find_reporter("forms");
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
