#include "pes/system_error.h"
#include "pes/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <vector>
#include <cstdlib>

#include "fd_buffer.h"
#include "pes/text.h"
#include "temp_files.h"

namespace pes {
namespace {

Message failure(const std::string& path, std::string_view what_en, std::string_view what_zh, int e) {
  const bool standard = path == "-";
  const std::string shown = standard ? std::string() : display_path(path);
  const Message why = system_error_message(e);
  return {fmt::format("{}: cannot {}: {}", standard ? "standard output" : shown, what_en, why.en),
          fmt::format("{}：无法{}：{}", standard ? "标准输出" : shown, what_zh, why.zh)};
}

// Standard output, through a buffer of ours (see guard_standard_streams()).
struct StandardOutput {
  FdBuffer buffer{STDOUT_FILENO};
  bool installed = false;
  bool closed = false;  // closed when pes started
  bool reported = false;
};

StandardOutput& standard_output() {
  // Never destroyed: std::cout may still flush through the buffer while the program ends.
  static StandardOutput* s = new StandardOutput;
  return *s;
}

// The file descriptor a path names directly: /dev/stdout, /dev/stderr, /dev/fd/N and
// /proc/self/fd/N are the process's own descriptors, not files to replace.
std::optional<int> own_descriptor(std::string_view path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view digits = path.substr(prefix.size());
    int fd = -1;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), fd);
    if (ec == std::errc() && end == digits.data() + digits.size() && fd >= 0) return fd;
  }
  return std::nullopt;
}

// Where a symbolic link at `path` that holds `link` points.
std::string resolve_link(const std::string& path, const std::string& link) {
  if (link.starts_with('/')) return link;
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? link : path.substr(0, slash + 1) + link;
}

}  // namespace

OutputFile::OutputFile() = default;

OutputFile::~OutputFile() { discard(); }

const std::string& OutputFile::file_path() {
  if (kind_ == Kind::Replace || !spool_.empty() || kind_ == Kind::None) {
    return kind_ == Kind::Replace ? temp_ : spool_;
  }
  const char* dir = std::getenv("TMPDIR");
  std::string spool = fmt::format("{}/pes-spool-XXXXXX", dir != nullptr && *dir != '\0' ? dir : "/tmp");
  const SignalBlock block;
  const int fd = ::mkostemp(spool.data(), O_CLOEXEC);
  if (fd >= 0) {
    ::close(fd);
    spool_ = spool;
    spool_slot_ = register_temp_file(spool_.c_str());
  }
  return spool_;
}

// Copies the spool file's bytes to the output's stream, and removes it.
bool OutputFile::unspool() {
  if (spool_.empty()) return true;
  const int in = ::open(spool_.c_str(), O_RDONLY | O_CLOEXEC);
  bool ok = in >= 0;
  std::vector<char> chunk(1 << 16);
  std::ostream& out = stream();
  while (ok) {
    const ssize_t n = ::read(in, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    out.write(chunk.data(), n);
  }
  if (in >= 0) ::close(in);
  ::unlink(spool_.c_str());
  unregister_temp_file(spool_slot_);
  spool_slot_ = -1;
  spool_.clear();
  return ok;
}

void OutputFile::discard() {
  if (!spool_.empty()) {
    ::unlink(spool_.c_str());
    unregister_temp_file(spool_slot_);
    spool_slot_ = -1;
    spool_.clear();
  }
  if (kind_ == Kind::InPlace || kind_ == Kind::Replace) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  if (!temp_.empty()) {
    ::unlink(temp_.c_str());
    unregister_temp_file(temp_slot_);
    temp_slot_ = -1;
    temp_.clear();
  }
  kind_ = Kind::None;
}

bool OutputFile::fail(Message& error, std::string_view what_en, std::string_view what_zh, int e) {
  discard();
  error = failure(path_, what_en, what_zh, e);
  return false;
}

std::ostream& OutputFile::stream() {
  if (kind_ == Kind::Standard || out_ == nullptr) return std::cout;
  return *out_;
}

bool OutputFile::open(const std::string& path, Message& error) {
  discard();
  path_ = path;
  std::string p = path;
  int descriptor = -1;  // written in place through a copy of this descriptor
  for (int hops = 0;; ++hops) {
    if (p == "-") {
      kind_ = Kind::Standard;
      return true;
    }
    if (const std::optional<int> fd = own_descriptor(p)) {
      if (*fd == STDOUT_FILENO) {
        kind_ = Kind::Standard;
        return true;
      }
      descriptor = *fd;
      break;
    }
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      if (errno != ENOENT) return fail(error, "write", "写入", errno);
      kind_ = Kind::Replace;  // a new file (or where a dangling link points)
      break;
    }
    if (S_ISLNK(st.st_mode)) {
      if (hops == 40) return fail(error, "write", "写入", ELOOP);
      std::string link(PATH_MAX, '\0');
      const ssize_t n = ::readlink(p.c_str(), link.data(), link.size());
      if (n < 0) return fail(error, "write", "写入", errno);
      link.resize(static_cast<std::size_t>(n));
      p = resolve_link(p, link);
      continue;
    }
    if (S_ISDIR(st.st_mode)) return fail(error, "write", "写入", EISDIR);
    kind_ = S_ISREG(st.st_mode) ? Kind::Replace : Kind::InPlace;
    break;
  }
  target_ = p;

  if (kind_ == Kind::Replace) {
    const auto slash = p.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : p.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? p : p.substr(slash + 1);
    std::string temp = fmt::format("{}.{}.pes-XXXXXX", dir, name);
    {
      const SignalBlock block;  // created and registered with no signal in between
      fd_ = ::mkostemp(temp.data(), O_CLOEXEC);
      if (fd_ >= 0) {
        temp_ = temp;
        temp_slot_ = register_temp_file(temp_.c_str());
      }
    }
    if (fd_ < 0) {
      return fail(error, "create a temporary file beside it", "在同一目录下创建临时文件", errno);
    }
  } else if (descriptor >= 0) {
    kind_ = Kind::InPlace;
    fd_ = ::fcntl(descriptor, F_DUPFD_CLOEXEC, 3);
    if (fd_ < 0) return fail(error, "write", "写入", errno);
  } else {
    // A device or a FIFO: written through, never replaced. (A FIFO waits for its reader.)
    fd_ = ::open(p.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) return fail(error, "write", "写入", errno);
  }
  if (buffer_ == nullptr) {
    buffer_ = std::make_unique<FdBuffer>(fd_);
    out_ = std::make_unique<std::ostream>(buffer_.get());
  } else {
    buffer_->reset(fd_);
    out_->clear();
  }
  return true;
}

