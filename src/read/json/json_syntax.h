// What the JSON reader needs besides simdjson: names of JSON kinds for messages, the strict
// RFC 8259 number check, and where and why a text fails to parse as JSON (nlohmann/json's
// strict SAX parser, run only when simdjson has already failed).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace pes::json {

namespace od = simdjson::ondemand;

/// "an array", "a number", ... and 数组, 数字, ...
std::string_view kind_en(od::json_type t);
std::string_view kind_zh(od::json_type t);

/// A JSON number token as RFC 8259 writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view token);

/// The value of the four hex digits of a \u escape at the start of `digits` (which may be
/// shorter), or -1.
int hex4(std::string_view digits);

/// Checks the JSON value at the start of `text` for what On-Demand leaves unchecked in a value
/// it passes over: atoms ("nul"), numbers ("0x10"), escapes ("\q") and control characters in
/// strings, at any depth, without recursion. SUCCESS when it is well-formed; the value ends
/// where its brackets close, and the scan never reads past `text`.
simdjson::error_code check_passed_value(std::string_view text);

/// The raw token without trailing white space.
std::string_view trim_token(std::string_view s);

/// Where strict JSON parsing of `text` fails: found, at which byte, and why (without the
/// "last read" part, which can hold a piece of a broken UTF-8 sequence and run to kilobytes).
struct SyntaxError {
  bool found = false;
  std::uint64_t offset = 0;
  std::string why;
};
SyntaxError find_syntax_error(std::string_view text);

}  // namespace pes::json
