// Writes a file whole or not at all: into a temporary file beside it, then renamed into place,
// so an interrupted run never leaves a half-written file where a good one stood.
#pragma once

#include <fstream>
#include <string>
#include <string_view>

#include "pes/finding.h"

namespace pes {

/// A file written under a temporary name in the target's folder and renamed into place by
/// commit(); dropped without commit, the temporary file is removed and the target untouched.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  /// Creates the temporary file. False, with `error` naming the path, when it cannot.
  bool open(const std::string& path, Message& error);
  std::ostream& stream() { return out_; }
  /// The temporary file's path, for writers that open the file by name (a workbook, a
  /// database); commit() renames it into place.
  const std::string& temp_path() const { return temp_; }
  /// Flushes to disk and renames over the target, keeping an existing target's permissions.
  /// False, with `error` naming the path, when it cannot (the temporary file is removed).
  bool commit(Message& error);

 private:
  std::string path_;
  std::string temp_;
  std::ofstream out_;
};

/// Writes `data` to `path` with an OutputFile.
bool write_file_atomically(const std::string& path, std::string_view data, Message& error);

/// True when both paths name the same existing file (same device and inode).
bool same_file(const std::string& a, const std::string& b);

}  // namespace pes
