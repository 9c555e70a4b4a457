// How baselines and [[accept]] entries name a finding so that the name survives unrelated
// edits: the form by its identity (the field table's identity fields: 项目名称, 年度, 实施单位),
// the field by its JSON Pointer inside the form with an indicator named by its level 2 and
// name instead of its place in the list. No line numbers.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pes/finding.h"
#include "pes/form.h"

namespace pes {

/// The field of a finding: "/funds/total/rate", "/total", or for an indicator
/// "/indicators/数量指标/验收审计报告完成率/score" (level 2 and name as normalize_label() gives
/// them, each escaped as JSON Pointer escapes: ~ as ~0, / as ~1). "" for a finding about a
/// whole file. `form` is the finding's form (null for a file's finding).
std::string stable_field(const Form* form, const Finding& finding);

/// The identity of a form: (pes/1 key, value as written) of each identity field of the field
/// table, in table order; a field the form lacks has an empty value.
std::vector<std::pair<std::string, std::string>> form_identity(const Form& form);

/// Whether `field` (as a pes.toml [[accept]] entry writes it) names the field of a finding:
/// its stable field, its JSON Pointer inside the form ("/indicators/3/score"), or a part of
/// either that ends at a "/" ("/funds" names every funds field).
bool field_matches(std::string_view field, const std::string& stable, const std::string& pointer);

}  // namespace pes
