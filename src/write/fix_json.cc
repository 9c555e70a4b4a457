// Replaces values in JSON text: the token a field's offset names, and nothing else.
#include <fmt/format.h>

#include <algorithm>

#include "write/fix_editor.h"

namespace pes {
namespace {

bool number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// The token at `at`: a string (its contents between the quotes) or a number.
struct Token {
  std::size_t begin = 0;  // the contents: after the opening quote of a string
  std::size_t end = 0;
  bool string = false;
  bool escaped = false;  // a string with an escape: its text is not the file's bytes
};

std::optional<Token> token_at(std::string_view text, std::uint64_t at) {
  if (at >= text.size()) return std::nullopt;
  const auto i = static_cast<std::size_t>(at);
  if (text[i] == '"') {
    Token t{i + 1, i + 1, true, false};
    while (t.end < text.size() && text[t.end] != '"') {
      if (text[t.end] == '\\') {
        t.escaped = true;
        ++t.end;
      }
      ++t.end;
    }
    if (t.end >= text.size()) return std::nullopt;
    return t;
  }
  if (!number_char(text[i])) return std::nullopt;  // true, false, null, an object, an array
  Token t{i, i, false, false};
  while (t.end < text.size() && number_char(text[t.end])) ++t.end;
  return t;
}

class JsonEditor final : public FixEditor {
 public:
  explicit JsonEditor(const Source& source) : source_(source), text_(source.text()) {}

  std::optional<std::string> raw(std::uint64_t offset) const override {
    const auto t = token_at(text_, offset);
    if (!t || t->escaped) return std::nullopt;
    return std::string(text_.substr(t->begin, t->end - t->begin));
  }

  void apply(const Form& form, const std::vector<ValueEdit>& edits, FileFix& out,
             Message&) override {
    for (const ValueEdit& e : edits) {
      const auto t = token_at(text_, e.offset);
      if (!t || t->escaped) continue;  // raw() gave nothing to plan on
      // A string stays a string, a number a number; a text never becomes a bare token.
      std::string token = e.text;
      std::size_t begin = t->begin;
      std::size_t end = t->end;
      if (!t->string && !e.number) {
        token = fmt::format("\"{}\"", e.text);
      }
      out.changes.push_back({form.index, e.field, e.kind, text_place(source_, e.offset),
                             std::string(text_.substr(begin, end - begin)), e.text});
      edits_.push_back({begin, end, std::move(token)});
    }
  }

  bool finish(FileFix& out) override {
    std::sort(edits_.begin(), edits_.end(),
              [](const ByteEdit& a, const ByteEdit& b) { return a.begin < b.begin; });
    out.after = apply_edits(text_, edits_);
    return true;
  }

 private:
  const Source& source_;
  std::string_view text_;
  std::vector<ByteEdit> edits_;
};

}  // namespace

std::unique_ptr<FixEditor> make_json_editor(const Source& source) {
  return std::make_unique<JsonEditor>(source);
}

std::string apply_edits(std::string_view text, const std::vector<ByteEdit>& edits) {
  std::string out;
  out.reserve(text.size() + 64);
  std::uint64_t at = 0;
  for (const ByteEdit& e : edits) {
    if (e.begin < at) continue;  // overlapping: the first stands
    out.append(text.substr(at, e.begin - at));
    out += e.text;
    at = e.end;
  }
  out.append(text.substr(at));
  return out;
}

std::string text_place(const Source& lines, std::uint64_t offset) {
  const LineColumn lc = lines.locate(offset);
  return fmt::format("{}:{}", lc.line, lc.column);
}

}  // namespace pes
