// Checks whole files: read, recompute, run the rules, locate the findings.
#pragma once

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
  bool opened = false;  ///< false: the file could not be read at all (see error)
  Message error;
  Source source;
  Document doc;
  std::vector<FormResult> forms;    ///< one per doc.forms entry
  std::vector<Finding> file_findings;  ///< parse errors and findings outside any form
  RuleSettings rules;                  ///< the rules that ran on this file, at their severities

  std::size_t count(Severity s) const;
  /// Read and parsed, with no form in it and nothing wrong found: an empty array, a CSV with
  /// only a header, an empty JSON Lines file. A submission like that must not pass.
  bool holds_no_form() const;
};

/// Says that the input `path` (as shown) holds no form.
Message no_forms_found(std::string_view path);

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
