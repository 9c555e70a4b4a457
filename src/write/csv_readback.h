// Whether a CSV pes wrote reads back as the forms it was written from: what the CSV layout
// cannot hold (a level left blank under one that is not, a form without its 指标 rows, …)
// must stop the writing rather than be lost on the way.
#pragma once

#include <string_view>
#include <vector>

#include "pes/finding.h"
#include "pes/form.h"

namespace pes {

/// Reads `csv` (UTF-8, as write_forms_csv() wrote `forms`) and compares each form read with
/// the one written, as pes/1 JSON. False, with `error` naming the first form that differs and
/// how, when they are not the same.
bool csv_reads_back(const std::vector<Form>& forms, std::string_view csv, Message& error);

}  // namespace pes
