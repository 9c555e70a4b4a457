#include "read/field_errors.h"

#include <fmt/format.h>

#include <array>
#include <cctype>

#include "pes/fields.h"
#include "pes/text.h"
#include "read/written_number.h"

namespace pes {

void bad_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw_text,
                DecimalError error) {
  bad_number(sink, ref, offset, raw_text, error, number_hint(raw_text, error));
}

namespace {

// Appends a hint to both texts of a message: "…; did you mean 19.80? …".
void with_hint(Message& m, const NumberHint& hint) {
  if (hint.en.empty()) return;
  m.en += "; " + hint.en;
  m.zh += "；" + hint.zh;
}

}  // namespace

void bad_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw_text,
                DecimalError error, const NumberHint& hint) {
  const std::string raw = shorten(raw_text);
  const std::string name = field_name(ref);
  const std::string_view zh_name = field_label_zh(ref.key);
  Message m;
  switch (error) {
    case DecimalError::Empty:
      m = {fmt::format("{} is empty; expected a number", name),
           fmt::format("{}（{}）为空，应为数字", zh_name, name)};
      break;
    case DecimalError::Syntax:
      m = {fmt::format("{}: “{}” is not a number", name, raw),
           fmt::format("{}（{}）：“{}”不是数字", zh_name, name, raw)};
      break;
    case DecimalError::Grouping:
      if (hint.en.empty()) {
        m = {fmt::format("{}: “{}” has a comma that is not a thousands separator (groups of "
                         "three digits); write the number without it",
                         name, raw),
             fmt::format("{}（{}）：“{}”中的逗号不是千分位分隔符（须每三位一组），请去掉逗号",
                         zh_name, name, raw)};
      } else {
        m = {fmt::format("{}: “{}” has a comma that is not a thousands separator (groups of "
                         "three digits)",
                         name, raw),
             fmt::format("{}（{}）：“{}”中的逗号不是千分位分隔符（须每三位一组）", zh_name, name,
                         raw)};
      }
      break;
    case DecimalError::TooPrecise:
      m = {fmt::format("{}: “{}” has more than {} decimals", name, raw, Decimal::kDigits),
           fmt::format("{}（{}）：“{}”超过 {} 位小数", zh_name, name, raw, Decimal::kDigits)};
      break;
    case DecimalError::TooLarge:
      m = {fmt::format("{}: “{}” is too large (at most 18 digits before the decimal point)", name,
                       raw),
           fmt::format("{}（{}）：“{}”数值过大（整数部分最多 18 位）", zh_name, name, raw)};
      break;
  }
  with_hint(m, hint);
  sink.add(RuleId::InvalidField, ref, offset, std::move(m), raw, "");
}

void bad_kind(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view expected_en,
              std::string_view expected_zh, std::string_view found_en, std::string_view found_zh) {
  const std::string name = field_name(ref);
  sink.add(RuleId::InvalidField, ref, offset,
           {fmt::format("{}: expected {}, found {}", name.empty() ? "form" : name, expected_en,
                        found_en),
            fmt::format("{}（{}）：应为{}，实际为{}", field_label_zh(ref.key), name, expected_zh,
                        found_zh)});
}

void bad_year(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw_text) {
  const std::string raw = shorten(raw_text);
  sink.add(RuleId::InvalidField, ref, offset,
           {fmt::format("year: “{}” is not a year (a whole number such as 2023)", raw),
            fmt::format("年度（year）：“{}”不是有效年份（应为整数，如 2023）", raw)},
           raw, "");
}

void normalized(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                std::string_view read, std::string_view why_en, std::string_view why_zh) {
  const std::string shown = shorten(raw);
  const std::string name = field_name(ref);
  sink.add(RuleId::NormalizedValue, ref, offset,
           {fmt::format("{}: “{}” read as {} ({})", name, shown, read, why_en),
            fmt::format("{}（{}）：“{}”按 {} 读取（{}）", field_label_zh(ref.key), name, shown,
                        read, why_zh)},
           shown, std::string(read));
}

namespace {

// The notice for full-width digits, which a reviewer should see were read as ASCII ones (the
// value is written out only then: this runs for every number read).
void note_full_width(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                     const WrittenNumber& w, const Decimal& read) {
  if (!w.full_width) return;
  normalized(sink, ref, offset, raw, read.str(), "full-width digits", "全角数字");
}

}  // namespace

void read_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                 Number& out) {
  const WrittenNumber w = parse_written_number(raw, ref.key);
  if (w.parsed.value) {
    out.set(*w.parsed.value, offset);
    out.written_in = w.written_in;
    note_full_width(sink, ref, offset, raw, w, *w.parsed.value);
    return;
  }
  out.state = FieldState::Invalid;
  out.offset = offset;
  const std::string_view text = w.text.empty() ? raw : std::string_view(w.text);
  bad_number(sink, ref, offset, raw, w.parsed.error, number_hint(text, w.parsed.error));
}

void read_year(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
               Field<std::int32_t>& out) {
  out.state = FieldState::Invalid;
  out.offset = offset;
  const WrittenNumber w = parse_written_number(raw, FieldKey::Year);
  const Decimal::Parsed& p = w.parsed;
  if (!p.value) {
    bad_number(sink, ref, offset, raw, p.error);
  } else if (!p.value->fits(0) || *p.value < Decimal::of(1000) || *p.value > Decimal::of(9999)) {
    bad_year(sink, ref, offset, p.value->str());
  } else {
    out.set(static_cast<std::int32_t>(p.value->units() / Decimal::kUnit), offset);
    note_full_width(sink, ref, offset, raw, w, *p.value);
  }
}

void read_flag(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
               Flag& out) {
  std::string s;
  for (char c : raw) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  static constexpr std::array<std::string_view, 5> kTrue = {"true", "yes", "1", "是", "y"};
  static constexpr std::array<std::string_view, 5> kFalse = {"false", "no", "0", "否", "n"};
  for (std::string_view t : kTrue) {
    if (s == t) {
      out.set(true, offset);
      return;
    }
  }
  for (std::string_view f : kFalse) {
    if (s == f) {
      out.set(false, offset);
      return;
    }
  }
  out.state = FieldState::Invalid;
  out.offset = offset;
  const std::string shown = shorten(raw);
  const std::string name = field_name(ref);
  sink.add(RuleId::InvalidField, ref, offset,
           {fmt::format("{}: “{}” is neither true nor false", name, shown),
            fmt::format("{}（{}）：“{}”应为 true（是）或 false（否）", field_label_zh(ref.key),
                        name, shown)},
           shown, "true | false");
}

}  // namespace pes
