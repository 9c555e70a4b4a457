#include "pes/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace pes {

Source::Source(std::string display_path, std::string_view text) : path_(std::move(display_path)) {
  set_text(text);
}

void Source::set_text(std::string_view text) {
  size_ = text.size();
  buffer_.assign(text);
  buffer_.resize(size_ + kPadding, '\0');
  line_starts_.clear();
  first_line_ = 1;
}

void Source::assign(std::string_view display_path, std::string_view text, std::uint32_t first_line) {
  path_.assign(display_path);
  set_text(text);
  first_line_ = first_line;
}

namespace {

// Reads everything from fd into out (no padding added), straight into the string. `hint` is
// the expected size: with room for one more byte, the read that finds the end needs no growth.
bool read_all(int fd, std::string& out, std::size_t hint) {
  std::size_t size = 0;
  out.resize(std::max<std::size_t>(hint, 1 << 12) + Source::kPadding + 1);
  for (;;) {
    if (size == out.size()) out.resize(out.size() * 2);
    const ssize_t n = ::read(fd, out.data() + size, out.size() - size);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      out.clear();
      return false;
    }
    size += static_cast<std::size_t>(n);
  }
  out.resize(size);
  return true;
}

}  // namespace

bool Source::load(const std::string& path, std::string& error_en, std::string& error_zh) {
  path_ = path == "-" ? "<stdin>" : path;
  line_starts_.clear();
  first_line_ = 1;
  std::string& data = buffer_;  // reuses the buffer of the previous file
  size_ = 0;
  if (path == "-") {
    if (!read_all(STDIN_FILENO, data, 0)) {
      error_en = fmt::format("<stdin>: cannot read: {}", std::strerror(errno));
      error_zh = fmt::format("<stdin>：无法读取：{}", std::strerror(errno));
      return false;
    }
  } else {
    // O_NONBLOCK so that opening a FIFO with no writer does not hang.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      const int e = errno;
      error_en = fmt::format("{}: cannot open: {}", path, std::strerror(e));
      error_zh = fmt::format("{}：无法打开：{}", path,
                             e == ENOENT ? "文件不存在" : e == EACCES ? "没有读取权限" : std::strerror(e));
      return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      const bool dir = S_ISDIR(st.st_mode);
      ::close(fd);
      error_en = fmt::format("{}: not a regular file{}", path, dir ? " (a directory)" : "");
      error_zh = fmt::format("{}：不是普通文件{}", path, dir ? "（是目录）" : "");
      return false;
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    const bool ok = read_all(fd, data, static_cast<std::size_t>(st.st_size));
    const int e = errno;
    ::close(fd);
    if (!ok) {
      error_en = fmt::format("{}: cannot read: {}", path, std::strerror(e));
      error_zh = fmt::format("{}：无法读取：{}", path, std::strerror(e));
      return false;
    }
  }
  size_ = data.size();
  data.resize(size_ + kPadding, '\0');
  return true;
}

LineColumn Source::locate(std::uint64_t offset) const {
  const std::string_view t = text();
  if (offset > t.size()) offset = t.size();
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (const char* p = t.data(); (p = static_cast<const char*>(std::memchr(
                                        p, '\n', static_cast<std::size_t>(t.data() + t.size() - p)))) != nullptr;) {
      ++p;
      line_starts_.push_back(static_cast<std::uint64_t>(p - t.data()));
    }
  }
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());  // ≥ 1
  const std::uint64_t start = line_starts_[line - 1];
  std::uint32_t column = 1;
  for (std::uint64_t i = start; i < offset; ++i) {
    // Count characters: every byte that does not continue a UTF-8 sequence.
    if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<std::uint32_t>(line) + first_line_ - 1, column};
}

}  // namespace pes
