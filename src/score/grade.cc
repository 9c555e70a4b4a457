#include "pes/grade.h"

#include "pes/labels.h"

namespace pes {

Grade grade_of(Decimal total, const GradeScale& scale) {
  if (total >= scale.excellent) return Grade::Excellent;
  if (total >= scale.good) return Grade::Good;
  if (total >= scale.pass) return Grade::Pass;
  return Grade::Fail;
}

std::string_view grade_label_zh(Grade g) {
  switch (g) {
    case Grade::Excellent: return "优";
    case Grade::Good: return "良";
    case Grade::Pass: return "中";
    case Grade::Fail: return "差";
  }
  return "差";
}

std::string_view grade_label_en(Grade g) {
  switch (g) {
    case Grade::Excellent: return "excellent";
    case Grade::Good: return "good";
    case Grade::Pass: return "pass";
    case Grade::Fail: return "fail";
  }
  return "fail";
}

std::optional<Grade> parse_grade(std::string_view text) {
  std::string scratch;
  const std::string_view t = normalize_label(text, scratch);
  if (t == "优" || t == "优秀") return Grade::Excellent;
  if (t == "良" || t == "良好") return Grade::Good;
  if (t == "中" || t == "中等" || t == "合格") return Grade::Pass;
  if (t == "差" || t == "较差" || t == "不合格") return Grade::Fail;
  return std::nullopt;
}

}  // namespace pes
