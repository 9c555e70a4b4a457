// Writing an output file so that it is either the old file or the whole new one: the data goes
// to a temporary file in the same directory, which is renamed into place when complete.
#pragma once

#include <string>
#include <string_view>

namespace pes {

class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();  ///< removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// Creates the temporary file beside `path`. False, with a message, on failure.
  bool open(const std::string& path, std::string& error);
  /// Appends bytes. False, with a message, on failure (a full disk, say).
  bool write(std::string_view data, std::string& error);
  /// Flushes to disk and renames over `path`. False, with a message, on failure.
  bool commit(std::string& error);

 private:
  std::string path_;
  std::string temp_;
  int fd_ = -1;
};

/// Writes a whole file with AtomicFile.
bool write_file_atomically(const std::string& path, std::string_view data, std::string& error);

}  // namespace pes
