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

class Source {
 public:
  /// Bytes readable past the end of the text, as the JSON parser needs.
  static constexpr std::size_t kPadding = 64;

  Source() = default;
  Source(std::string display_path, std::string_view text);

  /// Holds a copy of `text`, a part of a file that starts on line `first_line` (as a block
  /// of a JSON Lines file read piece by piece). Reuses the buffer's capacity.
  void assign(std::string_view display_path, std::string_view text, std::uint32_t first_line = 1);

  /// Reads a file ("-" is standard input). On failure returns false and sets `error`
  /// to a message naming the path (in English and Chinese, separated by "\n").
  bool load(const std::string& path, std::string& error_en, std::string& error_zh);

  const std::string& path() const { return path_; }
  std::string_view text() const { return {buffer_.data(), size_}; }
  /// The line and column of a byte offset (the end of the text if past it).
  LineColumn locate(std::uint64_t offset) const;

 private:
  void set_text(std::string_view text);
  std::string path_;
  std::string buffer_;  // text followed by kPadding zero bytes
  std::size_t size_ = 0;
  std::uint32_t first_line_ = 1;
  mutable std::vector<std::uint64_t> line_starts_;  // built on first use
};

}  // namespace pes
