#include "csv_identity.h"

#include <fmt/format.h>

#include <array>
#include <string>

#include "pes/labels.h"

namespace pes {
namespace {

// The year a 年度 cell names: four digits, after an apostrophe and before 年 or 年度
// (normalize_label has folded full-width digits and dropped white space).
std::optional<int> year_of(std::string_view cell) {
  std::string s = normalize_label(cell);
  std::string_view v = s;
  if (v.starts_with('\'')) v.remove_prefix(1);
  for (const std::string_view suffix : {std::string_view("年度"), std::string_view("年")}) {
    if (v.ends_with(suffix)) {
      v.remove_suffix(suffix.size());
      break;
    }
  }
  if (v.ends_with(".0")) v.remove_suffix(2);  // a spreadsheet's number shown with a decimal
  if (v.size() != 4) return std::nullopt;
  int year = 0;
  for (const char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  return year;
}

// Continuation marks as normalize_label leaves them (full-width brackets folded).
constexpr std::array<std::string_view, 4> kMarks = {"(续)", "(续表)", "[续]", "【续】"};

}  // namespace

std::optional<Message> same_identity(FieldKey key, std::string_view first, std::string_view cell) {
  if (key == FieldKey::Year) {
    const std::optional<int> a = year_of(first);
    if (a && a == year_of(cell)) {
      return Message{fmt::format("both name the year {}", *a), fmt::format("二者都是 {} 年", *a)};
    }
    return std::nullopt;
  }
  const std::string a = normalize_label(first);
  const std::string b = normalize_label(cell);
  if (a.empty()) return std::nullopt;
  if (a == b) {
    return Message{"the two differ only in white space or full-width forms",
                   "二者仅在空白或全角字符上不同"};
  }
  for (const std::string_view mark : kMarks) {
    if (b.size() == a.size() + mark.size() && b.starts_with(a) && b.ends_with(mark)) {
      const std::string written(cell.starts_with(first) ? cell.substr(first.size()) : mark);
      return Message{fmt::format("“{}” marks a continued table", written),
                     fmt::format("“{}”表示续表", written)};
    }
  }
  return std::nullopt;
}

}  // namespace pes
