#include "read/field_errors.h"

#include "pes/fields.h"
#include "pes/text.h"

#include <fmt/format.h>

namespace pes {

void bad_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw_text,
                DecimalError error) {
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
      m = {fmt::format("{}: “{}” has a comma that is not a thousands separator (groups of three "
                       "digits); write the number without it",
                       name, raw),
           fmt::format("{}（{}）：“{}”中的逗号不是千分位分隔符（须每三位一组），请去掉逗号", zh_name,
                       name, raw)};
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

void read_number(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
                 Number& out) {
  const Decimal::Parsed p = Decimal::parse(raw);
  if (p.value) {
    out.set(*p.value, offset);
    return;
  }
  out.state = FieldState::Invalid;
  out.offset = offset;
  bad_number(sink, ref, offset, raw, p.error);
}

void read_year(FindingSink& sink, FieldRef ref, std::uint64_t offset, std::string_view raw,
               Field<std::int32_t>& out) {
  out.state = FieldState::Invalid;
  out.offset = offset;
  const Decimal::Parsed p = Decimal::parse(raw);
  if (!p.value) {
    bad_number(sink, ref, offset, raw, p.error);
  } else if (!p.value->fits(0) || *p.value < Decimal::of(1000) || *p.value > Decimal::of(9999)) {
    bad_year(sink, ref, offset, p.value->str());
  } else {
    out.set(static_cast<std::int32_t>(p.value->units() / Decimal::kUnit), offset);
  }
}

}  // namespace pes
