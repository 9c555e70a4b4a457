// Checks whole files: read, recompute, run the rules, locate the findings.
#pragma once

#include <string>
#include <vector>

#include "pes/document.h"
#include "pes/recompute.h"
#include "pes/readers.h"
#include "pes/options.h"
#include "pes/source.h"

namespace pes {

struct FormResult {
  Recomputed re;
  std::vector<Finding> findings;  ///< in source order, located, with their final severity
};

struct FileResult {
  std::string path;
  std::size_t input = 0;  ///< which input of the run
  /// A large JSON Lines file is checked in parts of whole lines: the part's number from 0, and
  /// whether it is the file's last. Forms are numbered in the file, not the part.
  std::uint32_t part = 0;
  bool last_part = true;
  bool opened = false;  ///< false: the file could not be read at all (see error)
  Message error;
  Source source;
  Document doc;
  std::vector<FormResult> forms;    ///< one per doc.forms entry
  std::vector<Finding> file_findings;  ///< parse errors and findings outside any form
  RuleSettings rules;                  ///< the rules that ran on this file, at their severities

  /// Findings of a severity, the accepted ones aside.
  std::size_t count(Severity s) const;
  /// Empties the result for reuse on `path`, keeping allocated capacity.
  void clear(std::string_view path);
};

class Checker {
 public:
  explicit Checker(Options options) : options_(std::move(options)) {}

  /// Reads and checks one file ("-" is standard input).
  void check_file(const std::string& path, FileResult& out);
  /// Checks a source already in memory, in the format its path names.
  void check_source(FileResult& out);
  /// Checks a source already in memory, in a given format.
  void check_source(FileResult& out, Format format);

  const Options& options() const { return options_; }
  /// Changes the options for the files checked from now on (per-path settings).
  void set_options(Options options) { options_ = std::move(options); }
  /// The readers, e.g. to set the encoding of CSV input.
  Readers& readers() { return readers_; }

 private:
  Options options_;
  Readers readers_;
};

}  // namespace pes
