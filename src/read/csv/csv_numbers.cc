#include "csv_numbers.h"

#include <algorithm>
#include <vector>

#include "pes/decimal.h"
#include "pes/text.h"

namespace pes {
namespace {

constexpr std::string_view kIdeographicSpace = "\u3000";
constexpr std::string_view kNoBreakSpace = "\u00a0";

// Trims ASCII white space and the two wide spaces; true when a wide one was trimmed.
bool trim_wide(std::string_view& s) {
  bool wide = false;
  for (bool again = true; again;) {
    again = false;
    s = trim_ascii(s);
    for (const std::string_view space : {kIdeographicSpace, kNoBreakSpace}) {
      if (s.starts_with(space)) {
        s.remove_prefix(space.size());
        wide = again = true;
      }
      if (s.ends_with(space)) {
        s.remove_suffix(space.size());
        wide = again = true;
      }
    }
  }
  return wide;
}

// Folds full-width digits, point, comma, minus and percent sign (U+FF05, U+FF0C..U+FF0E,
// U+FF10..U+FF19: EF BC 85, 8C..8E, 90..99 in UTF-8) to ASCII; true when any was folded.
bool fold_full_width(std::string& s) {
  std::string out;
  bool folded = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    if (i + 2 < s.size() && b(i) == 0xEF && b(i + 1) == 0xBC) {
      const unsigned c = b(i + 2);
      if (c == 0x85 || (c >= 0x8C && c <= 0x8E) || (c >= 0x90 && c <= 0x99)) {
        out += static_cast<char>(c - 0x85 + '%');  // U+FF05 '％' is '%' + 0xFEE0
        folded = true;
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  if (folded) s = std::move(out);
  return folded;
}

// "1 234,50": groups of three parted by spaces (ASCII, no-break or narrow no-break), and a
// decimal comma, as a spreadsheet saved in some locales writes 1234.50. The number with a point,
// or empty when the text is not so written.
std::string spaced_with_comma(std::string_view s) {
  std::string digits;
  std::string_view rest = s;
  if (rest.starts_with('-')) {
    digits += '-';
    rest.remove_prefix(1);
  }
  std::size_t group = 0;  // digits in the current group
  std::size_t groups = 0;
  bool comma = false;
  while (!rest.empty()) {
    const char c = rest.front();
    if (c >= '0' && c <= '9') {
      digits += c;
      ++group;
      rest.remove_prefix(1);
      continue;
    }
    std::size_t width = 0;
    if (c == ' ') width = 1;
    if (rest.starts_with(kNoBreakSpace)) width = kNoBreakSpace.size();
    if (rest.starts_with("\u202f")) width = 3;
    if (width > 0 && !comma) {
      if (group == 0 || group > 3 || (groups > 0 && group != 3)) return {};
      ++groups;
      group = 0;
      rest.remove_prefix(width);
      continue;
    }
    if (c == ',' && !comma) {
      if (groups == 0 || group != 3) return {};
      comma = true;
      digits += '.';
      group = 0;
      rest.remove_prefix(1);
      continue;
    }
    return {};
  }
  if (groups == 0 || group == 0 || (!comma && group != 3)) return {};
  return digits;
}

std::string joined(const std::vector<std::string_view>& parts, std::string_view last_and) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? last_and : ", ";
    out += parts[i];
  }
  return out;
}

}  // namespace

bool normalize_csv_number(std::string_view cell, bool year, std::string& out, Message& how) {
  // Each way of writing a number this undoes needs one of these bytes: a wide space, full-width
  // character or decimal comma (non-ASCII or a space), an apostrophe, a percent sign or a comma.
  const bool plain_already = std::none_of(cell.begin(), cell.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || c == ' ' || c == '\'' || c == '%' || c == ',';
  });
  if (plain_already) return false;
  std::string_view s = cell;
  std::vector<std::string_view> en;
  std::vector<std::string_view> zh;
  const bool spaces = trim_wide(s);
  if (s.starts_with('\'')) {
    s.remove_prefix(1);
    en.push_back("a leading apostrophe (a spreadsheet's mark of text)");
    zh.push_back("开头的单引号（电子表格中表示文本）");
    trim_wide(s);
  }
  std::string folded(s);
  if (fold_full_width(folded)) {
    en.push_back("full-width digits");
    zh.push_back("全角数字");
  }
  s = folded;
  if (!year) {
    for (const std::string_view sign : {std::string_view("%"), std::string_view("\uff05")}) {
      if (s.ends_with(sign)) {
        s.remove_suffix(sign.size());
        en.push_back("a percent sign");
        zh.push_back("百分号");
        trim_wide(s);
        break;
      }
    }
  }
  std::string plain(s);
  if (std::string with_point = year ? std::string() : spaced_with_comma(plain);
      !with_point.empty()) {
    plain = std::move(with_point);
    en.push_back("thousands separators (spaces) and a decimal comma");
    zh.push_back("千分位分隔符（空格）和小数逗号");
  } else if (!year && plain.find(',') != std::string::npos) {
    // Only commas that group by three are separators: Decimal::parse accepts nothing else.
    if (!Decimal::parse(plain).value) return false;
    std::erase(plain, ',');
    en.push_back("thousands separators");
    zh.push_back("千分位分隔符");
  }
  if (spaces) {
    en.push_back("full-width or non-breaking spaces");
    zh.push_back("全角或不换行空格");
  }
  if (en.empty() || !Decimal::parse(plain).value) return false;
  out = std::move(plain);
  how = {joined(en, " and "), joined(zh, "和")};
  return true;
}

}  // namespace pes
