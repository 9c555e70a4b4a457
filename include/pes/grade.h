// 评分等级: the grade a total earns.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "pes/decimal.h"
#include "pes/options.h"

namespace pes {

enum class Grade : std::uint8_t { Excellent, Good, Pass, Fail };  // 优 良 中 差

/// One way forms write a grade.
struct GradeSpelling {
  Grade grade;
  std::string_view text;
};
/// Every spelling pes reads (优 优秀, 良 良好, 中 中等 合格, 差 较差 不合格), pes's own first.
std::span<const GradeSpelling> grade_spellings();

/// The grade of a total under a scale.
Grade grade_of(Decimal total, const GradeScale& scale);
/// 优, 良, 中 or 差.
std::string_view grade_label_zh(Grade g);
/// excellent, good, pass or fail.
std::string_view grade_label_en(Grade g);
/// Reads a grade as forms write it (grade_spellings()), white space aside.
std::optional<Grade> parse_grade(std::string_view text);

}  // namespace pes
