// Checks whole files: read, recompute, run the rules, locate the findings.
#pragma once

#include <string>
#include <vector>

#include "pes/file_result.h"
#include "pes/options.h"
#include "pes/readers.h"

namespace pes {

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
