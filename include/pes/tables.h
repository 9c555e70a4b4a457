// The tables of a run: one row per form (--out) and one per finding (--findings), as CSV
// (UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF) or JSON Lines. Their reporters are
// "forms" and "findings" in the registry (report.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pes/file_result.h"

namespace pes {

/// The format of a table.
enum class TableFormat : std::uint8_t { Csv, JsonLines };
/// .jsonl and .ndjson are JSON Lines; anything else is CSV.
TableFormat table_format_for_path(std::string_view path);

/// The header row of a table (empty for JSON Lines): the columns' keys, or in Chinese the
/// labels of the form's fields they show (全年预算数（万元）, 执行率（填报）, …).
std::string form_table_header(TableFormat format, bool chinese = false);
std::string finding_table_header(TableFormat format, bool chinese = false);

/// Appends one form's row. `form_number` is the form's number in its file (from 1), `line` its
/// first line; its amounts are in 万元, whatever the form's unit.
void append_form_row(std::string& out, TableFormat format, std::string_view file,
                     std::uint64_t form_number, std::uint64_t line, const Form& form,
                     const FormResult& result);
/// Appends one finding's row; `form_number` (from 1) is empty for a finding about the whole
/// file.
void append_finding_row(std::string& out, TableFormat format, std::string_view file,
                        std::optional<std::uint64_t> form_number, const Finding& finding,
                        bool chinese);

/// Appends the row of a file that could not be read: an error with no rule, saying why.
void append_unreadable_row(std::string& out, TableFormat format, std::string_view file,
                           const Message& error, bool chinese);

/// The line a form starts on (in a workbook, its row).
std::uint64_t form_line(const FileResult& file, const Form& form);

}  // namespace pes
