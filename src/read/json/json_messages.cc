#include "read/json/json_messages.h"

#include <fmt/format.h>

#include <array>
#include <string>

namespace pes::json {
namespace {

using sv = std::string_view;

struct Words {
  sv en;
  sv zh;
};

// What nlohmann/json was parsing ("while parsing object key").
constexpr std::array kContexts = {
    Words{"value", "值"},
    Words{"object key", "对象的键"},
    Words{"object separator", "对象的冒号"},
    Words{"object", "对象"},
    Words{"array", "数组"},
};

// nlohmann/json's names of tokens ("unexpected '}'", "expected string literal").
constexpr std::array kTokens = {
    Words{"true literal", "true"},
    Words{"false literal", "false"},
    Words{"null literal", "null"},
    Words{"string literal", "字符串"},
    Words{"number literal", "数字"},
    Words{"'['", "“[”"},
    Words{"'{'", "“{”"},
    Words{"']'", "“]”"},
    Words{"'}'", "“}”"},
    Words{"':'", "“:”"},
    Words{"','", "“,”"},
    Words{"end of input", "文本结尾"},
    Words{"'[', '{', or a literal", "“[”、“{” 或一个值"},
    Words{"<parse error>", "无法识别的内容"},
    Words{"<uninitialized>", "（无）"},
    Words{"unknown token", "未知的记号"},
};

// The lexer's messages, but the control characters' (read by control_character()).
constexpr std::array kLexer = {
    Words{"invalid literal", "无效的值（应为 true、false、null、数字或带引号的字符串）"},
    Words{"invalid string: missing closing quote", "字符串缺少右引号"},
    Words{"invalid string: ill-formed UTF-8 byte", "字符串中有不合 UTF-8 的字节"},
    Words{"invalid string: '\\u' must be followed by 4 hex digits",
          "字符串中 '\\u' 后须跟 4 位十六进制数字"},
    Words{"invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF",
          "字符串中代理项 U+D800..U+DBFF 之后须为 U+DC00..U+DFFF"},
    Words{"invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF",
          "字符串中代理项 U+DC00..U+DFFF 须跟在 U+D800..U+DBFF 之后"},
    Words{"invalid string: forbidden character after backslash",
          "字符串中反斜杠后的字符不是合法的转义"},
    Words{"invalid comment; missing closing '*/'", "注释缺少结尾的 '*/'"},
    Words{"invalid comment; expecting '/' or '*' after '/'", "'/' 之后应为 '/' 或 '*'"},
    Words{"invalid number; expected digit after '-'", "无效的数字：'-' 之后应为数字"},
    Words{"invalid number; expected digit after '.'", "无效的数字：'.' 之后应为数字"},
    Words{"invalid number; expected digit after exponent sign", "无效的数字：指数符号之后应为数字"},
    Words{"invalid BOM; must be 0xEF 0xBB 0xBF if given",
          "无效的字节顺序标记（BOM）：如有，须为 0xEF 0xBB 0xBF"},
};

template <std::size_t N>
const Words* find(const std::array<Words, N>& table, sv en) {
  for (const Words& w : table) {
    if (w.en == en) return &w;
  }
  return nullptr;
}

// "invalid string: control character U+0009 (HT) must be escaped to \u0009 or \t"
std::string control_character(sv text) {
  constexpr sv kHead = "invalid string: control character ";
  constexpr sv kMust = " must be escaped to ";
  if (!text.starts_with(kHead)) return {};
  const auto must = text.find(kMust);
  if (must == sv::npos) return {};
  const sv which = text.substr(kHead.size(), must - kHead.size());  // U+0009 (HT)
  std::string escapes(text.substr(must + kMust.size()));            // \u0009 or \t
  if (const auto alt = escapes.find(" or "); alt != std::string::npos) {
    escapes.replace(alt, 4, " 或 ");
  }
  return fmt::format("字符串中的控制字符 {} 须转义为 {}", which, escapes);
}

// A token named in the text, in Chinese ("" when it names none pes knows).
std::string token(sv en) {
  const Words* w = find(kTokens, en);
  return w != nullptr ? std::string(w->zh) : std::string();
}

// "unexpected '}'; expected string literal", or a lexer message with its "; expected …".
std::string description(sv text) {
  sv expected;
  constexpr sv kExpected = "; expected ";
  // The lexer's own messages may hold "; expected" ("invalid number; expected digit after
  // '-'"): they are looked up whole first.
  for (const Words& w : kLexer) {
    if (!text.starts_with(w.en)) continue;
    const sv rest = text.substr(w.en.size());
    if (rest.empty()) return std::string(w.zh);
    if (!rest.starts_with(kExpected)) continue;
    const std::string t = token(rest.substr(kExpected.size()));
    return t.empty() ? std::string() : fmt::format("{}；应为{}", w.zh, t);
  }
  if (const auto at = text.rfind(kExpected); at != sv::npos) {
    expected = text.substr(at + kExpected.size());
    text = text.substr(0, at);
  }
  std::string what;
  if (text.starts_with("unexpected ")) {
    const std::string t = token(text.substr(11));
    if (t.empty()) return {};
    what = fmt::format("意外的{}", t);
  } else {
    what = control_character(text);
    if (what.empty()) return {};
  }
  if (expected.empty()) return what;
  const std::string t = token(expected);
  return t.empty() ? std::string() : fmt::format("{}；应为{}", what, t);
}

}  // namespace

Message syntax_message(std::string_view why) {
  Message m{std::string(why), {}};
  constexpr sv kHead = "syntax error ";
  constexpr sv kWhile = "while parsing ";
  if (why.starts_with(kHead)) {
    sv rest = why.substr(kHead.size());
    sv context;
    if (rest.starts_with(kWhile)) {
      const auto dash = rest.find(" - ");
      if (dash != sv::npos) {
        context = rest.substr(kWhile.size(), dash - kWhile.size());
        rest = rest.substr(dash + 3);
      }
    } else if (rest.starts_with("- ")) {
      rest.remove_prefix(2);
    }
    const std::string what = description(rest);
    const Words* ctx = context.empty() ? nullptr : find(kContexts, context);
    if (!what.empty() && (context.empty() || ctx != nullptr)) {
      m.zh = ctx != nullptr ? fmt::format("解析{}时出错：{}", ctx->zh, what) : what;
      return m;
    }
  }
  m.zh = fmt::format("语法错误（{}）", why);  // a text this version of the parser does not write
  return m;
}

Message simdjson_message(simdjson::error_code code) {
  std::string_view zh;
  switch (code) {
    case simdjson::CAPACITY:
      zh = "文档过大，无法解析";
      break;
    case simdjson::MEMALLOC:
      zh = "内存不足";
      break;
    case simdjson::TAPE_ERROR:
      zh = "JSON 结构有误";
      break;
    case simdjson::DEPTH_ERROR:
      zh = "嵌套层数过多";
      break;
    case simdjson::STRING_ERROR:
      zh = "字符串有误";
      break;
    case simdjson::T_ATOM_ERROR:
      zh = "以 t 开头的值有误（应为 true）";
      break;
    case simdjson::F_ATOM_ERROR:
      zh = "以 f 开头的值有误（应为 false）";
      break;
    case simdjson::N_ATOM_ERROR:
      zh = "以 n 开头的值有误（应为 null）";
      break;
    case simdjson::NUMBER_ERROR:
      zh = "数字有误";
      break;
    case simdjson::UTF8_ERROR:
      zh = "不是有效的 UTF-8";
      break;
    case simdjson::EMPTY:
      zh = "没有 JSON 值";
      break;
    case simdjson::UNESCAPED_CHARS:
      zh = "字符串中有未转义的控制字符";
      break;
    case simdjson::UNCLOSED_STRING:
      zh = "字符串缺少右引号";
      break;
    case simdjson::INCORRECT_TYPE:
      zh = "值的类型不符";
      break;
    case simdjson::NUMBER_OUT_OF_RANGE:
      zh = "数字超出可表示的范围";
      break;
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      zh = "文本提前结束：数组或对象没有闭合";
      break;
    case simdjson::TRAILING_CONTENT:
      zh = "JSON 值之后还有多余的内容";
      break;
    default:
      break;
  }
  const std::string en = simdjson::error_message(code);
  return {en, zh.empty() ? fmt::format("解析器内部错误（{}）", en) : std::string(zh)};
}

}  // namespace pes::json
