// Reporters turn checked files into text for people or machines. One per format.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "pes/checker.h"

namespace pes {

struct Summary {
  std::size_t files = 0;
  std::size_t unreadable = 0;  ///< files that could not be opened
  std::size_t forms = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;

  void add(const FileResult& file);
};

struct ReportStyle {
  bool chinese = false;  ///< messages and labels in Chinese
  bool color = false;    ///< ANSI colours
  std::string root;          ///< absolute folder that SARIF URIs are relative to ("": none)
  std::string step_summary;  ///< file the GitHub reporter appends a Markdown table to ("": none)
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  /// Reports one checked file, as soon as it is checked.
  virtual void file(const FileResult& file) = 0;
  /// Ends the report.
  virtual void finish(const Summary& summary) = 0;
  /// After finish(): why a reporter that writes its own file could not write it (null: it did).
  virtual const Message* error() const { return nullptr; }
};

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, ReportStyle style);
std::unique_ptr<Reporter> make_json_reporter(std::ostream& out, ReportStyle style);
/// SARIF 2.1.0: one run; every rule that ran in tool.driver.rules.
std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, ReportStyle style);
/// GitHub Actions workflow commands (::error file=…::…), and a Markdown table in
/// style.step_summary when it is set.
std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, ReportStyle style);
/// JUnit XML: a <testsuite> per file, a <testcase> per finding or clean form.
std::unique_ptr<Reporter> make_junit_reporter(std::ostream& out, ReportStyle style);
/// How many findings each rule produced (--statistics).
std::unique_ptr<Reporter> make_statistics_reporter(std::ostream& out, ReportStyle style);

/// The results workbook (.xlsx): sheets 表单 (a row per form), 问题 (a row per finding, linked
/// to its form's row) and 汇总 (by year × 主管部门), written to `path` by finish().
std::unique_ptr<Reporter> make_xlsx_reporter(std::string path, ReportStyle style);
/// One self-contained HTML page: the verdict, SVG charts, departments and forms ranked by
/// findings, and each form's figures and findings (the most serious ones when there are many).
std::unique_ptr<Reporter> make_html_reporter(std::ostream& out, ReportStyle style);
/// An SQLite database of the forms, their funds rows, indicators and findings, with a view per
/// summary, written into the new or empty file `path` by finish().
std::unique_ptr<Reporter> make_sqlite_reporter(std::string path, ReportStyle style);
/// A copy of a checked workbook (.xlsx) in which every cell with a finding is filled (red:
/// error, amber: warning, blue: notice) and carries a comment; nothing else changes.
std::unique_ptr<Reporter> make_annotate_reporter(std::ostream& out, ReportStyle style);

/// The version of pes.
std::string_view pes_version();

}  // namespace pes
