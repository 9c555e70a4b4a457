// The place of a finding as a person finds it in the file: one spelling for every report.
#include <fmt/format.h>

#include "pes/finding.h"

namespace pes {

std::string finding_place(const Finding& f) {
  if (f.in_cell) return f.pointer;  // "Sheet1!C5"; "" for the workbook as a whole
  if (f.row > 0) {                  // a CSV: the row and column a spreadsheet shows
    return f.column_letter.empty() ? std::to_string(f.row)
                                   : fmt::format("{}:{}", f.row, f.column_letter);
  }
  return fmt::format("{}:{}", f.line, f.column);
}

bool in_table(const Finding& f) { return f.in_cell || f.row > 0; }

}  // namespace pes
