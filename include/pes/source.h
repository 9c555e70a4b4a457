// A source file held in memory, and the line and column of any byte in it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pes {

struct LineColumn {
  std::uint32_t line = 1;    ///< from 1
  std::uint32_t column = 1;  ///< from 1, in Unicode characters
};

/// Offset just past the line end that starts at text[at] (LF, CR LF or a bare CR), or `at`
/// when no line end starts there.
std::size_t skip_line_end(std::string_view text, std::size_t at);

/// Offset of the first line end (LF or CR) at or after `from`, or text.size().
std::size_t find_line_end(std::string_view text, std::size_t from);

class Source {
 public:
  /// Bytes readable past the end of the text, as the JSON parser needs.
  static constexpr std::size_t kPadding = 64;
  /// How much of a file is looked at before the rest is read: a NUL byte in it means the
  /// file is not text, and reading stops there.
  static constexpr std::size_t kHeadBytes = 64 * 1024;

  Source() = default;
  Source(std::string display_path, std::string_view text);

  /// Holds a copy of `text`, a part of a file that starts on line `first_line` (as a block
  /// of a JSON Lines file read piece by piece), after `first_column` characters of that line
  /// (as a part of a large JSON array). Reuses the buffer's capacity.
  void assign(std::string_view display_path, std::string_view text, std::uint32_t first_line = 1,
              std::uint32_t first_column = 0);

  /// Reads a file ("-" is standard input). On failure returns false and sets `error`
  /// to a message naming the path (in English and Chinese, separated by "\n"). Unless
  /// `binary`, a NUL byte in the first kHeadBytes of a longer file stops the reading there:
  /// the source then holds only those bytes, and nul_stop() says where the NUL is.
  bool load(const std::string& path, std::string& error_en, std::string& error_zh,
            bool binary = false);

  const std::string& path() const { return path_; }
  std::string_view text() const { return {buffer_.data(), size_}; }
  /// The offset of the NUL byte that stopped load(), or npos when the whole file was read.
  std::size_t nul_stop() const { return nul_stop_; }
  /// The line and column of a byte offset (the end of the text if past it). LF, CR LF and a
  /// bare CR each end a line. The line index is built once, on first use; the column is
  /// counted from the nearest checkpoint, so locating is fast on a very long line too.
  LineColumn locate(std::uint64_t offset) const;

 private:
  /// Characters are counted in blocks of this many bytes.
  static constexpr std::size_t kStride = 4096;

  void set_text(std::string_view text);
  void build_line_index() const;
  /// Counts characters up to the block that holds `offset`, from where the last count ended.
  void extend_checkpoints(std::uint64_t offset) const;
  /// Characters (UTF-8 lead bytes) in text()[0, offset).
  std::uint64_t chars_before(std::uint64_t offset) const;

  std::string path_;
  std::string buffer_;  // text followed by kPadding zero bytes
  std::size_t size_ = 0;
  std::uint32_t first_line_ = 1;
  std::uint32_t first_column_ = 0;  // characters of the first line before the text
  std::size_t nul_stop_ = std::string::npos;
  mutable std::vector<std::uint64_t> line_starts_;  // built on first use
  mutable std::vector<std::uint64_t> checkpoints_;  // characters before each kStride block so far
};

}  // namespace pes
