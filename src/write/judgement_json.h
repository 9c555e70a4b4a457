// The JSON shape of an indicator's judgement, shared by the JSON report and `pes score`.
#pragma once

#include <nlohmann/json.hpp>

#include "pes/form.h"
#include "pes/judgement.h"

namespace pes {

using ojson = nlohmann::ordered_json;

/// One indicator's judgement: its target and actual as read, whether the target was met, the
/// MoF rule's score (quantitative) or band (qualitative), or why it is not judged.
ojson judgement_json(const Indicator& indicator, const Judgement& judgement, bool chinese);

}  // namespace pes
