// libFuzzer target: any bytes as a Word document (.docx) in the printed table layout. Bytes that
// start with "PK" are read as the whole file; any others become word/document.xml of a stored
// zip, so that mutations reach the XML reading rather than fail the zip's checksums.
#include <array>
#include <string>

#include "fuzz_check.h"

namespace {

std::uint32_t crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : data) c = table[(c ^ static_cast<std::uint8_t>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void le(std::string& out, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// A zip of one stored (uncompressed) entry.
std::string stored_zip(std::string_view name, std::string_view data) {
  const std::uint32_t crc = crc32(data);
  const auto size = static_cast<std::uint32_t>(data.size());
  const auto name_size = static_cast<std::uint32_t>(name.size());
  std::string out;
  le(out, 0x04034b50, 4);  // local file header
  le(out, 20, 2);
  le(out, 0, 2);
  le(out, 0, 2);  // stored
  le(out, 0, 4);  // time, date
  le(out, crc, 4);
  le(out, size, 4);
  le(out, size, 4);
  le(out, name_size, 2);
  le(out, 0, 2);
  out += name;
  out += data;
  const auto central = static_cast<std::uint32_t>(out.size());
  le(out, 0x02014b50, 4);  // central directory header
  le(out, 20, 2);
  le(out, 20, 2);
  le(out, 0, 2);
  le(out, 0, 2);
  le(out, 0, 4);
  le(out, crc, 4);
  le(out, size, 4);
  le(out, size, 4);
  le(out, name_size, 2);
  le(out, 0, 2);
  le(out, 0, 2);
  le(out, 0, 2);
  le(out, 0, 2);
  le(out, 0, 4);
  le(out, 0, 4);  // offset of the local header
  out += name;
  const auto central_size = static_cast<std::uint32_t>(out.size()) - central;
  le(out, 0x06054b50, 4);  // end of central directory
  le(out, 0, 2);
  le(out, 0, 2);
  le(out, 1, 2);
  le(out, 1, 2);
  le(out, central_size, 4);
  le(out, central, 4);
  le(out, 0, 2);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.starts_with("PK")) {
    pes::fuzz::check_bytes(data, size, pes::Format::Docx);
    return 0;
  }
  const std::string zip = stored_zip("word/document.xml", bytes);
  pes::fuzz::check_bytes(reinterpret_cast<const std::uint8_t*>(zip.data()), zip.size(),
                         pes::Format::Docx);
  return 0;
}
