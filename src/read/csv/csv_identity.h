// Whether two cells of a table's identity column (项目名称, 年度, 实施单位) name the same form
// though they are spelled differently: one edited cell must not split a form in two.
#pragma once

#include <optional>
#include <string_view>

#include "pes/finding.h"
#include "pes/form.h"

namespace pes {

/// Why `cell`, in the identity column of `key`, names the same form as `first` (that column's
/// cell where the form started) although the two texts differ: the same year (2023年 for
/// 2023), the same text but for white space or full-width forms, or the same text with a
/// continuation mark (“（续）”, “（续表）”). The reason completes "read as the same form
/// because …". Null when the cells name different forms.
std::optional<Message> same_identity(FieldKey key, std::string_view first, std::string_view cell);

}  // namespace pes
