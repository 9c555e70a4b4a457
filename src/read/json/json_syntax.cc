#include "read/json/json_syntax.h"

#include <nlohmann/json.hpp>

namespace pes::json {
namespace {

// Records where and why strict JSON parsing fails.
class ErrorLocator : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool failed = false;
  std::size_t position = 0;
  std::string what;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& e) override {
    failed = true;
    position = pos;
    what = e.what();
    return false;
  }
};

// "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ...; last
// read: '...'; expected ..." → "syntax error ...; expected ...".
std::string describe(const std::string& what) {
  const auto colon = what.find(": ");
  std::string why = colon == std::string::npos ? what : what.substr(colon + 2);
  const auto last = why.find("; last read: '");
  if (last != std::string::npos) {
    const auto next = why.find("'; ", last + 14);  // "; expected ..." may follow
    why.erase(last, next == std::string::npos ? std::string::npos : next + 1 - last);
  }
  return why;
}

}  // namespace

std::string_view kind_en(od::json_type t) {
  switch (t) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "true/false";
    case od::json_type::null: return "null";
  }
  return "a value";
}

std::string_view kind_zh(od::json_type t) {
  switch (t) {
    case od::json_type::array: return "数组";
    case od::json_type::object: return "对象";
    case od::json_type::number: return "数字";
    case od::json_type::string: return "字符串";
    case od::json_type::boolean: return "布尔值";
    case od::json_type::null: return "null";
  }
  return "值";
}

std::string_view trim_token(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool is_json_number(std::string_view t) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i > start;
  };
  if (i < t.size() && t[i] == '-') ++i;
  if (i < t.size() && t[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == t.size();
}

int hex4(std::string_view digits) {
  if (digits.size() < 4) return -1;
  int v = 0;
  for (const char c : digits.substr(0, 4)) {
    const int d = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

simdjson::error_code check_passed_value(std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  auto ends_token = [&](char c) {
    return is_space(c) || c == ',' || c == ':' || c == ']' || c == '}';
  };
  // The text from `q` on (q ≤ end).
  auto from = [end](const char* q) {
    return std::string_view(q, static_cast<std::size_t>(end - q));
  };
  std::uint64_t depth = 0;
  while (p < end) {
    const char c = *p;
    if (is_space(c) || c == ',' || c == ':') {
      ++p;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
      ++p;
      continue;
    }
    if (c == '}' || c == ']') {
      if (depth == 0) return simdjson::TAPE_ERROR;
      ++p;
      if (--depth == 0) return simdjson::SUCCESS;
      continue;
    }
    if (c == '"') {
      for (++p;; ++p) {
        if (p >= end) return simdjson::UNCLOSED_STRING;
        const auto b = static_cast<unsigned char>(*p);
        if (b == '"') break;
        if (b < 0x20) return simdjson::UNESCAPED_CHARS;
        if (b != '\\') continue;
        if (++p >= end) return simdjson::UNCLOSED_STRING;
        if (*p == 'u') {
          // \uXXXX; a surrogate only as the first of a pair, as simdjson holds the strings
          // pes reads to.
          const int unit = hex4(from(p + 1));
          if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) return simdjson::STRING_ERROR;
          p += 4;
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            const int low = end - p > 2 && p[1] == '\\' && p[2] == 'u' ? hex4(from(p + 3)) : -1;
            if (low < 0xDC00 || low > 0xDFFF) return simdjson::STRING_ERROR;
            p += 6;
          }
        } else if (std::string_view("\"\\/bfnrt").find(*p) == std::string_view::npos) {
          return simdjson::STRING_ERROR;
        }
      }
      ++p;  // the closing quote
    } else {
      const char* const start = p;
      while (p < end && !ends_token(*p)) ++p;
      const std::string_view token(start, static_cast<std::size_t>(p - start));
      if (c == 'n' || c == 't' || c == 'f') {
        if (token != "null" && token != "true" && token != "false") {
          return c == 'n' ? simdjson::N_ATOM_ERROR
                 : c == 't' ? simdjson::T_ATOM_ERROR
                            : simdjson::F_ATOM_ERROR;
        }
      } else if (!is_json_number(token)) {
        return simdjson::NUMBER_ERROR;
      }
    }
    if (depth == 0) return simdjson::SUCCESS;  // a string, number or atom on its own
  }
  return depth == 0 ? simdjson::SUCCESS : simdjson::TAPE_ERROR;
}

SyntaxError find_syntax_error(std::string_view text) {
  ErrorLocator locator;
  nlohmann::json::sax_parse(text.begin(), text.end(), &locator,
                            nlohmann::json::input_format_t::json, true);
  SyntaxError e;
  if (!locator.failed) return e;
  e.found = true;
  e.offset = locator.position > 0 ? locator.position - 1 : 0;
  e.why = describe(locator.what);
  return e;
}

}  // namespace pes::json
