#include "fd_buffer.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pes {

FdBuffer::FdBuffer(int fd, std::size_t size)
    : fd_(fd), buffer_(std::make_unique_for_overwrite<char[]>(size)), size_(size) {
  setp(buffer_.get(), buffer_.get() + size_);
}

void FdBuffer::reset(int fd) {
  fd_ = fd;
  error_ = 0;
  setp(buffer_.get(), buffer_.get() + size_);
}

bool FdBuffer::write_out(const char* data, std::size_t size) {
  while (size > 0 && error_ == 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
    } else if (n == 0) {
      error_ = EIO;
    } else {
      data += n;
      size -= static_cast<std::size_t>(n);
    }
  }
  return error_ == 0;
}

bool FdBuffer::flush_all() {
  const auto pending = static_cast<std::size_t>(pptr() - pbase());
  if (pending > 0 && error_ == 0) write_out(pbase(), pending);
  setp(buffer_.get(), buffer_.get() + size_);
  return error_ == 0;
}

FdBuffer::int_type FdBuffer::overflow(int_type ch) {
  if (!flush_all()) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  if (line_buffered_ && traits_type::to_char_type(ch) == '\n' && !flush_all()) {
    return traits_type::eof();
  }
  return ch;
}

std::streamsize FdBuffer::xsputn(const char* s, std::streamsize n) {
  if (error_ != 0) return 0;
  const auto size = static_cast<std::size_t>(n);
  std::size_t buffered = size;
  if (size > static_cast<std::size_t>(epptr() - pptr())) {
    if (!flush_all()) return 0;
    if (size >= size_) {  // too big to buffer: straight out
      if (!write_out(s, size)) return 0;
      buffered = 0;
    }
  }
  if (buffered > 0) {
    std::memcpy(pptr(), s, buffered);
    pbump(static_cast<int>(buffered));
  }
  if (line_buffered_ && std::memchr(s, '\n', size) != nullptr && !flush_all()) return 0;
  return n;
}

int FdBuffer::sync() { return flush_all() ? 0 : -1; }

}  // namespace pes
