#include "pes/text_encoding.h"

#include "pes/text.h"

#include <iconv.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace pes {

bool parse_text_encoding(std::string_view name, TextEncoding& out) {
  std::string n;
  for (const char c : name) {
    if (c != '-' && c != '_') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (n == "auto")
    out = TextEncoding::Auto;
  else if (n == "utf8")
    out = TextEncoding::Utf8;
  else if (n == "gbk" || n == "gb18030" || n == "gb2312" || n == "cp936")
    out = TextEncoding::Gb18030;
  else
    return false;
  return true;
}

std::string_view text_encoding_name(TextEncoding e) {
  switch (e) {
    case TextEncoding::Auto:
      return "auto";
    case TextEncoding::Utf8:
      return "UTF-8";
    case TextEncoding::Gb18030:
      return "GB18030";
  }
  return "UTF-8";
}

std::size_t find_invalid_utf8(std::string_view text) {
  // simdjson's SIMD check takes a fraction of the time; the byte loop finds where it fails.
  if (simdjson::validate_utf8(text.data(), text.size())) return std::string_view::npos;
  const std::size_t at = first_invalid_utf8(text);
  return at == text.size() ? std::string_view::npos : at;
}

namespace {

// Converts with iconv. Returns true on success; else `bad` is the offset of the first
// byte that could not be converted (or of an incomplete sequence at the end).
bool convert(const char* to, const char* from, std::string_view in, std::string& out,
             std::size_t& bad) {
  out.clear();
  iconv_t cd = ::iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    bad = 0;
    return false;
  }
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());  // iconv's interface is not const-correct
  std::size_t src_left = in.size();
  std::size_t done = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = out.data() + done;
    std::size_t dst_left = out.size() - done;
    const std::size_t r = ::iconv(cd, &src, &src_left, &dst, &dst_left);
    done = out.size() - dst_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    ok = false;  // EILSEQ or EINVAL
    bad = static_cast<std::size_t>(src - in.data());
    break;
  }
  ::iconv_close(cd);
  out.resize(done);
  return ok;
}

}  // namespace

bool ends_inside_character(std::string_view text, std::size_t at, TextEncoding encoding) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const std::size_t left = text.size() - at;
  if (encoding == TextEncoding::Gb18030) {  // 2 bytes, or 4 with a digit second
    return byte(at) >= 0x81 && byte(at) <= 0xFE &&
           (left == 1 || (left < 4 && byte(at + 1) >= 0x30 && byte(at + 1) <= 0x39));
  }
  const unsigned lead = byte(at);
  const std::size_t length = lead >= 0xF0 && lead <= 0xF4   ? 4
                             : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xC2 && lead <= 0xDF ? 2
                                                            : 0;
  if (length == 0 || length <= left) return false;
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if ((byte(i) & 0xC0) != 0x80) return false;
  }
  return true;
}

DecodedText decode_text(std::string_view bytes, TextEncoding encoding) {
  DecodedText d;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    d.ok = false;
    d.utf16 = true;
    return d;
  }
  if (bytes.starts_with(kUtf8Bom) && encoding != TextEncoding::Gb18030) {
    d.skip = kUtf8Bom.size();
    encoding = TextEncoding::Utf8;
  }
  const std::string_view text = bytes.substr(d.skip);
  std::size_t utf8_bad = std::string_view::npos;
  if (encoding != TextEncoding::Gb18030) {
    utf8_bad = find_invalid_utf8(text);
    if (utf8_bad == std::string_view::npos) {
      d.encoding = TextEncoding::Utf8;
      return d;
    }
    // Named, or valid UTF-8 up to a character the end cuts short (GB18030 might read such
    // bytes, as other characters): a UTF-8 file.
    if (encoding == TextEncoding::Utf8 ||
        ends_inside_character(text, utf8_bad, TextEncoding::Utf8)) {
      d.ok = false;
      d.bad_offset = d.skip + utf8_bad;
      return d;
    }
  }
  d.encoding = TextEncoding::Gb18030;
  std::size_t gb_bad = 0;
  d.transcoded = true;  // the whole text, or what was read of it (see DecodedText)
  if (convert("UTF-8", "GB18030", text, d.utf8, gb_bad)) return d;
  d.ok = false;
  if (encoding == TextEncoding::Auto) {
    // Neither reads the bytes: name the failure that came later, which is the likelier one
    // (a GBK file with one stray byte fails early as UTF-8, at its first Chinese character).
    d.encoding = gb_bad >= utf8_bad ? TextEncoding::Gb18030 : TextEncoding::Utf8;
    d.bad_offset = d.skip + std::max(gb_bad, utf8_bad);
  } else {
    d.bad_offset = d.skip + gb_bad;
  }
  if (d.encoding == TextEncoding::Utf8) {  // what was read is the input's own bytes
    d.transcoded = false;
    d.utf8.clear();
  }
  return d;
}

DecodedText decode_utf16(std::string_view bytes) {
  DecodedText d;
  d.utf16 = true;
  const bool le = bytes.starts_with("\xFF\xFE");
  if (!le && !bytes.starts_with("\xFE\xFF")) {
    d.ok = false;
    return d;
  }
  d.skip = 2;
  d.transcoded = true;  // the whole text, or what was read of it (see DecodedText)
  std::size_t bad = 0;
  if (convert("UTF-8", le ? "UTF-16LE" : "UTF-16BE", bytes.substr(2), d.utf8, bad)) return d;
  d.ok = false;
  d.bad_offset = 2 + bad;
  return d;
}

bool utf8_to_gb18030(std::string_view text, std::string& out, std::size_t& bad_offset) {
  return convert("GB18030", "UTF-8", text, out, bad_offset);
}

}  // namespace pes
