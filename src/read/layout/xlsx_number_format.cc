#include "read/layout/xlsx_number_format.h"

#include <algorithm>

#include "read/layout/zip_xml.h"

namespace pes::layout {

std::optional<int> percent_decimals(std::string_view code) {
  // The first section only (positive numbers), outside quoted text, escapes and [brackets].
  bool quoted = false;
  int bracket = 0;
  bool after_point = false;
  int decimals = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown as it is (or is padding)
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = std::max(0, bracket - 1);
    } else if (bracket > 0) {
      continue;
    } else if (c == ';') {
      break;
    } else if (c == '.') {
      after_point = true;
    } else if (after_point && (c == '0' || c == '#' || c == '?')) {
      ++decimals;
    } else if (c == '%') {
      return decimals;
    }
  }
  return std::nullopt;
}

void PercentStyles::read(const pugi::xml_document& styles) {
  const pugi::xml_node sheet = child_named(styles, "styleSheet");
  // Built-in formats 9 (0%) and 10 (0.00%); custom ones from <numFmts>.
  std::vector<std::pair<unsigned, std::optional<int>>> formats = {{9u, 0}, {10u, 2}};
  for (pugi::xml_node f : child_named(sheet, "numFmts").children()) {
    if (local_name(f.name()) != "numFmt") continue;
    formats.emplace_back(f.attribute("numFmtId").as_uint(0),
                         percent_decimals(f.attribute("formatCode").value()));
  }
  styles_.clear();
  for (pugi::xml_node xf : child_named(sheet, "cellXfs").children()) {
    if (local_name(xf.name()) != "xf") continue;
    if (styles_.size() >= 65536) break;  // more styles than Excel allows
    const unsigned id = xf.attribute("numFmtId").as_uint(0);
    std::optional<int> decimals;
    for (const auto& [fid, d] : formats) {
      if (fid == id) decimals = d;  // a custom format may redefine a built-in id: last wins
    }
    styles_.push_back(decimals);
  }
}

std::optional<int> PercentStyles::decimals(unsigned s) const {
  return s < styles_.size() ? styles_[s] : std::nullopt;
}

std::string shown_percent(std::string_view number, int decimals) {
  std::string_view s = number;
  const bool negative = s.starts_with("-");
  if (negative) s.remove_prefix(1);
  const std::size_t point = s.find('.');
  std::string whole(s.substr(0, point));
  std::string fraction(point == std::string_view::npos ? "" : s.substr(point + 1));
  if (whole.empty() && fraction.empty()) return std::string(number);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!std::all_of(whole.begin(), whole.end(), digit) ||
      !std::all_of(fraction.begin(), fraction.end(), digit)) {
    return std::string(number);
  }
  // × 100: two digits move from the fraction to the whole part.
  fraction.resize(std::max<std::size_t>(fraction.size(), 2), '0');
  whole += fraction.substr(0, 2);
  fraction.erase(0, 2);
  // Rounded half-up to the decimals shown, as Excel shows it.
  const auto keep = static_cast<std::size_t>(std::max(0, decimals));
  const bool up = fraction.size() > keep && fraction[keep] >= '5';
  fraction.resize(keep, '0');
  std::string digits = whole + fraction;
  for (std::size_t k = digits.size(); up && k-- > 0;) {
    if (digits[k] == '9') {
      digits[k] = '0';
      if (k == 0) digits.insert(digits.begin(), '1');
    } else {
      ++digits[k];
      break;
    }
  }
  std::string int_part = digits.substr(0, digits.size() - keep);
  const std::size_t lead = int_part.find_first_not_of('0');
  int_part = lead == std::string::npos ? "0" : int_part.substr(lead);
  std::string out;
  if (negative) out += '-';
  out += int_part;
  if (keep > 0) {
    out += '.';
    out.append(digits, digits.size() - keep, keep);
  }
  out += '%';
  return out;
}

}  // namespace pes::layout
