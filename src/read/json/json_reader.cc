#include "pes/json_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "pes/text.h"
#include "pes/text_encoding.h"
#include "read/field_errors.h"
#include "read/json/form_reader.h"
#include "read/json/json_messages.h"
#include "read/json/json_syntax.h"

namespace pes {

using json::FormReader;
using json::kind_en;
using json::kind_zh;
namespace od = simdjson::ondemand;
using simdjson::error_code;

JsonReader::JsonReader() : impl_(std::make_unique<Impl>()) {}
JsonReader::~JsonReader() = default;

void JsonReader::read(const Source& source, Document& doc) {
  doc.clear();
  doc.format = Format::Json;
  const std::string_view text = source.text();
  const char* base = text.data();
  std::size_t start = 0;
  if (text.starts_with(kUtf8Bom))
    start = kUtf8Bom.size();  // a byte-order mark, as Windows editors write

  auto parse_error = [&](std::uint64_t at, std::string en, std::string zh) {
    doc.fail(at, std::move(en), std::move(zh));
  };
  if (trim_ascii(text.substr(start)).empty()) {
    parse_error(0, "the file is empty: expected a form object or an array of forms",
                "文件为空：应为一个自评表对象或自评表数组");
    return;
  }

  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    parse_error(0, "the file is encoded as UTF-16; save it as UTF-8",
                "文件为 UTF-16 编码；请另存为 UTF-8");
    return;
  }

  error_code err = simdjson::SUCCESS;
  auto syntax_failure = [&](error_code e, std::uint64_t hint) {
    if (e == simdjson::UTF8_ERROR) {
      const std::uint64_t bad = first_invalid_utf8(text);
      const auto byte = static_cast<unsigned>(static_cast<unsigned char>(text[bad]));
      parse_error(
          bad,
          fmt::format("not valid UTF-8: byte 0x{:02X}; is the file GBK? Save it as UTF-8", byte),
          fmt::format("不是有效的 UTF-8：字节 0x{:02X}；文件是否为 GBK 编码？请另存为 UTF-8",
                      byte));
      return;
    }
    const json::SyntaxError syntax = json::find_syntax_error(text.substr(start));
    if (syntax.found) {
      const std::uint64_t at = start + syntax.offset;
      if (at < text.size() && text[at] == '\0') {
        parse_error(at, "a NUL byte (0x00) where JSON text belongs; is this a text file?",
                    "此处为 NUL 字节（0x00），不是 JSON 文本；这是文本文件吗？");
        return;
      }
      const Message why = json::syntax_message(syntax.why);
      parse_error(at, fmt::format("not well-formed JSON: {}", why.en),
                  fmt::format("JSON 格式错误：{}", why.zh));
    } else if (e == simdjson::DEPTH_ERROR) {
      parse_error(hint, "JSON nested too deeply (more than 1024 levels)",
                  "JSON 嵌套层数过多（超过 1024 层）");
    } else {
      const Message why = json::simdjson_message(e);
      parse_error(hint, fmt::format("not well-formed JSON: {}", why.en),
                  fmt::format("JSON 格式错误：{}", why.zh));
    }
  };

  const simdjson::padded_string_view view(base + start, text.size() - start,
                                          text.size() - start + Source::kPadding);
  od::document document;
  od::json_type top{};
  if ((err = impl_->parser.iterate(view).get(document)) || (err = document.type().get(top))) {
    syntax_failure(err, start);
    return;
  }
  const std::uint64_t first =
      start + (text.substr(start).find_first_not_of(" \t\r\n") == std::string_view::npos
                   ? 0
                   : text.substr(start).find_first_not_of(" \t\r\n"));

  auto read_one = [&](od::object object, std::uint64_t at, std::uint32_t index) -> bool {
    Form& form = doc.forms.emplace_back();
    form.index = index;
    FindingSink sink(index, doc.findings);
    FormReader reader(text, form, sink);
    if (!reader.read(object, at)) {
      err = reader.error;
      return false;
    }
    return true;
  };

  bool ok = true;
  std::uint32_t position = 0;  // index in the array, counting elements that are no form
  if (top == od::json_type::object) {
    od::object object;
    ok = !(err = document.get_object().get(object)) && read_one(object, first, 0);
  } else if (top == od::json_type::array) {
    doc.is_array = true;
    od::array array;
    ok = !(err = document.get_array().get(array));
    if (ok) {
      for (auto element : array) {
        od::value item;
        if ((err = element.get(item))) {
          ok = false;
          break;
        }
        const std::uint64_t at = static_cast<std::uint64_t>(item.raw_json_token().data() - base);
        od::json_type t{};
        if ((err = item.type().get(t))) {
          ok = false;
          break;
        }
        od::object object;
        const std::uint32_t index = position++;
        if (t != od::json_type::object) {
          FindingSink sink(index, doc.findings);
          bad_kind(sink, {FieldKey::Form}, at, "a form object", "自评表对象", kind_en(t),
                   kind_zh(t));
          continue;
        }
        if ((err = item.get_object().get(object)) || !read_one(object, at, index)) {
          ok = false;
          break;
        }
      }
    }
  } else {
    FindingSink sink(kWholeFile, doc.findings);
    bad_kind(sink, {FieldKey::Form}, first, "a form object or an array of forms",
             "自评表对象或自评表数组", kind_en(top), kind_zh(top));
    doc.parsed = true;
    return;
  }
  if (ok) {
    const char* rest = nullptr;
    if (document.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) {
      err = simdjson::TRAILING_CONTENT;  // something follows the JSON value
      ok = false;
    }
  }
  if (!ok) {
    const char* where = nullptr;
    const std::uint64_t hint =
        document.current_location().get(where) == simdjson::SUCCESS && where != nullptr
            ? static_cast<std::uint64_t>(where - base)
            : start;
    syntax_failure(err, hint);
    return;
  }
  doc.parsed = true;
}

}  // namespace pes
