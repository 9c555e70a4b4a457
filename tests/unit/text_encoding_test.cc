#include "pes/text_encoding.h"

#include <catch2/catch.hpp>
#include <string>

#include "pes/text.h"

using namespace pes;

TEST_CASE("UTF-8 validation finds the first bad byte", "[encoding]") {
  constexpr auto npos = std::string_view::npos;
  CHECK(find_invalid_utf8("") == npos);
  CHECK(find_invalid_utf8("abc 项目 ≥95.00(%) 😀") == npos);
  CHECK(find_invalid_utf8("ab\xFF") == 2);
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);          // overlong '/'
  CHECK(find_invalid_utf8("a\xE0\x80\xAF") == 1);     // overlong
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);      // a surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(find_invalid_utf8("项\xE7\x9B") == 3);        // cut short at the end
  CHECK(find_invalid_utf8("\x80") == 0);              // a lone continuation byte
}

TEST_CASE("UTF-8 validation of long texts agrees with the byte loop at every alignment",
          "[encoding]") {
  // Long texts take simdjson's SIMD check first: a bad byte anywhere in a block is still found,
  // and a good text of any length is good.
  std::string good;
  for (int i = 0; i < 12; ++i) good += "年度指标值 ≥95.00(%), 😀 abc\t";
  for (const std::string_view bad : {"\xFF", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                                     "\xF4\x90\x80\x80", "\xE7\x9B", "\x80"}) {
    for (std::size_t at = 0; at < 64; ++at) {
      const std::string before = std::string(at, 'x') + good;
      const std::string text = before + std::string(bad) + good;
      INFO("bad bytes after " << before.size() << " good ones");
      CHECK(find_invalid_utf8(text) == before.size());
      CHECK(first_invalid_utf8(text) == before.size());
      CHECK(find_invalid_utf8(before + good) == std::string_view::npos);
    }
  }
}

TEST_CASE("decoding detects UTF-8, its BOM, and GB18030", "[encoding]") {
  const DecodedText plain = decode_text("项目", TextEncoding::Auto);
  CHECK(plain.ok);
  CHECK(plain.encoding == TextEncoding::Utf8);
  CHECK_FALSE(plain.transcoded);

  const DecodedText bom = decode_text("\xEF\xBB\xBF项目", TextEncoding::Auto);
  CHECK(bom.ok);
  CHECK(bom.skip == 3);

  const std::string gbk = "\xCF\xEE\xC4\xBF,\xB5\xC3\xB7\xD6\r\n";  // 项目,得分 in GBK
  const DecodedText gb = decode_text(gbk, TextEncoding::Auto);
  REQUIRE(gb.ok);
  CHECK(gb.encoding == TextEncoding::Gb18030);
  CHECK(gb.transcoded);
  CHECK(gb.utf8 == "项目,得分\r\n");

  std::string back;
  std::size_t bad = 0;
  REQUIRE(utf8_to_gb18030("项目,得分\r\n", back, bad));
  CHECK(back == gbk);
  // Beyond GBK, GB18030 still has every character.
  REQUIRE(utf8_to_gb18030("😀", back, bad));
  CHECK(decode_text(back, TextEncoding::Gb18030).utf8 == "😀");
  CHECK_FALSE(utf8_to_gb18030("a\xFF", back, bad));
  CHECK(bad == 1);
}

TEST_CASE("bytes in neither encoding: the furthest failure is named", "[encoding]") {
  // GBK text with a stray 0xFF: UTF-8 fails at once, GB18030 only at the 0xFF.
  const DecodedText d = decode_text("\xCF\xEE\xC4\xBF,\xFF", TextEncoding::Auto);
  CHECK_FALSE(d.ok);
  CHECK(d.bad_offset == 5);
  const DecodedText forced = decode_text("项目", TextEncoding::Gb18030);
  CHECK(forced.ok);  // UTF-8 bytes may happen to be GB18030 too: a forced encoding is believed
  const DecodedText bad_utf8 = decode_text(
      "\xEF\xBB\xBF"
      "ab\xFF",
      TextEncoding::Utf8);
  CHECK_FALSE(bad_utf8.ok);
  CHECK(bad_utf8.bad_offset == 5);
}

TEST_CASE("encoding names", "[encoding]") {
  TextEncoding e{};
  CHECK((parse_text_encoding("GBK", e) && e == TextEncoding::Gb18030));
  CHECK((parse_text_encoding("utf-8", e) && e == TextEncoding::Utf8));
  CHECK((parse_text_encoding("UTF8", e) && e == TextEncoding::Utf8));
  CHECK((parse_text_encoding("auto", e) && e == TextEncoding::Auto));
  CHECK_FALSE(parse_text_encoding("latin1", e));
}

TEST_CASE("a file cut inside a character is told as one, and read no further", "[encoding]") {
  CHECK(ends_inside_character("项\xE7\x9B", 3, TextEncoding::Utf8));
  CHECK(ends_inside_character("ab\xF0", 2, TextEncoding::Utf8));
  CHECK_FALSE(ends_inside_character("ab\xE7x", 2, TextEncoding::Utf8));  // not a continuation
  CHECK_FALSE(ends_inside_character("ab\xFF", 2, TextEncoding::Utf8));
  CHECK(ends_inside_character("\xCF\xEE\xC4", 2, TextEncoding::Gb18030));      // 项, 目 cut
  CHECK(ends_inside_character("a\x81\x30", 1, TextEncoding::Gb18030));         // 4-byte form
  CHECK_FALSE(ends_inside_character("a\xFF", 1, TextEncoding::Gb18030));
  CHECK_FALSE(ends_inside_character("a\x81\x41x", 1, TextEncoding::Gb18030));  // not at the end
  // UTF-8 cut short at its end is UTF-8, though GB18030 reads its bytes as other characters:
  // "项目名称" and the first two bytes of 科 read, as GB18030, as 椤圭洰鍚嶇О绉.
  const std::string cut = "项目名称\xE7\xA7";
  REQUIRE(decode_text(cut, TextEncoding::Gb18030).ok);  // the bytes do read as GB18030 …
  const DecodedText d = decode_text(cut, TextEncoding::Auto);
  CHECK_FALSE(d.ok);  // … but they are not taken as such
  CHECK(d.encoding == TextEncoding::Utf8);
  CHECK(d.bad_offset == 12);
}
