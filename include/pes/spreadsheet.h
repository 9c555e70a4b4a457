// What spreadsheets (Excel, WPS, LibreOffice Calc) do to the text of a cell: a text that starts
// like a formula becomes one when the file is opened, and a formula that fails shows an error
// value. Shared by the CSV writer (which neutralises such texts), the readers (which read pes's
// own neutralised cells back and report error values) and the rules.
#pragma once

#include <string>
#include <string_view>

#include "pes/finding.h"

namespace pes {

/// True when a spreadsheet would take a cell starting with `c` as a formula (=, +, -, @), or
/// would drop or mangle its first character (a tab, a carriage return): the characters OWASP's
/// guidance on CSV injection names.
constexpr bool formula_start(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/// True when `text` needs a leading apostrophe to open as text: it starts with a formula
/// character, or with apostrophes followed by one (so that the apostrophe pes adds can always
/// be told from one the filer wrote).
bool needs_neutralising(std::string_view text);

/// `text` as it is written into a cell: with one apostrophe in front when it needs one.
std::string neutralised(std::string_view text);

/// The text a cell written by neutralised() holds: one leading apostrophe dropped when the
/// rest starts with a formula character or is itself such a neutralised text. Every other
/// text is returned unchanged.
std::string_view unneutralised(std::string_view cell);

/// A spreadsheet's error value: what the cell shows when its formula failed.
struct SpreadsheetError {
  std::string_view value;  ///< as the cell shows it: "#VALUE!"; "Err:5xx" for LibreOffice's
  Bilingual what;          ///< what went wrong, in a few words
  Bilingual mend;          ///< what the filer does about it
};

/// The error value `cell` holds (white space around it aside), or null when it holds none:
/// Excel's and WPS's #VALUE!, #REF!, #DIV/0!, #N/A, #NAME?, #NUM!, #NULL!, #SPILL!, #CALC!,
/// #GETTING_DATA, and LibreOffice's Err:5xx and #… values.
const SpreadsheetError* spreadsheet_error(std::string_view cell);

/// The same for a cell a workbook marks as an error (t="e"): its known value, or a failed formula
/// of any other value.
const SpreadsheetError& spreadsheet_error_cell(std::string_view cell);

/// The message of a spreadsheet-error finding about the cell `where` ("年度指标值, line 5"),
/// which shows `cell`.
Message spreadsheet_error_message(std::string_view where_en, std::string_view where_zh,
                                  std::string_view cell, const SpreadsheetError& error);

}  // namespace pes
