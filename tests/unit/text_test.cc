#include "pes/text.h"

#include <catch2/catch.hpp>

TEST_CASE("shorten cuts long text at a character boundary", "[text]") {
  CHECK(pes::shorten("短文本") == "短文本");
  CHECK(pes::shorten("一二三四五", 3) == "一二三…");
  CHECK(pes::shorten("abcdef", 6) == "abcdef");
  CHECK(pes::shorten(std::string(1000, 'x'), 10) == std::string(10, 'x') + "…");
  CHECK(pes::shorten("", 0).empty());
}

TEST_CASE("first_invalid_utf8 finds the first ill-formed byte", "[text]") {
  CHECK(pes::first_invalid_utf8("ascii 中文") == 12);
  CHECK(pes::first_invalid_utf8("ab\xC3\x28") == 2);
  CHECK(pes::first_invalid_utf8("\xC0\x80") == 0);          // overlong
  CHECK(pes::first_invalid_utf8("x\xED\xA0\x80") == 1);     // surrogate
  CHECK(pes::first_invalid_utf8("\xF4\x90\x80\x80") == 0); // past U+10FFFF
  CHECK(pes::first_invalid_utf8("\xE4\xB8") == 0);          // truncated
  CHECK(pes::first_invalid_utf8("\xF0\x9F\x98\x80") == 4); // an emoji is fine
}

TEST_CASE("display_path shows bytes that are not UTF-8, and control bytes, as U+FFFD", "[text]") {
  CHECK(pes::display_path("forms/自评表.json") == "forms/自评表.json");
  CHECK(pes::display_path("a\xFF\xFE.json") == "a\xEF\xBF\xBD\xEF\xBF\xBD.json");
  CHECK(pes::display_path("\xE4\xB8.csv") == "\xEF\xBF\xBD\xEF\xBF\xBD.csv");  // cut short
  CHECK(pes::display_path("line\nbreak\x7F") == "line\xEF\xBF\xBD" "break\xEF\xBF\xBD");
  for (const std::string name : {"\xC0\x80", "x\xED\xA0\x80y", "\x01\x02"}) {
    const std::string shown = pes::display_path(name);
    CHECK(pes::first_invalid_utf8(shown) == shown.size());
  }
}

TEST_CASE("an English count is singular for one only", "[text]") {
  CHECK(pes::counted(0, "form") == "0 forms");
  CHECK(pes::counted(1, "form") == "1 form");
  CHECK(pes::counted(2, "warning") == "2 warnings");
  CHECK(pes::counted(12345678901, "file") == "12345678901 files");
}
