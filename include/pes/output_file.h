// Where pes writes: a file replaced whole or not at all, a device or a FIFO written through,
// or standard output. No write error goes unnoticed.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "pes/finding.h"

namespace pes {

class FdBuffer;

/// An output, by what its path names:
/// - "-", /dev/stdout, /dev/fd/1: standard output (shared with everything else written there);
/// - a regular file, or a name that does not exist yet: a temporary file in the same folder,
///   renamed over it by commit(), so an interrupted run leaves the old file whole (a signal
///   removes the temporary file);
/// - a symbolic link: what it points to, by the same rules (the link itself stays);
/// - a device, a FIFO, /dev/stderr, /dev/fd/N: opened and written in place.
/// Dropped without commit(), a temporary file is removed and the target untouched.
class OutputFile {
 public:
  OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  /// Opens the output. False, with `error` naming the path, when it cannot.
  bool open(const std::string& path, Message& error);
  std::ostream& stream();
  /// A path for writers that open their file by name (a workbook, a database): the temporary
  /// file that commit() renames into place or, when the output is a stream (standard output,
  /// a device, a FIFO), a private spool file whose bytes commit() copies out. Empty when no
  /// such file can be made (then the writer reports it).
  const std::string& file_path();
  /// Writes out everything and puts a replaced file into place, keeping an existing file's
  /// permissions. False, with `error` naming the output, when any write failed (a temporary
  /// file is then removed, the target untouched).
  bool commit(Message& error);
  /// The path as given to open().
  const std::string& path() const { return path_; }
  /// True when the output is standard output ("-", /dev/stdout, …).
  bool is_standard_output() const { return kind_ == Kind::Standard; }

 private:
  enum class Kind : unsigned char { None, Standard, InPlace, Replace };
  bool fail(Message& error, std::string_view what_en, std::string_view what_zh, int e);
  void discard();
  bool unspool();

  Kind kind_ = Kind::None;
  std::string path_;
  std::string target_;  // the file replaced or written (links followed)
  std::string temp_;
  std::string spool_;  // file_path() of a stream output
  int spool_slot_ = -1;
  int fd_ = -1;
  int temp_slot_ = -1;
  std::unique_ptr<FdBuffer> buffer_;
  std::unique_ptr<std::ostream> out_;
};

/// Writes `data` to `path` with an OutputFile.
bool write_file_atomically(const std::string& path, std::string_view data, Message& error);

/// True when both paths name the same existing file (same device and inode).
bool same_file(const std::string& a, const std::string& b);

/// Sends standard output through a buffer that remembers why a write failed, and keeps file
/// descriptors 0, 1 and 2 taken: one that is closed when pes starts is opened on /dev/null
/// the wrong way round, so every write to a closed standard output fails (and no file pes
/// opens later can land on it). Call once, first thing in main().
void guard_standard_streams();
/// Flushes standard output. False, with `error` saying why, when a write to it failed; each
/// failure is reported once (later calls return true).
bool flush_standard_output(Message& error);

}  // namespace pes
