#include "pes/finding.h"

namespace pes {

Message Message::about(std::string_view path) const {
  Message out;
  out.en.reserve(path.size() + 2 + en.size());
  out.en.append(path).append(": ").append(en);
  out.zh.reserve(path.size() + 3 + zh.size());
  out.zh.append(path).append("：").append(zh);
  return out;
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Notice: return "notice";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

bool parse_severity(std::string_view text, Severity& out) {
  if (text == "notice" || text == "info") out = Severity::Notice;
  else if (text == "warning") out = Severity::Warning;
  else if (text == "error") out = Severity::Error;
  else return false;
  return true;
}

Finding& FindingSink::add(RuleId rule, FieldRef field, std::uint64_t offset, Message message,
                          std::string reported, std::string expected) {
  Finding& f = out_.emplace_back();
  f.rule = rule;
  f.severity = default_severity(rule);
  f.form = form_;
  f.field = field;
  f.offset = offset;
  f.message = std::move(message);
  f.reported = std::move(reported);
  f.expected = std::move(expected);
  return f;
}

}  // namespace pes
