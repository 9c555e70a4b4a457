// The [[accept]] entries of pes.toml applied to checked files: each finding an entry covers is
// marked accepted with the entry's reason (Finding::accepted), kept and shown as accepted.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pes/checker.h"
#include "pes/config.h"

namespace pes {

class AcceptList {
 public:
  AcceptList() = default;
  /// The entries of `config` (none without one); `cwd` is where paths given on the command
  /// line start.
  AcceptList(const std::optional<ConfigFile>& config, std::filesystem::path cwd);

  bool empty() const { return entries_.empty(); }
  /// Marks the findings of a checked file (or part of one) that an entry covers; the first
  /// entry that covers a finding gives the reason.
  void mark(FileResult& file);
  /// The entries whose paths matched a file checked but that covered no finding of it.
  std::vector<const Accept*> unused() const;

 private:
  struct Entry {
    const Accept* accept = nullptr;
    std::string field;  // the entry's field as labels are compared (normalize_label)
    bool applied = false;
    std::uint64_t used = 0;
  };
  std::filesystem::path root_;  // the config file's folder
  std::filesystem::path cwd_;
  std::vector<Entry> entries_;
};

}  // namespace pes
