// Cuts JSON Lines read from a file descriptor into blocks of whole lines, in time linear in
// the input however long its lines are: each read is searched for a line end once. LF, CR LF
// and a bare CR end a line. A line longer than kMaxLineBytes is reported and skipped, and NUL
// bytes near the start of the input end it at once (it is not text).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pes/finding.h"

namespace pes {

/// The longest line of JSON Lines pes reads; a longer one is reported and skipped.
inline constexpr std::size_t kMaxLineBytes = std::size_t{64} << 20;

/// What a stream with a NUL byte near its start gets: not text, and read no further (an endless
/// binary stream, `pes batch - < /dev/zero`, ends there too).
Message not_text_stream();

class LineCutter {
 public:
  struct Block {
    std::string text;              ///< whole lines (the last one may lack its line end)
    std::uint32_t first_line = 1;  ///< the line `text` starts on
    std::uint64_t first_form = 0;  ///< the number of the block's first non-blank line
    /// Set when the block cannot be read as lines: `text` is then what to show the failure
    /// in, and `failure_offset` where in it.
    std::optional<Message> failure;
    std::uint64_t failure_offset = 0;
  };
  enum class Status : unsigned char { Block, End, ReadError };

  /// Reads from `fd` (not closed here), in blocks of about `block_bytes`; `already_read` is
  /// what was read from it before (to tell its format, say).
  LineCutter(int fd, std::size_t block_bytes, std::string already_read = {});

  /// The next block. ReadError: a read failed, errno_of_read() says why.
  Status next(Block& out);
  int errno_of_read() const { return read_errno_; }

 private:
  bool read_some();  // appends one read to buffer_; false on a read error
  bool skip_line();  // drops the rest of the line buffer_ starts with; false on a read error

  int fd_;
  std::size_t block_bytes_;
  std::string buffer_;
  std::vector<char> chunk_;
  std::size_t want_;
  std::size_t scanned_ = 0;  // buffer_[0, scanned_) holds no line end
  std::uint32_t line_ = 1;
  std::uint64_t form_ = 0;
  bool eof_ = false;
  bool first_ = true;
  bool done_ = false;
  int read_errno_ = 0;
};

}  // namespace pes
