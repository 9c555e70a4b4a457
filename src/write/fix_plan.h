// What `pes fix` changes in one form, in the model's terms: which fields get which text. The
// format editors (fix_json.cc, fix_csv.cc, fix_xlsx.cc) then change those values in the file.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pes/finding.h"
#include "pes/fix.h"
#include "pes/form.h"

namespace pes {

/// One value to change.
struct ValueEdit {
  FieldRef field;
  std::uint64_t offset = 0;  ///< the field's offset: a byte, or a workbook's place
  std::string text;          ///< the new value
  FixKind kind = FixKind::Derived;
  bool number = true;  ///< a number or a year (else a text: the grade)
};

struct FormPlan {
  std::vector<ValueEdit> edits;  ///< in offset order, one per field
  /// What is left and why ("" when nothing is): the findings a person must act on, or why the
  /// form is not touched at all.
  Message note;
};

/// The value at an offset as the file writes it (its text, unquoted); empty when it cannot be
/// edited there (not a single value: a JSON array, a year inside a title cell).
using RawValue = std::function<std::optional<std::string>(std::uint64_t offset)>;

/// Plans the fix of one form. `reader_findings` are the reader's findings of this form (values
/// that cannot be read, cells that disagree).
FormPlan plan_form(const Form& form, const std::vector<Finding>& reader_findings,
                   const RawValue& raw, const FixOptions& options);

/// "#2 科普经费" / "科普经费": how notes name a form.
std::string form_title(const Form& form, bool many);

}  // namespace pes
