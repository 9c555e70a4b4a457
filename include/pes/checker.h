// Checks whole files: read, recompute, run the rules, locate the findings.
#pragma once

#include <cstdint>
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
  /// Checks a part of a large JSON array held in `out.source`, its first form numbered
  /// `first_form` (pipeline/array_cutter.h).
  void check_array_part(FileResult& out, std::uint32_t first_form);

  const Options& options() const { return options_; }
  /// Changes the options for the files checked from now on (per-path settings).
  void set_options(Options options) { options_ = std::move(options); }
  /// The readers, e.g. to set the encoding of CSV input.
  Readers& readers() { return readers_; }

 private:
  // Recomputes, runs the rules and places the findings of what was read into `out.doc`.
  void check_read(FileResult& out);

  Options options_;
  Readers readers_;
};

}  // namespace pes
