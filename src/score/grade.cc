#include "pes/grade.h"

#include <array>

#include "pes/labels.h"

namespace pes {
namespace {

// How forms write each grade; the first spelling of each is pes's own.
constexpr std::array<GradeSpelling, 10> kSpellings = {{
    {Grade::Excellent, "优"},
    {Grade::Good, "良"},
    {Grade::Pass, "中"},
    {Grade::Fail, "差"},
    {Grade::Excellent, "优秀"},
    {Grade::Good, "良好"},
    {Grade::Pass, "中等"},
    {Grade::Pass, "合格"},
    {Grade::Fail, "较差"},
    {Grade::Fail, "不合格"},
}};

}  // namespace

std::span<const GradeSpelling> grade_spellings() { return kSpellings; }

Grade grade_of(Decimal total, const GradeScale& scale) {
  if (total >= scale.excellent) return Grade::Excellent;
  if (total >= scale.good) return Grade::Good;
  if (total >= scale.pass) return Grade::Pass;
  return Grade::Fail;
}

std::string_view grade_label_zh(Grade g) { return kSpellings[static_cast<std::size_t>(g)].text; }

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
  for (const GradeSpelling& g : kSpellings) {
    if (t == g.text) return g.grade;
  }
  return std::nullopt;
}

}  // namespace pes
