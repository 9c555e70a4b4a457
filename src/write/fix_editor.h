// The editors `pes fix` changes values with, one per kind of file: JSON text (fix_json.cc), CSV
// (fix_csv.cc) and workbooks (fix_xlsx.cc). Each finds a value by the offset the reader gave
// its field and replaces that value alone.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pes/document.h"
#include "pes/fix.h"
#include "pes/source.h"
#include "write/fix_plan.h"

namespace pes {

/// A span of text replaced.
struct ByteEdit {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::string text;
};

class FixEditor {
 public:
  virtual ~FixEditor() = default;
  /// The value at a field's offset as the file writes it; empty when it is not a single value
  /// pes can replace.
  virtual std::optional<std::string> raw(std::uint64_t offset) const = 0;
  /// Changes the values of one form, adding what changes to `out.changes`; what it cannot
  /// change, and why, goes to `refused`.
  virtual void apply(const Form& form, const std::vector<ValueEdit>& edits, FileFix& out,
                     Message& refused) = 0;
  /// Sets `out.after`. False, with `out.error` set, when the new file cannot be made.
  virtual bool finish(FileFix& out) = 0;
};

/// Editors of a JSON (or JSON Lines) text, a CSV file and a workbook. `text` is what the
/// offsets count in (the document's decoded text, if any).
std::unique_ptr<FixEditor> make_json_editor(const Source& source);
std::unique_ptr<FixEditor> make_csv_editor(const Source& source, const Document& doc,
                                           TextEncoding encoding, Message& error);
std::unique_ptr<FixEditor> make_xlsx_editor(const Source& source, const Document& doc,
                                            Message& error);

/// Applies edits (sorted, not overlapping) to a text.
std::string apply_edits(std::string_view text, const std::vector<ByteEdit>& edits);

/// "line:column" of an offset.
std::string text_place(const Source& lines, std::uint64_t offset);

}  // namespace pes
