// What every reader does to a form once it is read whole, whatever the format: a funds row
// with no value is no row, and an amount written in the other unit (150万 in a table in 元) is
// brought to the table's unit, with a notice.
#pragma once

#include "pes/document.h"

namespace pes {

/// Settles every form of a document read by a reader.
void settle_forms(Document& doc);

}  // namespace pes
