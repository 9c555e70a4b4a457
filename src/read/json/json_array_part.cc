// Array-part mode of the JSON reader: a run of form objects cut from a large JSON array
// (src/pipeline/array_cutter.h says when and where), read as the whole array would read them.

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include <bit>

#include "pes/json_reader.h"
#include "read/field_errors.h"
#include "read/json/form_reader.h"

namespace pes {

using json::FormReader;
namespace od = simdjson::ondemand;
using simdjson::error_code;

namespace {

// The offset just past the object that starts at text[at] (its '{'), or text.size() when it
// does not end. The text is well-formed JSON: only quotes, backslashes in strings and braces
// matter. Sixteen bytes are looked at a time where SSE2 is there (every x86-64).
std::size_t object_end(std::string_view text, std::size_t at) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t depth = 0;
  bool in_string = false;
  std::size_t i = at;
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i open = _mm_set1_epi8('{');
  const __m128i close = _mm_set1_epi8('}');
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, open), _mm_cmpeq_epi8(v, close)))));
    std::size_t next = i + 16;
    while (mask != 0) {
      const std::size_t k = i + static_cast<std::size_t>(std::countr_zero(mask));
      mask &= mask - 1;
      const char c = p[k];
      if (in_string) {
        if (c == '"') {
          in_string = false;
        } else if (c == '\\') {  // the next byte is escaped
          if (k + 1 == i + 16) {
            next = k + 2;
          } else {
            mask &= ~(1u << (k + 1 - i));
          }
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{') {
        ++depth;
      } else if (c == '}' && --depth == 0) {
        return k + 1;
      }
    }
    i = next;
  }
#endif
  for (; i < n; ++i) {
    const char c = p[i];
    if (in_string) {
      if (c == '"') in_string = false;
      if (c == '\\') ++i;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i + 1;
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
      FormReader reader(text, form, sink);
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
