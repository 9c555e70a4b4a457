// What checking a file gives: the file as read, each form's recomputed figures and findings,
// and the findings about the file as a whole. Reporters read it; the Checker fills it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pes/document.h"
#include "pes/options.h"
#include "pes/recompute.h"
#include "pes/source.h"

namespace pes {

struct FormResult {
  Recomputed re;
  std::vector<Finding> findings;  ///< in source order, located, with their final severity
};

struct FileResult {
  std::string path;
  std::size_t input = 0;  ///< which input of the run
  /// A large JSON Lines file is checked in parts of whole lines: the part's number from 0, and
  /// whether it is the file's last. Forms are numbered in the file, not the part.
  std::uint32_t part = 0;
  bool last_part = true;
  bool opened = false;  ///< false: the file could not be read at all (see error)
  Message error;
  Source source;
  Document doc;
  std::vector<FormResult> forms;    ///< one per doc.forms entry
  std::vector<Finding> file_findings;  ///< parse errors and findings outside any form
  RuleSettings rules;                  ///< the rules that ran on this file, at their severities

  std::size_t count(Severity s) const;
  /// Empties the result for reuse on `path`, keeping allocated capacity.
  void clear(std::string_view path);
  /// Read and parsed, with no form in it and nothing wrong found: an empty array, a CSV with
  /// only a header, an empty JSON Lines file. A submission like that must not pass.
  bool holds_no_form() const;
};

/// Says that the input `path` (as shown) holds no form.
Message no_forms_found(std::string_view path);

}  // namespace pes
