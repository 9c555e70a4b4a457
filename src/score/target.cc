#include "pes/target.h"

#include <array>
#include <utility>

#include "pes/labels.h"

namespace pes {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// LaTeX as PDF extraction leaves it, longest command first so \left is not read as \le.
constexpr std::array<Pair, 18> kLatex = {{
    {"\\geqslant", "≥"}, {"\\leqslant", "≤"}, {"\\left", ""},   {"\\right", ""},
    {"\\mathrm", ""},    {"\\text", ""},      {"\\geq", "≥"},   {"\\leq", "≤"},
    {"\\ge", "≥"},       {"\\le", "≤"},       {"\\gt", ">"},    {"\\lt", "<"},
    {"\\%", "%"},        {"\\,", ""},         {"\\;", ""},      {"$", ""},
    {"{", ""},           {"}", ""},
}};

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

struct ComparisonWord {
  std::string_view text;
  Comparison comparison;
};

// Written before the number; longest first where one is a prefix of another.
constexpr std::array<ComparisonWord, 36> kPrefixes = {{
    {"═", Comparison::Equal},  // U+2550, a box-drawing sign some templates print for =
    {">=", Comparison::AtLeast},    {"=>", Comparison::AtLeast},    {"≥", Comparison::AtLeast},
    {"≧", Comparison::AtLeast},     {"⩾", Comparison::AtLeast},     {"<=", Comparison::AtMost},
    {"=<", Comparison::AtMost},     {"≤", Comparison::AtMost},      {"≦", Comparison::AtMost},
    {"⩽", Comparison::AtMost},      {"==", Comparison::Equal},      {"=", Comparison::Equal},
    {">", Comparison::Above},       {"<", Comparison::Below},       {"大于或等于", Comparison::AtLeast},
    {"大于等于", Comparison::AtLeast}, {"不低于", Comparison::AtLeast}, {"不少于", Comparison::AtLeast},
    {"不小于", Comparison::AtLeast}, {"至少", Comparison::AtLeast},    {"达到", Comparison::AtLeast},
    {"小于或等于", Comparison::AtMost}, {"小于等于", Comparison::AtMost}, {"不高于", Comparison::AtMost},
    {"不多于", Comparison::AtMost},  {"不大于", Comparison::AtMost},   {"不超过", Comparison::AtMost},
    {"最多", Comparison::AtMost},    {"等于", Comparison::Equal},      {"大于", Comparison::Above},
    {"高于", Comparison::Above},     {"超过", Comparison::Above},      {"多于", Comparison::Above},
    {"小于", Comparison::Below},     {"低于", Comparison::Below},
}};

// Written after the unit ("95%以上", "3天以内").
constexpr std::array<ComparisonWord, 7> kSuffixes = {{
    {"及以上", Comparison::AtLeast},
    {"以上", Comparison::AtLeast},
    {"及以下", Comparison::AtMost},
    {"以下", Comparison::AtMost},
    {"以内", Comparison::AtMost},
    {"之内", Comparison::AtMost},
    {"内", Comparison::AtMost},
}};

// Units as written → canonical spelling. Any other measure word of one or two characters
// (亩, 只, 头, 厘米, 例) is a unit too, compared as written (measure_word()).
constexpr std::array<Pair, 48> kUnits = {{
    {"%", "%"},       {"百分比", "%"},   {"‰", "‰"},       {"个", "个"},     {"次", "次"},
    {"人次", "人次"}, {"万人次", "万人次"}, {"人", "人"},     {"万人", "万人"}, {"名", "人"},
    {"万元", "万元"}, {"元", "元"},     {"亿元", "亿元"},  {"千元", "千元"}, {"天", "天"},
    {"日", "天"},     {"工作日", "工作日"}, {"个工作日", "工作日"}, {"小时", "小时"}, {"分钟", "分钟"},
    {"月", "月"},     {"个月", "月"},   {"年", "年"},     {"周", "周"},     {"场", "场"},
    {"项", "项"},     {"家", "家"},     {"份", "份"},     {"篇", "篇"},     {"件", "件"},
    {"台", "台"},     {"套", "套"},     {"户", "户"},     {"期", "期"},     {"批", "批"},
    {"所", "所"},     {"座", "座"},     {"条", "条"},     {"本", "本"},     {"册", "册"},
    {"张", "张"},     {"平方米", "平方米"}, {"公里", "公里"}, {"米", "米"},   {"吨", "吨"},
    {"辆", "辆"},     {"分", "分"},     {"处", "处"},
}};

struct CompletionWord {
  std::string_view text;
  Completion completion;
};

// The whole cell, as the actual column of a qualitative indicator says it.
constexpr std::array<CompletionWord, 22> kCompletions = {{
    {"达成指标", Completion::Achieved},       {"达成预期指标", Completion::Achieved},
    {"达成年度指标", Completion::Achieved},   {"达成预期", Completion::Achieved},
    {"达成", Completion::Achieved},           {"已达成", Completion::Achieved},
    {"全部达成", Completion::Achieved},       {"完成", Completion::Achieved},
    {"已完成", Completion::Achieved},         {"达到", Completion::Achieved},
    {"已达到", Completion::Achieved},         {"部分达成", Completion::Partial},
    {"部分达成指标", Completion::Partial},    {"部分达成年度指标", Completion::Partial},
    {"基本达成", Completion::Partial},        {"部分完成", Completion::Partial},
    {"未达成", Completion::NotAchieved},      {"未达成指标", Completion::NotAchieved},
    {"未达成年度指标", Completion::NotAchieved}, {"未完成", Completion::NotAchieved},
    {"未达到", Completion::NotAchieved},      {"没有达成", Completion::NotAchieved},
}};

// Cells that hold no target or value of their own: a reference elsewhere, or a placeholder.
constexpr std::array<std::string_view, 12> kNoTarget = {{
    "见附件", "详见附件", "详见", "见附表", "附件", "无", "略", "/", "-", "—", "——", "…",
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (is_digit(c)) return true;
  }
  return false;
}

// Trailing punctuation a cell may end with: 。 ; , .
std::string_view trim_punctuation(std::string_view s) {
  for (;;) {
    if (s.ends_with("。") || s.ends_with("、")) {
      s.remove_suffix(3);
    } else if (!s.empty() && (s.back() == ';' || s.back() == ',' || s.back() == '.')) {
      s.remove_suffix(1);
    } else {
      return s;
    }
  }
}

// A CJK ideograph (U+4E00..U+9FFF) at the start of s: its length in bytes, else 0.
std::size_t ideograph(std::string_view s) {
  if (s.size() < 3) return 0;
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0xE4 || b0 > 0xE9) return 0;
  return 3;
}

