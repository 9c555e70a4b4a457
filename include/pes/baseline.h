// A baseline (pes-baseline.json): the findings of a day, recorded so that later runs report only
// new ones. Each finding is recorded by a fingerprint that survives unrelated edits
// (fingerprint.h): its file (relative to the baseline's folder), its form's identity, its rule and
// its field, with a count for findings that share all four. The file is versioned JSON
// ("pes_baseline": 1).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "pes/checker.h"

namespace pes {

struct BaselineEntry {
  std::string file;       ///< relative to the baseline's folder, with "/" ("-": standard input)
  bool has_form = false;  ///< false: a finding about the whole file
  std::vector<std::pair<std::string, std::string>> form;  ///< identity: pes/1 key → value
  std::string rule;
  std::string field;  ///< as stable_field() gives it
  std::uint64_t count = 1;
};

inline constexpr int kBaselineVersion = 1;

class Baseline {
 public:
  /// `path` is the baseline file; `cwd` is where paths given on the command line start.
  Baseline(std::filesystem::path path, std::filesystem::path cwd);

  /// Reads the file. False, with `error` naming it, when it cannot be read or is not a baseline.
  bool load(Message& error);
  /// Drops from a checked file (or part of one) the findings the baseline holds, the first
  /// `count` of each fingerprint; accepted findings stay. Returns how many were dropped.
  std::uint64_t filter(FileResult& file);
  /// Records the findings of a checked file, but the accepted ones, for write().
  void record(const FileResult& file);
  /// Writes the findings recorded, sorted, in one go (OutputFile). False with `error` set.
  bool write(Message& error) const;
  /// The entries that no longer occur: of a rule that ran on a file checked in this run (or of
  /// a file that no longer exists), with `count` the occurrences gone.
  std::vector<BaselineEntry> gone() const;
  /// How many findings the recorded baseline holds.
  std::uint64_t recorded() const;
  const std::filesystem::path& path() const { return path_; }

  /// "a.json: 科普经费 (2023) deduction-without-reason /indicators/…/reason ×2", for people.
  static std::string describe(const BaselineEntry& entry);

 private:
  std::string relative(const std::string& path) const;
  static std::string key_of(const BaselineEntry& e);
  BaselineEntry entry_of(const std::string& file, const Form* form, const Finding& f) const;

  std::filesystem::path path_;
  std::filesystem::path folder_;  // absolute
  std::filesystem::path cwd_;
  std::vector<BaselineEntry> entries_;
  std::map<std::string, std::size_t> index_;       // key → entry
  std::vector<std::uint64_t> used_;                // per entry, findings met
  std::map<std::string, RuleSettings> checked_;    // files checked (relative to folder_): rules run
  std::map<std::string, BaselineEntry> recorded_;  // key → entry, for write()
};

}  // namespace pes
