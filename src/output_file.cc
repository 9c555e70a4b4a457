#include "pes/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace pes {
namespace {

Message failure(const std::string& path, std::string_view what_en, std::string_view what_zh,
                int e) {
  return {fmt::format("{}: cannot {}: {}", path, what_en, std::strerror(e)),
          fmt::format("{}：无法{}：{}", path, what_zh, std::strerror(e))};
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view data, Message& error) {
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = fmt::format("{}.{}.pes-XXXXXX", dir, name);
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = failure(path, "create a temporary file beside it", "在同一目录下创建临时文件", errno);
    return false;
  }
  // mkstemp makes the file 0600; give it what a newly created file gets.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat st {};
  const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : (0666 & ~mask);
  bool ok = ::fchmod(fd, mode) == 0 && write_all(fd, data) && ::fsync(fd) == 0;
  int e = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    e = errno;
  }
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
    ok = false;
    e = errno;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    error = failure(path, "write", "写入", e);
  }
  return ok;
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {};
  struct stat sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

}  // namespace pes
