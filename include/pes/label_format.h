// Formatting a text that names fields by ‹token›: the label comes from the field table
// (with_labels in pes/fields.h), so a message never spells a field's label itself.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "pes/fields.h"

namespace pes {

/// fmt::format of `format` after with_labels(): "‹row.rate› 填报 {}" → "执行率 填报 …".
template <class... A>
std::string lformat(std::string_view format, const A&... args) {
  return fmt::vformat(with_labels(format), fmt::make_format_args(args...));
}

}  // namespace pes
