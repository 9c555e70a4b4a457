// JSON Lines mode of the JSON reader: one form object a line (src/json_reader.cc reads JSON).

#include <fmt/format.h>

#include "pes/json_reader.h"
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

namespace {

// Reads one line holding one form. Returns false when the line is not well-formed JSON;
// then `error_at` (an offset in the source) and `why` say where and what.
class LineReader {
 public:
  LineReader(od::parser& parser, std::string_view text, Document& doc)
      : parser_(parser), text_(text), doc_(doc) {}

  void read(std::size_t begin, std::size_t end, std::uint32_t index) {
    const std::size_t findings_before = doc_.findings.size();
    const std::string_view line = text_.substr(begin, end - begin);
    const std::size_t lead = line.find_first_not_of(" \t\r");
    const std::uint64_t at = begin + (lead == std::string_view::npos ? 0 : lead);
    // The bytes after the line are readable (the next lines, then the source's padding).
    const simdjson::padded_string_view view(text_.data() + begin, line.size(),
                                            text_.size() - begin + Source::kPadding);
    error_code err = simdjson::SUCCESS;
    od::document document;
    od::json_type top{};
    bool ok = !(err = parser_.iterate(view).get(document)) && !(err = document.type().get(top));
    bool added = false;
    if (ok && top != od::json_type::object) {
      // On-Demand judges a value by its first byte: check the line is well-formed JSON at all.
      if (!json::find_syntax_error(line).found) {
        FindingSink sink(index, doc_.findings);
        bad_kind(sink, {FieldKey::Form}, at, "a form object", "自评表对象", kind_en(top),
                 kind_zh(top));
        return;
      }
      ok = false;
    }
    if (ok) {
      od::object object;
      ok = !(err = document.get_object().get(object));
      if (ok) {
        Form& form = doc_.forms.emplace_back();
        added = true;
        form.index = index;
        FindingSink sink(index, doc_.findings);
        FormReader reader(text_, form, sink);
        ok = reader.read(object, at);
        if (!ok) err = reader.error;
      }
    }
    if (ok) {
      const char* rest = nullptr;
      if (document.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) {
        err = simdjson::TRAILING_CONTENT;
        ok = false;
      }
    }
    if (ok) return;
    // Not well-formed: drop what was read of the line and report where strict parsing fails.
    if (added) doc_.forms.pop_back();
    doc_.findings.resize(findings_before);
    const json::SyntaxError syntax = json::find_syntax_error(line);
    FindingSink sink(index, doc_.findings);
    if (syntax.found) {
      const std::uint64_t where = begin + syntax.offset;
      const Message why = json::syntax_message(syntax.why);
      sink.add(RuleId::ParseError, {}, std::min<std::uint64_t>(where, end),
               {fmt::format("not well-formed JSON: {}", why.en),
                fmt::format("JSON 格式错误：{}", why.zh)});
    } else {
      const Message why = json::simdjson_message(err);
      sink.add(RuleId::ParseError, {}, at,
               {fmt::format("not well-formed JSON: {}", why.en),
                fmt::format("JSON 格式错误：{}", why.zh)});
    }
  }

 private:
  od::parser& parser_;
  std::string_view text_;
  Document& doc_;
};

}  // namespace

void JsonReader::read_lines(const Source& source, Document& doc) {
  doc.clear();
  doc.format = Format::JsonLines;
  doc.parsed = true;
  const std::string_view text = source.text();
  std::size_t pos = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  LineReader reader(impl_->parser, text, doc);
  std::uint32_t index = 0;
  while (pos < text.size()) {
    const std::size_t end = find_line_end(text, pos);  // LF, CR LF or a bare CR
    if (!trim_ascii(text.substr(pos, end - pos)).empty()) reader.read(pos, end, index++);
    pos = skip_line_end(text, end);
    if (pos == end) break;  // the last line, with no line end
  }
}

}  // namespace pes
