// Text encodings of tabular input: UTF-8 (with or without a byte-order mark) and GBK/GB18030,
// what Excel on Chinese Windows writes. Conversion goes through glibc's iconv.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pes {

enum class TextEncoding : std::uint8_t {
  Auto,     ///< detect: UTF-8 if the bytes are valid UTF-8, else GB18030
  Utf8,     ///< UTF-8, a leading byte-order mark skipped
  Gb18030,  ///< GB18030, a superset of GBK and GB2312
};

/// Reads an encoding's name: auto, utf-8 (utf8), gbk, gb18030, gb2312 (any case).
bool parse_text_encoding(std::string_view name, TextEncoding& out);
/// The name pes shows for an encoding ("UTF-8", "GB18030").
std::string_view text_encoding_name(TextEncoding e);

/// The UTF-8 byte-order mark.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// The offset of the first byte that is not part of valid UTF-8 (overlong forms and
/// surrogates are invalid), or npos when all of `text` is valid.
std::size_t find_invalid_utf8(std::string_view text);

/// True when text[at, end) is the start of a character in `encoding` (UTF-8 or GB18030) that
/// the end of the text cuts short: a file cut short.
bool ends_inside_character(std::string_view text, std::size_t at, TextEncoding encoding);

/// What decoding a file's bytes gave.
struct DecodedText {
  TextEncoding encoding = TextEncoding::Utf8;  ///< the encoding found (never Auto)
  std::size_t skip = 0;                        ///< bytes of a byte-order mark before the text
  bool transcoded = false;     ///< true: the text is in `utf8`; false: it is the input after `skip`
  /// The text converted to UTF-8, when transcoded; when not `ok`, what was read of it: the text
  /// before `bad_offset`, so that a failure is placed by line and character as a person sees it.
  std::string utf8;
  bool ok = true;              ///< false: the bytes are not valid in the encoding (see bad_offset)
  std::size_t bad_offset = 0;  ///< offset in the input of the first byte that cannot be read
  bool utf16 = false;          ///< the input starts with a UTF-16 byte-order mark
};

/// Decodes bytes in an encoding, or detects it (Auto: UTF-8 when valid, else GB18030).
/// When neither reads the bytes, bad_offset is the furthest either got.
DecodedText decode_text(std::string_view bytes, TextEncoding encoding);

/// Decodes text that starts with a UTF-16 byte-order mark (what Excel's "Unicode Text" writes)
/// into UTF-8. Not ok (and `bad_offset`) when a code unit cannot be read.
DecodedText decode_utf16(std::string_view bytes);

/// Converts UTF-8 text to GB18030. False (and `bad_offset`) when the text is not valid UTF-8.
bool utf8_to_gb18030(std::string_view text, std::string& out, std::size_t& bad_offset);

}  // namespace pes
