#include "pipeline/array_cutter.h"

#include <simdjson.h>

#include <array>
#include <cstring>
#include <limits>

#include "pes/text_encoding.h"
#include "read/json/json_syntax.h"

namespace pes {
namespace {

// Bytes that end the plain run of a string: the quote, a backslash, control characters.
constexpr std::array<bool, 256> kStringStop = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
  t['"'] = true;
  t['\\'] = true;
  return t;
}();

bool number_byte(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

std::uint64_t count_chars(const char* begin, const char* end) {
  std::uint64_t n = 0;
  for (const char* p = begin; p < end; ++p) {
    n += (static_cast<unsigned char>(*p) & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

}  // namespace

bool ArrayScanner::feed(std::string_view bytes) {
  if (failed_) return false;
  buf_.append(bytes);
  if (base_ == 0 && pos_ == 0 && expect_ == Expect::Start) {
    if (buf_.size() < kUtf8Bom.size() && kUtf8Bom.starts_with(buf_)) return true;  // wait for more
    if (std::string_view(buf_).starts_with(kUtf8Bom)) {
      pos_ = kUtf8Bom.size();
      line_start_ = pos_;  // the mark is no character of the first line
    }
  }
  if (!scan(false)) return false;
  // Drop what is scanned, counting its characters first when they are on the current line.
  column_at(base_ + pos_);
  buf_.erase(0, pos_);
  base_ += pos_;
  pos_ = 0;
  return true;
}

bool ArrayScanner::finish() {
  if (failed_ || !scan(true)) return false;
  return expect_ == Expect::Done && !cuts_.empty();
}

std::uint64_t ArrayScanner::column_at(std::uint64_t at) {
  if (line_start_ > counted_to_) {
    counted_to_ = line_start_;
    chars_ = 0;
  }
  if (at > counted_to_) {
    const char* p = buf_.data();
    chars_ += count_chars(p + (counted_to_ - base_), p + (at - base_));
    counted_to_ = at;
  }
  return chars_;
}

ArrayScanner::Token ArrayScanner::string_at(std::size_t i, std::size_t& end) const {
  const char* p = buf_.data();
  const std::size_t n = buf_.size();
  unsigned high = 0;
  std::size_t j = i + 1;
  for (;;) {
    while (j < n && !kStringStop[static_cast<unsigned char>(p[j])]) {
      high |= static_cast<unsigned char>(p[j]);
      ++j;
    }
    if (j >= n) return Token::NeedMore;
    const char c = p[j];
    if (c == '"') break;
    if (c != '\\') return Token::Bad;  // a control character
    if (j + 1 >= n) return Token::NeedMore;
    const char e = p[j + 1];
    if (e == 'u') {
      if (j + 6 > n) return Token::NeedMore;
      const int v = json::hex4({p + j + 2, 4});
      if (v < 0 || (v >= 0xD800 && v <= 0xDFFF)) return Token::Bad;  // a surrogate: read whole
      j += 6;
    } else if (std::strchr("\"\\/bfnrt", e) != nullptr && e != '\0') {
      j += 2;
    } else {
      return Token::Bad;
    }
  }
  if ((high & 0x80) != 0 && !simdjson::validate_utf8(p + i + 1, j - i - 1)) return Token::Bad;
  end = j + 1;
  return Token::Complete;
}

ArrayScanner::Token ArrayScanner::number_at(std::size_t i, bool final, std::size_t& end) const {
  std::size_t j = i;
  while (j < buf_.size() && number_byte(buf_[j])) ++j;
  if (j == buf_.size() && !final) return Token::NeedMore;
  if (!json::is_json_number(std::string_view(buf_).substr(i, j - i))) return Token::Bad;
  end = j;
  return Token::Complete;
}

ArrayScanner::Token ArrayScanner::literal_at(std::size_t i, bool final, std::size_t& end) const {
  const char c = buf_[i];
  const std::string_view word = c == 't' ? "true" : c == 'f' ? "false" : "null";
  if (buf_.size() - i < word.size()) return final ? Token::Bad : Token::NeedMore;
  if (std::string_view(buf_).substr(i, word.size()) != word) return Token::Bad;
  end = i + word.size();
  return Token::Complete;
}

// A value starts at buf_[i]: an element of the top array is a form, and may start a part.
bool ArrayScanner::value_starts(std::size_t i) {
  if (stack_.size() != 1) return true;
  if (buf_[i] != '{') return fail();  // not a form: read whole, as before
  const std::uint64_t at = base_ + i;
  if (cuts_.empty() || at - cuts_.back().offset >= part_bytes_) {
    const std::uint64_t column = column_at(at);
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint32_t>::max();
    if (elements_ > kMax || line_ > kMax || column > kMax) return fail();
    cuts_.push_back({at, static_cast<std::uint32_t>(elements_), static_cast<std::uint32_t>(line_),
                     static_cast<std::uint32_t>(column)});
  }
  ++elements_;
  return true;
}

bool ArrayScanner::scan(bool final) {
  const std::size_t n = buf_.size();
  std::size_t i = pos_;
  while (i < n) {
    const char c = buf_[i];
    if (c == ' ' || c == '\t') {
      prev_cr_ = false;
      ++i;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (c == '\r' || !prev_cr_) ++line_;
      prev_cr_ = c == '\r';
      line_start_ = base_ + ++i;
      continue;
    }
    prev_cr_ = false;
    std::size_t end = i + 1;
    Token token = Token::Complete;
    const Expect before = expect_;
    switch (expect_) {
      case Expect::Done:
        return fail();
      case Expect::Start:
        if (c != '[') return fail();
        stack_.push_back('[');
        expect_ = Expect::FirstValueOrClose;
        break;
      case Expect::Colon:
        if (c != ':') return fail();
        expect_ = Expect::Value;
        break;
      case Expect::FirstKeyOrClose:
      case Expect::Key:
        if (c == '}' && expect_ == Expect::FirstKeyOrClose) {
          stack_.pop_back();
          expect_ = stack_.empty() ? Expect::Done : Expect::Next;
          break;
        }
        if (c != '"') return fail();
        token = string_at(i, end);
        expect_ = Expect::Colon;
        break;
      case Expect::Next:
        if (c == ',') {
          expect_ = stack_.back() == '{' ? Expect::Key : Expect::Value;
          break;
        }
        if ((c == '}' && stack_.back() == '{') || (c == ']' && stack_.back() == '[')) {
          stack_.pop_back();
          if (stack_.empty()) {
            end_ = base_ + i;
            expect_ = Expect::Done;
          }
          break;
        }
        return fail();
      case Expect::FirstValueOrClose:
      case Expect::Value:
        if (c == ']' && expect_ == Expect::FirstValueOrClose) {
          stack_.pop_back();
          if (stack_.empty()) {
            end_ = base_ + i;
            expect_ = Expect::Done;
          } else {
            expect_ = Expect::Next;
          }
          break;
        }
        if (!value_starts(i)) return false;
        expect_ = Expect::Next;
        if (c == '{' || c == '[') {
          if (stack_.size() >= kMaxDepth) return fail();
          stack_.push_back(c);
          expect_ = c == '{' ? Expect::FirstKeyOrClose : Expect::FirstValueOrClose;
        } else if (c == '"') {
          token = string_at(i, end);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          token = number_at(i, final, end);
        } else if (c == 't' || c == 'f' || c == 'n') {
          token = literal_at(i, final, end);
        } else {
          return fail();
        }
        break;
    }
    if (token == Token::Bad || (token == Token::NeedMore && final)) return fail();
    if (token == Token::NeedMore) {
      // Scan the token again once more bytes are in. (A form starts with '{', which is
      // whole, so no part was started by it.)
      expect_ = before;
      break;
    }
    i = end;
  }
  pos_ = i;
  return true;
}

}  // namespace pes
