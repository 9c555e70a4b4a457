// What a reader makes of a file: its forms and the findings met while reading.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pes/finding.h"
#include "pes/form.h"
#include "pes/formats.h"
#include "pes/source.h"
#include "pes/text_encoding.h"

namespace pes {

/// A cell of a workbook, for findings in formats that have no lines (.xlsx).
struct CellPlace {
  std::string name;       ///< "Sheet1!C5"
  std::uint32_t row = 0;  ///< from 1
  std::uint32_t column = 0;
};

/// The column that holds a kind of field in a table (CSV), as the file's header names it.
struct ColumnHeader {
  FieldKey key = FieldKey::Form;
  FundsRowId row = FundsRowId::Total;  ///< for the fields of a funds row
  std::string header;
  std::uint32_t column = 0;  ///< the column in the file, from 1 (0: the file has no such column)
};

struct Document {
  Format format = Format::Json;
  bool is_array = false;  ///< a JSON array of forms (pointers get the index in front)
  bool parsed = false;    ///< false when the file as a whole could not be read
  std::vector<Form> forms;
  std::vector<Finding> findings;  ///< parse-error and invalid-field findings of the reader
  /// Tables: each field's column. Findings then name the column instead of a JSON Pointer.
  std::vector<ColumnHeader> columns;
  /// The text as UTF-8 when the reader converted it from another encoding; the offsets of the
  /// forms and findings are then into this text (lines are the same as the file's).
  std::optional<Source> decoded;
  /// Set by readers of workbooks: an offset n ≥ 1 names places[n - 1] instead of a byte.
  std::vector<CellPlace> places;
  /// Set by the CSV reader: the offset of each line end inside a quoted cell, ascending. Such a
  /// line end starts no row in a spreadsheet, so rows are counted without them.
  std::vector<std::uint64_t> quoted_line_ends;
  /// Set by a reader when the file cannot be read for a reason outside it (a library pes loads
  /// when first needed cannot be loaded): the file counts as one that cannot be opened.
  Message unreadable;

  /// The file as a whole cannot be read: drops what was read and keeps one parse-error at
  /// `offset`.
  void fail(std::uint64_t offset, std::string en, std::string zh);

  /// The text a reader reads once the file's encoding is known: the bytes after the
  /// byte-order mark, or the text converted to UTF-8 (then kept in `decoded`). `base` is
  /// where that text starts in what offsets count (the file, or `decoded`).
  std::string_view take_text(const Source& source, DecodedText& text, std::uint64_t& base);

  void clear() {
    format = Format::Json;
    is_array = false;
    parsed = false;
    forms.clear();
    findings.clear();
    columns.clear();
    decoded.reset();
    places.clear();
    quoted_line_ends.clear();
    unreadable = {};
  }
};

/// Fills in where a person finds a finding: line, column and pointer (or column header); in a
/// table also the row as a spreadsheet counts it and the column's letters.
void locate(const Source& source, const Document& doc, Finding& finding);

/// A new place in a workbook (doc.places) for a cell its sheet does not hold (a blank one, as
/// an empty 偏差原因分析及改进措施): column `column` (from 1) of the row of place `near`;
/// `near` itself when it names no place or is in that column.
std::uint64_t place_in_row(Document& doc, std::uint64_t near, std::uint32_t column);

}  // namespace pes
