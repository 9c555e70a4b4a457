#include "pes/source.h"

#include "pes/system_error.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "pes/text.h"
#include "pes/text_encoding.h"

namespace pes {

std::size_t skip_line_end(std::string_view text, std::size_t at) {
  if (at >= text.size()) return at;
  if (text[at] == '\n') return at + 1;
  if (text[at] != '\r') return at;
  return at + 1 < text.size() && text[at + 1] == '\n' ? at + 2 : at + 1;
}

// Every byte of a JSON Lines input is looked at here twice (cutting it into parts, then reading
// its lines), so sixteen bytes are looked at a time where SSE2 is there (every x86-64).
std::size_t find_line_end(std::string_view text, std::size_t from) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = from;
#ifdef __SSE2__
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const auto mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr))));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < n; ++i) {
    if (p[i] == '\n' || p[i] == '\r') return i;
  }
  return n;
}

Source::Source(std::string display_path, std::string_view text) : path_(std::move(display_path)) {
  set_text(text);
}

void Source::set_text(std::string_view text) {
  size_ = text.size();
  buffer_.assign(text);
  buffer_.resize(size_ + kPadding, '\0');
  line_starts_.clear();
  checkpoints_.clear();
  first_line_ = 1;
  first_column_ = 0;
  nul_stop_ = std::string::npos;
}

void Source::assign(std::string_view display_path, std::string_view text, std::uint32_t first_line,
                    std::uint32_t first_column) {
  path_.assign(display_path);
  set_text(text);
  first_line_ = first_line;
  first_column_ = first_column;
}

namespace {

// Reads everything from fd into out (no padding added), straight into the string. `hint` is
// the expected size: with room for one more byte, the read that finds the end needs no growth.
// Unless `binary`, the first Source::kHeadBytes are read and looked at first: a NUL byte among
// them stops the reading (`nul` is then its offset), so a large binary file is not read whole.
// A read of a `regular` file that gives less than asked has reached the end: no further read
// is made to be told so.
bool read_all(int fd, std::string& out, std::size_t hint, bool regular, bool binary,
              std::size_t& nul) {
  constexpr std::size_t kHead = Source::kHeadBytes;
  nul = std::string::npos;
  std::size_t size = 0;
  bool head_checked = binary;
  out.resize(std::max<std::size_t>(binary ? hint : std::min(hint, kHead), 1 << 12) +
             Source::kPadding + 1);
  for (;;) {
    if (size == out.size()) out.resize(out.size() * 2);
    std::size_t room = out.size() - size;
    if (!head_checked) room = std::min(room, kHead - size);
    const ssize_t n = ::read(fd, out.data() + size, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      out.clear();
      return false;
    }
    size += static_cast<std::size_t>(n);
    const bool end = n == 0 || (regular && static_cast<std::size_t>(n) < room);
    if (!head_checked && (end || size >= kHead)) {
      head_checked = true;
      // Only a file that goes on past its head is cut short; a small one is read whole.
      if (const void* z = end ? nullptr : std::memchr(out.data(), '\0', size); z != nullptr) {
        nul = static_cast<std::size_t>(static_cast<const char*>(z) - out.data());
        break;
      }
      if (!end && hint + Source::kPadding + 1 > out.size()) {
        out.resize(hint + Source::kPadding + 1);
      }
    }
    if (end) break;
  }
  out.resize(size);
  return true;
}

}  // namespace

bool Source::load(const std::string& path, std::string& error_en, std::string& error_zh,
                  bool binary) {
  path_ = path == "-" ? "<stdin>" : display_path(path);
  line_starts_.clear();
  checkpoints_.clear();
  first_line_ = 1;
  first_column_ = 0;
  nul_stop_ = std::string::npos;
  std::string& data = buffer_;  // reuses the buffer of the previous file
  size_ = 0;
  if (path == "-") {
    if (!read_all(STDIN_FILENO, data, 0, false, binary, nul_stop_)) {
      const Message why = system_error_message(errno);
      error_en = fmt::format("<stdin>: cannot read: {}", why.en);
      error_zh = fmt::format("<stdin>：无法读取：{}", why.zh);
      return false;
    }
  } else {
    // O_NONBLOCK so that opening a FIFO with no writer does not hang.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      const Message why = system_error_message(errno);
      error_en = fmt::format("{}: cannot open: {}", path_, why.en);
      error_zh = fmt::format("{}：无法打开：{}", path_, why.zh);
      return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      const bool dir = S_ISDIR(st.st_mode);
      ::close(fd);
      error_en = fmt::format("{}: not a regular file{}", path_, dir ? " (a directory)" : "");
      error_zh = fmt::format("{}：不是普通文件{}", path_, dir ? "（是目录）" : "");
      return false;
    }
    // O_NONBLOCK is left set: it does not change how a regular file reads.
    const bool ok =
        read_all(fd, data, static_cast<std::size_t>(st.st_size), true, binary, nul_stop_);
    const int e = errno;
    ::close(fd);
    if (!ok) {
      const Message why = system_error_message(e);
      error_en = fmt::format("{}: cannot read: {}", path_, why.en);
      error_zh = fmt::format("{}：无法读取：{}", path_, why.zh);
      return false;
    }
  }
  size_ = data.size();
  data.resize(size_ + kPadding, '\0');
  return true;
}

