#include "line_cutter.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>

#include "pes/source.h"

namespace pes {
namespace {

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

// Lines and non-blank lines of a block of whole lines.
void count_lines(std::string_view text, std::uint32_t& lines, std::uint64_t& forms) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = find_line_end(text, pos);
    forms += is_blank(text.substr(pos, end - pos)) ? 0 : 1;
    if (end == text.size()) break;
    lines += 1;
    pos = skip_line_end(text, end);
  }
}

// Offset just past the last line end in text[from, size - 1) (the last byte is left out: a CR
// there may be the first half of a CR LF), or npos when there is none.
std::size_t after_last_line_end(std::string_view text, std::size_t from) {
  if (text.size() < 2) return std::string_view::npos;
  for (std::size_t i = text.size() - 1; i-- > from;) {
    if (text[i] == '\n' || text[i] == '\r') return skip_line_end(text, i);
  }
  return std::string_view::npos;
}

}  // namespace

LineCutter::LineCutter(int fd, std::size_t block_bytes, std::string already_read)
    : fd_(fd),
      block_bytes_(block_bytes),
      buffer_(std::move(already_read)),
      chunk_(std::size_t{1} << 16),
      want_(block_bytes) {}

bool LineCutter::read_some() {
  for (;;) {
    const ssize_t n = ::read(fd_, chunk_.data(), chunk_.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      read_errno_ = errno;
      return false;
    }
    buffer_.append(chunk_.data(), static_cast<std::size_t>(n));
    eof_ = n == 0;
    return true;
  }
}

Message not_text_stream() {
  return {"a NUL byte (0x00) where text belongs; is this a text file? (read no further)",
          "此处为 NUL 字节（0x00），不是文本；这是文本文件吗？（未再往下读取）"};
}

bool LineCutter::skip_line() {
  bool after_cr = false;  // the last byte dropped was a CR: a LF next belongs to it
  for (;;) {
    if (after_cr && !buffer_.empty()) {
      buffer_.erase(0, buffer_[0] == '\n' ? 1 : 0);
      return true;
    }
    const std::size_t end = find_line_end(buffer_, 0);
    if (end < buffer_.size() && !(buffer_[end] == '\r' && end + 1 == buffer_.size())) {
      buffer_.erase(0, skip_line_end(buffer_, end));
      return true;
    }
    after_cr = end < buffer_.size();
    buffer_.clear();
    if (!read_some()) return false;
    if (eof_) return true;
  }
}

LineCutter::Status LineCutter::next(Block& out) {
  out = Block{};
  while (!done_) {
    // Fill the buffer to a block, then cut after its last line end.
    while (!eof_ && buffer_.size() < want_) {
      if (!read_some()) return Status::ReadError;
    }
    out.first_line = line_;
    out.first_form = form_;
    if (first_) {
      // NUL bytes near the start of a longer input: not text; read no further.
      const std::size_t head = std::min(buffer_.size(), Source::kHeadBytes);
      if (const auto nul = std::string_view(buffer_).substr(0, head).find('\0');
          !eof_ && nul != std::string_view::npos) {
        out.text = std::move(buffer_);
        out.failure = not_text_stream();
        out.failure_offset = nul;
        done_ = true;
        first_ = false;
        return Status::Block;
      }
    }
    std::string rest;
    if (!eof_) {
      const std::size_t cut = after_last_line_end(buffer_, scanned_);
      if (cut == std::string::npos) {
        // A line longer than a block: read on, looking only at the bytes not yet seen.
        scanned_ = buffer_.empty() ? 0 : buffer_.size() - 1;
        if (buffer_.size() <= kMaxLineBytes) {
          want_ = buffer_.size() + block_bytes_;
          continue;
        }
        out.failure = Message{
            fmt::format("line {} is longer than {} MB, the most pes reads as one line of JSON "
                        "Lines; the line is skipped",
                        line_, kMaxLineBytes >> 20),
            fmt::format("第 {} 行超过 {} MB（pes 读取 JSON Lines 时每行的上限），已跳过该行", line_,
                        kMaxLineBytes >> 20)};
        ++form_;
        if (!skip_line()) return Status::ReadError;
        if (!buffer_.empty() || !eof_) ++line_;
        scanned_ = 0;
        want_ = block_bytes_;
        first_ = false;
        return Status::Block;
      }
      scanned_ = 0;
      want_ = block_bytes_;
      rest.assign(buffer_, cut);
      buffer_.resize(cut);
    }
    if (buffer_.empty() && !first_) break;
    count_lines(buffer_, line_, form_);
    out.text = std::move(buffer_);
    buffer_ = std::move(rest);
    first_ = false;
    done_ = eof_ && buffer_.empty();
    return Status::Block;
  }
  return Status::End;
}

}  // namespace pes