// Characters that end a time or a phrase rather than a unit (月底前, 年内, 以上).
constexpr std::array<std::string_view, 9> kNotUnits = {"内", "前", "后", "底", "以", "上",
                                                        "下", "末", "初"};

// A measure word pes has no row for: one or two ideographs, none of them kNotUnits.
bool measure_word(std::string_view rest) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < rest.size(); ++chars) {
    const std::size_t n = ideograph(rest.substr(i));
    if (n == 0) return false;
    for (std::string_view w : kNotUnits) {
      if (rest.substr(i, n) == w) return false;
    }
    i += n;
  }
  return chars >= 1 && chars <= 2;
}

bool read_quantity(std::string_view s, IndicatorValue& out) {
  // A symbolic comparison may follow the indicator's name ("满意度≥90%"): skip to it.
  Comparison cmp = Comparison::None;
  for (std::size_t i = 0; i < s.size() && cmp == Comparison::None; ++i) {
    if (is_digit(s[i])) break;
    for (const ComparisonWord& p : kPrefixes) {
      const bool symbolic = static_cast<unsigned char>(p.text.front()) < 0x80 ||
                            p.text == "≥" || p.text == "≤" || p.text == "≧" || p.text == "≦" ||
                            p.text == "⩾" || p.text == "⩽" || p.text == "═";
      if ((i == 0 || symbolic) && s.substr(i).starts_with(p.text)) {
        cmp = p.comparison;
        s.remove_prefix(i + p.text.size());
        break;
      }
    }
  }
  std::size_t end = 0;
  while (end < s.size() && (is_digit(s[end]) || s[end] == '.' || s[end] == ',')) ++end;
  if (end == 0) return false;
  const auto number = Decimal::parse(s.substr(0, end));
  if (!number.value) return false;
  std::string_view rest = s.substr(end);
  for (const ComparisonWord& w : kSuffixes) {
    if (rest.ends_with(w.text)) {
      if (cmp == Comparison::None) cmp = w.comparison;
      else if (cmp != w.comparison) return false;  // "≤3天以上" says two things
      rest.remove_suffix(w.text.size());
      break;
    }
  }
  if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') {
    rest = rest.substr(1, rest.size() - 2);
  }
  std::string_view unit;
  if (!rest.empty()) {
    for (const Pair& u : kUnits) {
      if (rest == u.first) unit = u.second;
    }
    if (unit.empty() && measure_word(rest)) unit = rest;
    if (unit.empty()) return false;
  }
  out.kind = ValueKind::Quantity;
  out.comparison = cmp;
  out.number = *number.value;
  out.unit = std::string(unit);
  return true;
}

}  // namespace

