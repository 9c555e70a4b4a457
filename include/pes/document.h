// What a reader makes of a file: its forms and the findings met while reading.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pes/finding.h"
#include "pes/form.h"
#include "pes/source.h"

namespace pes {

enum class Format : std::uint8_t { Json, JsonLines, Csv };

struct Document {
  Format format = Format::Json;
  bool is_array = false;  ///< a JSON array of forms (pointers get the index in front)
  bool parsed = false;    ///< false when the file as a whole could not be read
  std::vector<Form> forms;
  std::vector<Finding> findings;  ///< parse-error and invalid-field findings of the reader

  void clear() {
    format = Format::Json;
    is_array = false;
    parsed = false;
    forms.clear();
    findings.clear();
  }
};

/// Fills in where a person finds a finding: line, column and pointer.
void locate(const Source& source, const Document& doc, Finding& finding);

}  // namespace pes
