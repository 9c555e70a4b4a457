// The reporters' factories, one per file of src/report/; registry.cc lists them.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "pes/report.h"

namespace pes {

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, const ReportStyle& style,
                                             std::string_view path);
std::unique_ptr<Reporter> make_json_reporter(std::ostream& out, const ReportStyle& style,
                                             std::string_view path);
std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, const ReportStyle& style,
                                              std::string_view path);
std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, const ReportStyle& style,
                                               std::string_view path);
std::unique_ptr<Reporter> make_gitlab_reporter(std::ostream& out, const ReportStyle& style,
                                               std::string_view path);
std::unique_ptr<Reporter> make_junit_reporter(std::ostream& out, const ReportStyle& style,
                                              std::string_view path);
std::unique_ptr<Reporter> make_forms_reporter(std::ostream& out, const ReportStyle& style,
                                              std::string_view path);
std::unique_ptr<Reporter> make_findings_reporter(std::ostream& out, const ReportStyle& style,
                                                 std::string_view path);
std::unique_ptr<Reporter> make_summary_reporter(std::ostream& out, const ReportStyle& style,
                                                std::string_view path);
std::unique_ptr<Reporter> make_statistics_reporter(std::ostream& out, const ReportStyle& style,
                                                   std::string_view path);

std::unique_ptr<Reporter> make_html_reporter(std::ostream& out, const ReportStyle& style,
                                             std::string_view path);
/// Writes the file `path` itself (ReporterInfo::own_file), not to `out`.
std::unique_ptr<Reporter> make_xlsx_reporter(std::ostream& out, const ReportStyle& style,
                                             std::string_view path);
/// Writes the file `path` itself (ReporterInfo::own_file), not to `out`.
std::unique_ptr<Reporter> make_sqlite_reporter(std::ostream& out, const ReportStyle& style,
                                               std::string_view path);
std::unique_ptr<Reporter> make_annotate_reporter(std::ostream& out, const ReportStyle& style,
                                                 std::string_view path);

/// The summary of a run as text for people (pes batch prints it).
std::string format_summary(const Summary& summary, bool chinese);

}  // namespace pes
