// The JSON Schema of the pes/1 form format, written from the field table.
#pragma once

#include <string>

namespace pes {

/// The schema as JSON text (2-space indent, a final newline).
std::string form_schema();

}  // namespace pes
