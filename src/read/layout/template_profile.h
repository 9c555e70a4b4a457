// A template profile as the layout reader uses it: every label normalized (normalize_label),
// columns by field, funds rows by kind. Loaded from TOML (template_profile.cc); the field
// table's own label and aliases of a field always count besides the profile's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pes/form.h"
#include "pes/templates.h"

namespace pes {

/// Which reader reads forms of the template.
enum class TemplateReader : std::uint8_t {
  Printed,  ///< the printed-text reader (layout_reader.cc): survives PDF extraction
  Columns,  ///< cells by position under their headers (column_reader.cc)
};

/// Where the grade stands.
enum class GradePlace : std::uint8_t { OwnRow, InTotalRow, None };

/// A column of the funds block or of the indicator table, and the headers that name it.
struct TemplateColumn {
  FieldKey key;
  std::vector<std::string> labels;
};

/// A funds row and its labels. `row` is empty when the model has no such row (its `kind` is
/// kept to name it).
struct TemplateRow {
  std::string kind;
  std::optional<FundsRowId> row;
  std::vector<std::string> labels;
};

struct TemplateProfile {
  std::string name;
  std::string description;
  std::string origin;  ///< "built in", or the file it was read from
  std::string text;    ///< the TOML as loaded
  TemplateReader reader = TemplateReader::Columns;

  std::vector<std::string> titles;
  std::vector<std::string> project, department, implementer;
  std::vector<std::string> funds_block;
  std::vector<TemplateColumn> funds_columns;
  std::vector<std::string> funds_ignore;
  std::vector<TemplateRow> funds_rows;
  std::string funds_weight = "10";
  /// What the funds block's 分值 column is headed ([funds] weight_label): 分数 in Shanghai, 分值
  /// across the provinces. Printed in the table, it tells templates of the same title apart.
  std::vector<std::string> funds_weight_labels;
  std::vector<std::string> goals_block, goals_expected, goals_achieved;
  std::vector<std::string> indicators_block;
  std::vector<TemplateColumn> indicator_columns;
  std::vector<std::string> indicator_ignore;
  bool level1_weights = false;  ///< level-1 labels may carry their weight: 产出指标(50分)
  std::vector<std::string> total_labels;
  GradePlace grade = GradePlace::OwnRow;
  std::vector<std::string> grade_labels;
  std::vector<std::string> notices;
  std::vector<FieldKey> absent;  ///< fields the template does not have

  /// Every label of the profile (titles aside): what detection counts.
  std::vector<std::string_view> all_labels() const;
};

/// A cell's text as labels are compared: normalized, a trailing "(…)" part and a trailing
/// colon removed, and a leading 其中 dropped ("其中:本年财政拨款" → "本年财政拨款",
/// "执行率(%)" → "执行率").
std::string label_base(std::string_view text);

/// What a form filled in `profile` prints: the fields it lacks and its budget 分值.
FormTemplate form_template(const TemplateProfile& profile);
/// True if the normalized label is one of `labels`, as written or as its base.
bool label_in(std::string_view norm, std::string_view base, const std::vector<std::string>& labels);

}  // namespace pes
