// Reporters turn checked files into text for people or machines. One per format.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
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

/// The version of pes.
std::string_view pes_version();

}  // namespace pes