void Source::build_line_index() const {
  const std::string_view t = text();
  line_starts_.push_back(0);
  if (std::memchr(t.data(), '\r', t.size()) == nullptr) {
    for (const char* p = t.data();
         (p = static_cast<const char*>(std::memchr(
              p, '\n', static_cast<std::size_t>(t.data() + t.size() - p)))) != nullptr;) {
      ++p;
      line_starts_.push_back(static_cast<std::uint64_t>(p - t.data()));
    }
    return;
  }
  // CR LF or a bare CR too: the next CR and the next LF, each found by memchr and looked for
  // again only once passed.
  const char* const end = t.data() + t.size();
  const auto next = [end](const char* from, char c) {
    const void* p = std::memchr(from, c, static_cast<std::size_t>(end - from));
    return p != nullptr ? static_cast<const char*>(p) : end;
  };
  const char* cr = next(t.data(), '\r');
  const char* lf = next(t.data(), '\n');
  while (cr != end || lf != end) {
    const auto at = static_cast<std::size_t>(std::min(cr, lf) - t.data());
    const std::size_t start = skip_line_end(t, at);
    line_starts_.push_back(start);
    const char* from = t.data() + start;
    if (cr < from) cr = next(from, '\r');
    if (lf < from) lf = next(from, '\n');
  }
}

namespace {

// Counts characters: every byte that does not continue a UTF-8 sequence.
std::uint64_t count_chars(const char* begin, const char* end) {
  std::uint64_t n = 0;
  for (const char* p = begin; p < end; ++p) {
    n += (static_cast<unsigned char>(*p) & 0xC0) != 0x80 ? 1 : 0;  // vectorized
  }
  return n;
}

}  // namespace

void Source::extend_checkpoints(std::uint64_t offset) const {
  const std::string_view t = text();
  const auto block = static_cast<std::size_t>(offset / kStride);
  if (checkpoints_.empty()) checkpoints_.push_back(0);
  while (checkpoints_.size() <= block) {
    const std::size_t at = (checkpoints_.size() - 1) * kStride;
    checkpoints_.push_back(checkpoints_.back() +
                           count_chars(t.data() + at, t.data() + std::min(t.size(), at + kStride)));
  }
}

std::uint64_t Source::chars_before(std::uint64_t offset) const {
  const std::size_t block = static_cast<std::size_t>(offset / kStride);
  const char* p = text().data();
  return checkpoints_[block] + count_chars(p + block * kStride, p + offset);
}

LineColumn Source::locate(std::uint64_t offset) const {
  const std::string_view t = text();
  if (offset > t.size()) offset = t.size();
  if (line_starts_.empty()) build_line_index();
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());  // ≥ 1
  const std::uint64_t start = line_starts_[line - 1];
  std::uint64_t column = 0;
  if (offset - start <= kStride) {
    column = count_chars(t.data() + start, t.data() + offset);
  } else {
    // A long line: count from the checkpoints rather than from the line's start, counting
    // only as far as the offset (a finding early in a large part costs no more than it).
    extend_checkpoints(offset);
    column = chars_before(offset) - chars_before(start);
  }
  if (line == 1) {
    column += first_column_;
    // A byte-order mark starts the file but is no character of it: "1:1" is what follows.
    if (first_line_ == 1 && first_column_ == 0 && t.starts_with(kUtf8Bom))
      column -= offset >= kUtf8Bom.size() ? 1 : column;
  }
  return {static_cast<std::uint32_t>(line) + first_line_ - 1,
          static_cast<std::uint32_t>(column + 1)};
}

}  // namespace pes
