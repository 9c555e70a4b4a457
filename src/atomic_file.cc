#include "pes/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace pes {

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

bool AtomicFile::open(const std::string& path, std::string& error) {
  path_ = path;
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string pattern = (dir == "." ? std::string() : dir) + "." + base + ".tmp-XXXXXX";
  fd_ = ::mkstemp(pattern.data());
  if (fd_ < 0) {
    error = fmt::format("{}: cannot create a temporary file beside it: {}", path, std::strerror(errno));
    return false;
  }
  temp_ = pattern;
  // Keep the mode an ordinary new file would get.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd_, 0666 & ~mask);
  return true;
}

bool AtomicFile::write(std::string_view data, std::string& error) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      error = fmt::format("{}: cannot write: {}", path_, std::strerror(errno));
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool AtomicFile::commit(std::string& error) {
  if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
    fd_ = -1;
    error = fmt::format("{}: cannot write: {}", path_, std::strerror(errno));
    return false;
  }
  fd_ = -1;
  if (::rename(temp_.c_str(), path_.c_str()) != 0) {
    error = fmt::format("{}: cannot replace: {}", path_, std::strerror(errno));
    return false;
  }
  temp_.clear();
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view data, std::string& error) {
  AtomicFile file;
  return file.open(path, error) && file.write(data, error) && file.commit(error);
}

}  // namespace pes
