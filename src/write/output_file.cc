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

Message failure(const std::string& path, std::string_view what_en, std::string_view what_zh, int e) {
  return {fmt::format("{}: cannot {}: {}", path, what_en, std::strerror(e)),
          fmt::format("{}：无法{}：{}", path, what_zh, std::strerror(e))};
}

}  // namespace

OutputFile::~OutputFile() {
  if (temp_.empty()) return;
  out_.close();
  ::unlink(temp_.c_str());
}

bool OutputFile::open(const std::string& path, Message& error) {
  path_ = path;
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = fmt::format("{}.{}.pes-XXXXXX", dir, name);
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = failure(path, "create a temporary file beside it", "在同一目录下创建临时文件", errno);
    return false;
  }
  ::close(fd);
  temp_ = temp;
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    error = failure(path, "write", "写入", errno);
    return false;
  }
  return true;
}

bool OutputFile::commit(Message& error) {
  out_.flush();
  bool ok = static_cast<bool>(out_);
  out_.close();
  int e = errno;
  if (ok) {
    // mkstemp makes the file 0600: give it the target's mode, or what a new file gets.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    struct stat st {};
    const mode_t mode = ::stat(path_.c_str(), &st) == 0 ? (st.st_mode & 07777) : (0666 & ~mask);
    const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    ok = fd >= 0 && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
    e = errno;
    if (fd >= 0) ::close(fd);
  }
  if (ok && ::rename(temp_.c_str(), path_.c_str()) != 0) {
    ok = false;
    e = errno;
  }
  if (!ok) {
    ::unlink(temp_.c_str());
    temp_.clear();
    error = failure(path_, "write", "写入", e);
    return false;
  }
  temp_.clear();
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

}  // namespace pes
