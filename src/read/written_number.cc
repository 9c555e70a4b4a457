#include "read/written_number.h"

#include <fmt/format.h>

#include <array>

#include "pes/text.h"

namespace pes {
namespace {

using sv = std::string_view;

bool is_amount(FieldKey k) {
  return k == FieldKey::RowInitial || k == FieldKey::RowAnnual || k == FieldKey::RowExecuted;
}

bool is_points(FieldKey k) {
  return k == FieldKey::Score || k == FieldKey::Weight || k == FieldKey::RowScore ||
         k == FieldKey::FundsWeight || k == FieldKey::Total;
}

// Folds full-width digits and signs (U+FF01..U+FF5E) to ASCII and drops the ideographic space;
// true if a digit or a decimal point was among them.
bool fold_full_width(sv raw, std::string& out) {
  bool digits = false;
  out.clear();
  for (std::size_t i = 0; i < raw.size();) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c == 0xE3 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
        static_cast<unsigned char>(raw[i + 2]) == 0x80) {
      i += 3;  // U+3000
      continue;
    }
    if (c == 0xEF && i + 2 < raw.size()) {
      const auto b1 = static_cast<unsigned char>(raw[i + 1]);
      const auto b2 = static_cast<unsigned char>(raw[i + 2]);
      std::uint32_t cp = 0;
      if ((b1 == 0xBC || b1 == 0xBD) && (b2 & 0xC0) == 0x80) {
        cp = 0xF000u | (static_cast<std::uint32_t>(b1 & 0x3F) << 6) | (b2 & 0x3Fu);
      }
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        const char ascii = static_cast<char>(cp - 0xFF01 + 0x21);
        digits = digits || (ascii >= '0' && ascii <= '9') || ascii == '.';
        out.push_back(ascii);
        i += 3;
        continue;
      }
    }
    out.push_back(raw[i]);
    ++i;
  }
  return digits;
}

struct Suffix {
  sv text;
  WrittenIn unit;
};

// Longest first, so that 万元 is not read as 元.
constexpr std::array<Suffix, 3> kAmountSuffixes = {
    {{"万元", WrittenIn::Wan}, {"万", WrittenIn::Wan}, {"元", WrittenIn::Yuan}}};
constexpr std::array<sv, 1> kPointsSuffixes = {"分"};
constexpr std::array<sv, 2> kYearSuffixes = {"年度", "年"};

}  // namespace

WrittenNumber parse_written_number(sv raw, FieldKey key) {
  WrittenNumber out;
  out.parsed = Decimal::parse(raw);
  if (out.parsed.value) return out;
  std::string folded;
  out.full_width = fold_full_width(raw, folded);
  sv s = trim_ascii(folded);
  bool changed = out.full_width;
  if (is_amount(key)) {
    for (const Suffix& x : kAmountSuffixes) {
      if (s.size() > x.text.size() && s.ends_with(x.text)) {
        s.remove_suffix(x.text.size());
        out.written_in = x.unit;
        changed = true;
        break;
      }
    }
  } else if (is_points(key)) {
    for (sv x : kPointsSuffixes) {
      if (s.size() > x.size() && s.ends_with(x)) {
        s.remove_suffix(x.size());
        changed = true;
        break;
      }
    }
  } else if (key == FieldKey::Year) {
    for (sv x : kYearSuffixes) {
      if (s.size() > x.size() && s.ends_with(x)) {
        s.remove_suffix(x.size());
        changed = true;
        break;
      }
    }
  }
  if (!changed) return out;
  s = trim_ascii(s);
  out.text = std::string(s);
  const Decimal::Parsed again = Decimal::parse(s);
  if (!again.value) {
    // Still no number: the reason given is the one of the folded text when folding got further
    // (a comma that is no thousands separator, too many decimals).
    if (again.error != DecimalError::Syntax) out.parsed = again;
    out.written_in = WrittenIn::Table;
    out.full_width = false;
    return out;
  }
  out.parsed = again;
  return out;
}

NumberHint number_hint(sv raw, DecimalError error) {
  const sv s = trim_ascii(raw);
  if (error == DecimalError::Grouping) {
    // One comma where a decimal point belongs: "19,80", "9,7".
    const std::size_t comma = s.find(',');
    if (comma == sv::npos || s.find(',', comma + 1) != sv::npos || s.find('.') != sv::npos) {
      return {};
    }
    const sv whole = s.substr(0, comma);
    const sv fraction = s.substr(comma + 1);
    if (whole.empty() || fraction.empty()) return {};
    std::string joined = std::string(whole) + std::string(fraction);
    const std::string point = std::string(whole) + "." + std::string(fraction);
    if (!Decimal::parse(point).value || !Decimal::parse(joined).value) return {};
    return {fmt::format("did you mean {}? (removing the comma would give {})", point, joined),
            fmt::format("是否应为 {}？（去掉逗号则为 {}）", point, joined)};
  }
  if (error == DecimalError::Syntax && s.starts_with("=")) {
    return {"this cell is a formula with no saved value: open and save it in Excel",
            "该单元格是没有保存计算结果的公式：请在 Excel 中打开并保存"};
  }
  if (error == DecimalError::Syntax) {
    static constexpr std::array<sv, 12> kNumerals = {"〇", "零", "一", "二", "三", "四",
                                                     "五", "六", "七", "八", "九", "十"};
    for (sv n : kNumerals) {
      if (s.find(n) != sv::npos) {
        return {"write it in digits", "请用阿拉伯数字填写"};
      }
    }
  }
  return {};
}

}  // namespace pes
