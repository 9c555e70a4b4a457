// The JSON shapes of findings and recomputed forms, shared by the JSON reporter and batch output.
#pragma once

#include <nlohmann/json.hpp>

#include "pes/checker.h"

namespace pes {

using ojson = nlohmann::ordered_json;

/// One finding: rule, severity, line, column, pointer, reported, expected, message.
ojson finding_json(const Finding& f, bool chinese);
/// One indicator's judgement: its target and actual as read, whether the target was met, the
/// MoF rule's score (quantitative) or band (qualitative), or why it is not judged.
ojson judgement_json(const Indicator& indicator, const Judgement& judgement, bool chinese);
/// One form: what it reports, what pes recomputes, and its findings.
ojson form_json(const Form& form, const FormResult& result, bool chinese);

}  // namespace pes