IndicatorValue parse_indicator_value(std::string_view text) {
  IndicatorValue out;
  std::string scratch;
  std::string_view s = normalize_label(text, scratch);
  if (s.find('$') != std::string_view::npos || s.find('\\') != std::string_view::npos) {
    std::string latex(s);
    for (const Pair& p : kLatex) latex = replace_all(std::move(latex), p.first, p.second);
    scratch = std::move(latex);
    s = scratch;
  }
  const std::string_view cell = trim_punctuation(s);
  if (cell.empty()) return out;
  for (const CompletionWord& c : kCompletions) {
    if (cell == c.text) {
      out.kind = ValueKind::Completion;
      out.completion = c.completion;
      return out;
    }
  }
  if (has_digit(cell)) {
    if (!read_quantity(cell, out)) out.kind = ValueKind::Unreadable;
    return out;
  }
  // Words without a digit are a qualitative target (严格执行相关制度规定), unless they only send
  // the reader elsewhere (见附件) or stand for nothing (无, —).
  if (cell.starts_with('#')) {  // a spreadsheet's error value (#VALUE!, #N/A)
    out.kind = ValueKind::Unreadable;
    return out;
  }
  for (std::string_view w : kNoTarget) {
    if (cell == w || (w.size() > 3 && cell.starts_with(w))) {
      out.kind = ValueKind::Unreadable;
      return out;
    }
  }
  out.kind = ValueKind::Qualitative;
  out.word = std::string(cell);
  return out;
}

std::string_view comparison_ascii(Comparison c) {
  switch (c) {
    case Comparison::None: return "";
    case Comparison::AtLeast: return ">=";
    case Comparison::AtMost: return "<=";
    case Comparison::Equal: return "=";
    case Comparison::Above: return ">";
    case Comparison::Below: return "<";
  }
  return "";
}

std::string_view completion_name(Completion c) {
  switch (c) {
    case Completion::Achieved: return "achieved";
    case Completion::Partial: return "partial";
    case Completion::NotAchieved: return "not-achieved";
  }
  return "achieved";
}

std::string_view value_kind_name(ValueKind k) {
  switch (k) {
    case ValueKind::Empty: return "empty";
    case ValueKind::Quantity: return "quantity";
    case ValueKind::Qualitative: return "qualitative";
    case ValueKind::Completion: return "completion";
    case ValueKind::Unreadable: return "unreadable";
  }
  return "unreadable";
}

}  // namespace pes
