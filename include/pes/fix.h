// pes fix: mends what arithmetic can mend in a form file, in place. Only values derived from
// others are rewritten (each funds row's 执行率, the budget 得分, 总分, 评分等级; with `unsafe`
// an indicator score above the MoF rule), and numbers written in another notation ("98.48%",
// full-width digits, "2023年") are normalised. Every other byte of a JSON or CSV file stays as
// it was; in a workbook only the values of the cells mended change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pes/finding.h"
#include "pes/form.h"
#include "pes/formats.h"
#include "pes/options.h"
#include "pes/text_encoding.h"

namespace pes {

struct FixOptions {
  Options options;      ///< the filer's rounding and grades, as `pes check` holds the file to
  bool unsafe = false;  ///< also lower an indicator score above the MoF rule to the rule's
  TextEncoding encoding = TextEncoding::Auto;  ///< of CSV input
};

/// Why a value is changed.
enum class FixKind : std::uint8_t {
  Derived,   ///< a value computed from others (rate, budget score, total, grade)
  Notation,  ///< the same value in pes's notation (98.48% → 98.48)
  Unsafe,    ///< an indicator score lowered to the MoF rule's score
};

/// One value a fix changes (a CSV form value repeated on several rows is one change per cell).
struct FixChange {
  std::uint32_t form = 0;
  FieldRef field;
  FixKind kind = FixKind::Derived;
  std::string place;   ///< "12:5" (line:column), or a workbook's cell "Sheet1!H6"
  std::string before;  ///< the value as the file writes it
  std::string after;   ///< the value written instead
};

/// What fixing one file does, before anything is written.
struct FileFix {
  std::string path;
  Format format = Format::Json;
  bool ok = false;  ///< false: the file cannot be fixed at all (see error)
  Message error;    ///< why not: unreadable, not well-formed, a format fix does not edit
  std::vector<FixChange> changes;
  /// What was left and why: one line per form that keeps findings, or that was not touched.
  std::vector<Message> notes;
  std::string before;  ///< the file's bytes
  std::string after;   ///< the bytes to write (== before when nothing changes)

  bool changed() const { return before != after; }
};

/// Whether `pes fix` edits files of this format (JSON, JSON Lines, CSV, .xlsx).
bool fix_supports(Format format);

/// Reads one file and works out its fix; nothing is written.
void plan_fix(const std::string& path, const FixOptions& options, FileFix& out);

/// What the fix would change, for people: a unified diff of the file (JSON, JSON Lines, CSV),
/// or one line per cell for a workbook ("Sheet1!H6: 98 → 98.48"). Empty when nothing changes.
std::string fix_diff(const FileFix& fix);

/// "executed rate" / "执行率" and the like: why a value changes, for messages.
Bilingual fix_kind_label(FixKind kind);

}  // namespace pes
