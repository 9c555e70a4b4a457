// Checks whole files: read, recompute, run the rules, locate the findings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pes/document.h"
#include "pes/engine.h"
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
  /// Forms of the same file before this part of it (a block of a JSON Lines file in a batch),
  /// so that a form's number in its file is form_base + index + 1.
  std::uint64_t form_base = 0;
  bool opened = false;  ///< false: the file could not be read at all (see error)
  Message error;
  Source source;
  Document doc;
  std::vector<FormResult> forms;    ///< one per doc.forms entry
  std::vector<Finding> file_findings;  ///< parse errors and findings outside any form
  RuleSettings rules;                  ///< the rules that ran on this file, at their severities

  std::size_t count(Severity s) const;
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
