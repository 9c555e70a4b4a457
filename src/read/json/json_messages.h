// The JSON parsers' messages in both languages: nlohmann/json's syntax errors and simdjson's
// error codes are English only; they are read here by their parts and put into Chinese.
#pragma once

#include <simdjson.h>

#include <string_view>

#include "pes/finding.h"

namespace pes::json {

/// Why strict parsing failed, from nlohmann/json's text without its "[json.exception…] parse
/// error at line L, column C: " head and its "last read" part: "syntax error while parsing
/// object - unexpected '}'; expected string literal" → 解析对象时出错：意外的“}”；应为字符串.
/// English stays as the parser wrote it.
Message syntax_message(std::string_view why);

/// What a simdjson error code means, when strict parsing found nothing to place.
Message simdjson_message(simdjson::error_code code);

}  // namespace pes::json
