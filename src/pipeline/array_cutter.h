// Cuts one large JSON array of forms into parts of whole forms, so that the pipeline checks a
// part, hands it on and frees it instead of holding every form of the file at once.
//
// A file is cut only when it is certain to read exactly as it would whole: the scanner reads
// it piece by piece and accepts it only if it is well-formed JSON (RFC 8259: structure,
// strings, escapes, UTF-8, numbers, literals, nothing after the array), a top-level array
// whose every element is an object, nested no deeper than kMaxDepth, with no \u escape of a
// UTF-16 surrogate. Anything else, even what the reader would accept, is read whole as before,
// so a file that fails to parse still gives its one parse-error and no forms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pes {

/// Where a part of an array starts: the offset of its first form in the file, that form's
/// number in the array, its line, and how many characters come before it on that line.
struct ArrayCut {
  std::uint64_t offset = 0;
  std::uint32_t first_form = 0;
  std::uint32_t line = 1;
  std::uint32_t column = 0;
};

class ArrayScanner {
 public:
  static constexpr std::size_t kMaxDepth = 256;

  /// Parts start at a form at least `part_bytes` after the previous part's start.
  explicit ArrayScanner(std::size_t part_bytes) : part_bytes_(part_bytes) {}

  /// Reads the next bytes of the text. Returns false once the text is known not to be cut
  /// (not an array of objects, or not well-formed): stop feeding then.
  bool feed(std::string_view bytes);
  /// After the last bytes: whether the text is to be read in parts (then cuts() and end()
  /// say where). An array without forms is not cut.
  bool finish();

  const std::vector<ArrayCut>& cuts() const { return cuts_; }
  /// The offset of the array's closing bracket: the last part ends there.
  std::uint64_t end() const { return end_; }

 private:
  enum class Expect : std::uint8_t {
    Start,              // the array's opening bracket
    FirstValueOrClose,  // after '['
    Value,              // after ',' in an array, after ':'
    FirstKeyOrClose,    // after '{'
    Key,                // after ',' in an object
    Colon,
    Next,  // ',' or the close of the innermost container
    Done,  // only white space may follow
  };
  enum class Token : std::uint8_t { Complete, NeedMore, Bad };

  // Scans buf_ from pos_ as far as whole tokens go; false when the text is not to be cut.
  bool scan(bool final);
  bool value_starts(std::size_t i);
  Token string_at(std::size_t i, std::size_t& end) const;
  Token number_at(std::size_t i, bool final, std::size_t& end) const;
  Token literal_at(std::size_t i, bool final, std::size_t& end) const;
  // Characters before `at` (an absolute offset in buf_) on its line.
  std::uint64_t column_at(std::uint64_t at);
  bool fail() {
    failed_ = true;
    return false;
  }

  std::size_t part_bytes_;
  std::string buf_;  // the bytes not yet scanned, from absolute offset base_
  std::uint64_t base_ = 0;
  std::size_t pos_ = 0;      // in buf_: where scanning goes on
  std::vector<char> stack_;  // '{' and '[' of the open containers
  Expect expect_ = Expect::Start;
  bool failed_ = false;
  bool prev_cr_ = false;
  std::uint64_t line_ = 1;
  std::uint64_t line_start_ = 0;  // absolute offset of the current line's first byte
  std::uint64_t counted_to_ = 0;  // characters of the line are counted up to here
  std::uint64_t chars_ = 0;       // characters from line_start_ to counted_to_
  std::uint64_t elements_ = 0;
  std::uint64_t end_ = 0;
  std::vector<ArrayCut> cuts_;
};

}  // namespace pes
