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
  }
};

/// Fills in where a person finds a finding: line, column and pointer (or column header).
void locate(const Source& source, const Document& doc, Finding& finding);

}  // namespace pes
