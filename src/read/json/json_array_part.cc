// Array-part mode of the JSON reader: a run of form objects cut from a large JSON array
// (src/pipeline/array_cutter.h says when and where), read as the whole array would read them.

#include <fmt/format.h>

#include "pes/json_reader.h"
#include "read/field_errors.h"
#include "read/json/form_reader.h"

namespace pes {

using json::FormReader;
namespace od = simdjson::ondemand;
using simdjson::error_code;

namespace {

// The offset just past the object that starts at text[at] (its '{'), or text.size() when it
// does not end. The text is well-formed JSON: only strings and braces matter.
std::size_t object_end(std::string_view text, std::size_t at) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t depth = 0;
  for (std::size_t i = at; i < n; ++i) {
    const char c = p[i];
    if (c == '"') {
      for (++i; i < n && p[i] != '"'; ++i) {
        if (p[i] == '\\') ++i;
      }
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) return i + 1;
    }
  }
  return n;
}

}  // namespace

void JsonReader::read_array_part(const Source& source, std::uint32_t first_form, Document& doc) {
  doc.clear();
  doc.format = Format::Json;
  doc.is_array = true;
  doc.parsed = true;
  const std::string_view text = source.text();
  std::size_t pos = 0;
  std::uint32_t index = first_form;
  for (;;) {
    pos = text.find_first_not_of(" \t\r\n,", pos);
    if (pos == std::string_view::npos) break;
    const std::size_t end = object_end(text, pos);
    const std::size_t findings_before = doc.findings.size();
    // The bytes after the object are readable (the next forms, then the source's padding).
    const simdjson::padded_string_view view(text.data() + pos, end - pos,
                                            text.size() - pos + Source::kPadding);
    error_code err = simdjson::SUCCESS;
    od::document document;
    od::object object;
    bool ok = !(err = impl_->parser.iterate(view).get(document)) &&
              !(err = document.get_object().get(object));
    if (ok) {
      Form& form = doc.forms.emplace_back();
      form.index = index;
      FindingSink sink(index, doc.findings);
      FormReader reader(text.data(), form, sink);
      ok = reader.read(object, pos);
      if (!ok) err = reader.error;
      const char* rest = nullptr;
      if (ok && document.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) {
        err = simdjson::TRAILING_CONTENT;
        ok = false;
      }
      if (!ok) doc.forms.pop_back();
    }
    if (!ok) {
      // The cutter lets through only what parses; should simdjson still refuse a form, it is
      // named rather than dropped without a word.
      doc.findings.resize(findings_before);
      FindingSink sink(index, doc.findings);
      sink.add(RuleId::ParseError, {}, pos,
               {fmt::format("not well-formed JSON: {}", simdjson::error_message(err)),
                fmt::format("JSON 格式错误：{}", simdjson::error_message(err))});
    }
    ++index;
    pos = end;
  }
}

}  // namespace pes
