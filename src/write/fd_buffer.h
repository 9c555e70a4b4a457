// An output stream buffer over a file descriptor that remembers why a write failed, so that a
// full disk or a closed pipe becomes a message naming the output rather than a lost report.
#pragma once

#include <cstddef>
#include <memory>
#include <streambuf>

namespace pes {

class FdBuffer final : public std::streambuf {
 public:
  explicit FdBuffer(int fd = -1, std::size_t size = std::size_t{1} << 16);
  FdBuffer(const FdBuffer&) = delete;
  FdBuffer& operator=(const FdBuffer&) = delete;

  /// Writes to `fd` from now on (what is buffered is dropped), with no error recorded.
  void reset(int fd);
  int fd() const { return fd_; }
  /// Flushes at each line end as well as when full (for a terminal).
  void set_line_buffered(bool on) { line_buffered_ = on; }
  /// Writes out what is buffered. False when any write failed (see error()).
  bool flush_all();
  /// The errno of the first write that failed, or 0. After a failure, output is dropped.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool write_out(const char* data, std::size_t size);

  int fd_;
  int error_ = 0;
  bool line_buffered_ = false;
  // Left uninitialised: a page of it is touched only when output reaches it (a zeroed 64 KiB
  // cost pes check 16 page faults at start-up).
  std::unique_ptr<char[]> buffer_;
  std::size_t size_;
};

}  // namespace pes
