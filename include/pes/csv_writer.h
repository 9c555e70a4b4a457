// Writes forms as CSV: a header of Chinese labels, then one row per indicator. The columns that
// say whose a row is (自评表序号, the form's number from 1; 项目名称, 年度, 主管部门, 实施单位,
// 金额单位) are on every row; the form's other cells only on its first row, as Excel exports a
// merged cell. Numbers keep their digits; texts that a spreadsheet would take as formulas are
// neutralised (append_csv_cell).
#pragma once

#include <string>
#include <vector>

#include "pes/form.h"

namespace pes {

/// Appends the header and every form's rows as UTF-8 (no byte-order mark), lines ending in CRLF.
/// A form without indicators gets one row of its own cells.
void write_forms_csv(const std::vector<Form>& forms, std::string& out);

/// Appends one cell of text, quoted when it holds a comma, a quote, a line break or edge white
/// space. A text that starts like a formula (=, +, -, @, a tab or a carriage return, see
/// spreadsheet.h) gets a leading apostrophe and quotes, so that a spreadsheet opens it as text;
/// pes's CSV reader drops that apostrophe again.
void append_csv_cell(std::string& out, std::string_view text);

/// Appends one number cell: a plain number (-3, 19.80) as it is, without the apostrophe a text
/// would get, since a spreadsheet reads it as that number; anything else as append_csv_cell().
void append_csv_number(std::string& out, std::string_view text);

}  // namespace pes
