// Which entries a directory walk passes over: what filing folders fill up with (Excel's and
// Word's lock files ~$*, macOS's __MACOSX folders and ._* files, hidden files and folders), and
// the globs of --exclude and pes.toml's `exclude`. Paths named on the command line are always
// read; only what a walk meets is filtered.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pes {

class WalkFilter {
 public:
  WalkFilter() = default;
  /// `cwd` is where relative paths of the walk start.
  explicit WalkFilter(std::filesystem::path cwd) : cwd_(std::move(cwd)) {}

  /// Adds a glob (`*` and `?` within a name, `**` across folders). One without '/' matches an
  /// entry's name at any depth (`drafts`, `*.bak.json`); one with '/' matches the path relative
  /// to `base` (`filings/2022/**`), and a folder it matches is not entered.
  void exclude(std::string glob, std::filesystem::path base);

  /// Whether a walk passes over the entry at `path` (as the walk names it), a folder or not.
  bool skips(std::string_view path, bool directory) const;

  /// Lock files, hidden entries and macOS metadata, by name alone.
  static bool is_clutter(std::string_view name, bool directory);

 private:
  struct Glob {
    std::string pattern;
    std::filesystem::path base;
    bool anchored;  // holds a '/': matched against the path relative to base
  };
  std::filesystem::path cwd_;
  std::vector<Glob> globs_;
};

}  // namespace pes
