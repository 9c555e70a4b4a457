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

/// The version of pes.
std::string_view pes_version();

}  // namespace pes
