// The one way a finding is written on a line, for every reporter and command.
#include <fmt/format.h>

#include "pes/report.h"
#include "pes/rules.h"

namespace pes {

std::string_view severity_label(Severity s, bool chinese) {
  switch (s) {
    case Severity::Error: return chinese ? "错误" : "error";
    case Severity::Warning: return chinese ? "警告" : "warning";
    case Severity::Notice: return chinese ? "提示" : "notice";
  }
  return "error";
}

std::string finding_location(std::string_view path, const Finding& f) {
  const std::string place = finding_place(f);
  return place.empty() ? std::string(path) : fmt::format("{}:{}", path, place);
}

std::string finding_head(const Finding& f, bool chinese_severity) {
  return fmt::format("{}[{}]", severity_label(f.severity, chinese_severity), rule_info(f.rule).name);
}

std::string finding_line(std::string_view path, const Finding& f, bool chinese) {
  return fmt::format("{}: {} {}", finding_location(path, f), finding_head(f, chinese),
                     f.message.in(chinese));
}

}  // namespace pes
