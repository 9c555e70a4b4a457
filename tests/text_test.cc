#include "pes/text.h"

#include <catch2/catch.hpp>

TEST_CASE("shorten cuts long text at a character boundary", "[text]") {
  CHECK(pes::shorten("短文本") == "短文本");
  CHECK(pes::shorten("一二三四五", 3) == "一二三…");
  CHECK(pes::shorten("abcdef", 6) == "abcdef");
  CHECK(pes::shorten(std::string(1000, 'x'), 10) == std::string(10, 'x') + "…");
  CHECK(pes::shorten("", 0).empty());
}