bool OutputFile::commit(Message& error) {
  if (!unspool()) return fail(error, "write", "写入", errno != 0 ? errno : EIO);
  switch (kind_) {
    case Kind::None:
      return true;
    case Kind::Standard:
      kind_ = Kind::None;
      return flush_standard_output(error);
    case Kind::InPlace: {
      const bool written = buffer_->flush_all();
      const int e = buffer_->error();
      const int closed = ::close(fd_);
      fd_ = -1;
      if (!written) return fail(error, "write", "写入", e);
      if (closed != 0 && errno != EINTR) return fail(error, "write", "写入", errno);
      kind_ = Kind::None;
      return true;
    }
    case Kind::Replace:
      break;
  }
  if (!buffer_->flush_all()) return fail(error, "write", "写入", buffer_->error());
  // mkstemp makes the file 0600: give it the target's mode, or what a new file gets.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat st {};
  const mode_t mode = ::stat(target_.c_str(), &st) == 0 ? (st.st_mode & 07777) : (0666 & ~mask);
  if (::fchmod(fd_, mode) != 0 || ::fsync(fd_) != 0) return fail(error, "write", "写入", errno);
  const int closed = ::close(fd_);
  fd_ = -1;
  if (closed != 0 && errno != EINTR) return fail(error, "write", "写入", errno);
  if (::rename(temp_.c_str(), target_.c_str()) != 0) return fail(error, "write", "写入", errno);
  unregister_temp_file(temp_slot_);  // after the rename: a signal until then removes the file
  temp_slot_ = -1;
  temp_.clear();
  kind_ = Kind::None;
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view data, Message& error) {
  OutputFile file;
  if (!file.open(path, error)) return false;
  file.stream().write(data.data(), static_cast<std::streamsize>(data.size()));
  return file.commit(error);
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {};
  struct stat sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

void guard_standard_streams() {
  StandardOutput& s = standard_output();
  if (s.installed) return;
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // Opened the wrong way round, so that every read or write through it fails.
    const int got = ::open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
    if (got >= 0 && got != fd) {
      ::dup2(got, fd);
      ::close(got);
    }
    if (fd == STDOUT_FILENO) s.closed = true;
  }
  s.buffer.set_line_buffered(::isatty(STDOUT_FILENO) != 0);
  std::cout.rdbuf(&s.buffer);
  s.installed = true;
}

bool flush_standard_output(Message& error) {
  StandardOutput& s = standard_output();
  std::cout.flush();
  int e = 0;
  if (s.installed) {
    s.buffer.flush_all();
    e = s.buffer.error();
  } else if (!std::cout) {
    e = EIO;
  }
  if (e == 0 || s.reported) return true;
  s.reported = true;
  if (s.closed) {
    error = {"standard output is closed; nothing could be written to it",
             "标准输出已关闭，无法向其写出任何内容"};
  } else {
    error = failure("-", "write", "写入", e);
  }
  return false;
}

}  // namespace pes
