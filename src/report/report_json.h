// The JSON shapes of findings and recomputed forms, shared by the JSON reporter and batch output.
#pragma once

#include <nlohmann/json.hpp>

#include "pes/file_result.h"
#include "write/judgement_json.h"

namespace pes {

/// One finding: rule, severity, line, column, pointer, reported, expected, message.
ojson finding_json(const Finding& f, bool chinese);
/// One form: what it reports, what pes recomputes, and its findings.
ojson form_json(const Form& form, const FormResult& result, bool chinese);

}  // namespace pes
