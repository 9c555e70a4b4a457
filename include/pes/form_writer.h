// Writes forms as pes/1 JSON, numbers with exactly the digits they carry ("9.80" stays 9.80).
#pragma once

#include <string>
#include <vector>

#include "pes/recompute.h"
#include "pes/form.h"

namespace pes {

/// Appends one form as a pretty-printed JSON object (2-space indent) at `indent` spaces.
void write_form_json(const Form& form, std::string& out, int indent = 0);

/// Appends one form as write_form_json() does, each indicator with a "judgement" member: its
/// target and actual as read and the MoF rule's score (judgement_json()); for `pes score`.
void write_judged_form_json(const Form& form, const Recomputed& re, bool chinese, std::string& out,
                            int indent = 0);

/// Fills every computed field of a form with its recomputed value: each row's
/// rate, the budget score, the total and the grade.
void fill_computed(Form& form, const Recomputed& re);

/// Appends a JSON string literal (quotes and escapes included).
void append_json_string(std::string& out, std::string_view s);

}  // namespace pes
