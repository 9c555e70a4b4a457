// Reporters turn checked files into text for people or machines, one reporter per format, and
// one table of them (the registry) that --output, the help, the man page and the completions
// read.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "pes/file_result.h"
#include "pes/summary.h"

namespace pes {

struct ReportStyle {
  bool chinese = false;  ///< messages and labels in Chinese
  bool color = false;    ///< ANSI colours
  std::string root;          ///< absolute folder that SARIF URIs are relative to ("": none)
  std::string step_summary;  ///< file the GitHub reporter appends a Markdown table to ("": none)
  bool quiet = false;  ///< findings only: no verdict for a clean form, no closing counts
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  /// Reports one checked file (or one part of a large JSON Lines file: FileResult::part), in
  /// input order, as soon as it is checked.
  virtual void file(const FileResult& file) = 0;
  /// Ends the report.
  virtual void finish(const Summary& summary) = 0;
  /// After finish(): why a reporter that writes its own file could not write it (null: it did).
  /// It says why, not where: it writes to a temporary file, and the caller names the output.
  virtual const Message* error() const { return nullptr; }
};

using MakeReporter = std::unique_ptr<Reporter> (*)(std::ostream& out, const ReportStyle& style,
                                                   std::string_view path);

/// One row of the registry.
struct ReporterInfo {
  std::string_view name;       ///< what --output calls it ("sarif")
  std::string_view extension;  ///< the extension its files usually have ("sarif")
  /// Writes as files arrive (text, GitHub, tables) rather than all at the end (JSON, SARIF,
  /// JUnit), so its output can be watched and its memory stays flat.
  bool streams;
  Bilingual description;
  MakeReporter make;  ///< `path` is where it writes ("" for standard output)
  /// Writes a file of its own by name (a workbook, a database): it needs a PATH, and make()
  /// gets the path of the temporary file that is renamed into place at the end.
  bool own_file = false;
  /// The extensions by which `pes batch --out FILE` picks this reporter (else the forms table).
  std::span<const std::string_view> out_extensions = {};
  /// Reads the input it reports on (the annotated workbook): one .xlsx input only.
  bool annotates = false;
  /// Text for a person (the verdicts, the summary, the statistics): it may share standard
  /// output with one report for machines, and then goes to standard error.
  bool for_people = false;
};

/// Every reporter, in the order help texts list them.
std::span<const ReporterInfo> reporters();
/// The reporter called `name`, if any.
const ReporterInfo* find_reporter(std::string_view name);
/// The reporter `pes batch --out PATH` writes: the one whose out_extensions end PATH, else the
/// table of forms.
const ReporterInfo& reporter_for_out(std::string_view path);
/// "text, json, sarif, github, junit, …": the names of every reporter.
std::string reporter_names(std::string_view separator = ", ");

/// Where a person finds a finding in its file: "file:12:5", "filings.csv:118:AF", or
/// "book.xlsx:Sheet1!C5" for a workbook's cell ("book.xlsx" for the workbook as a whole): the
/// path and finding_place() (pes/finding.h).
std::string finding_location(std::string_view path, const Finding& f);
/// "error[rate-mismatch]" (the severity in Chinese when asked: 错误[rate-mismatch]).
std::string finding_head(const Finding& f, bool chinese_severity = false);
/// "file:12:5: error[rate-mismatch] message" (in Chinese: "file:12:5: 错误[rate-mismatch] 消息")
std::string finding_line(std::string_view path, const Finding& f, bool chinese);
/// The severity as people read it: error, warning, notice / 错误, 警告, 提示.
std::string_view severity_label(Severity s, bool chinese);

/// The version of pes.
std::string_view pes_version();

}  // namespace pes
