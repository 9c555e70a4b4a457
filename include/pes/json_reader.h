// Reads pes/1 JSON: one form object, or an array of them; or JSON Lines, one form a line.
#pragma once

#include <cstdint>
#include <memory>

#include "pes/document.h"
#include "pes/source.h"

namespace pes {

class JsonReader {
 public:
  JsonReader();
  ~JsonReader();
  JsonReader(const JsonReader&) = delete;
  JsonReader& operator=(const JsonReader&) = delete;

  /// Reads every form of a JSON source into `doc` (cleared first). A file that is
  /// not well-formed JSON gives one parse-error finding and no forms.
  void read(const Source& source, Document& doc);
  /// Reads JSON Lines: one form object a line, blank lines skipped. Forms are numbered by
  /// their non-blank line from 0. A line that is not well-formed JSON gives a parse-error
  /// finding for that form (placed on its line) and reading goes on with the next line.
  void read_lines(const Source& source, Document& doc);
  /// Reads a part of a large JSON array: whole form objects separated by commas and white
  /// space, the first numbered `first_form` (the pipeline cuts such parts only from an array
  /// that is well-formed JSON and holds only objects; pipeline/array_cutter.h). The forms and
  /// findings are those the whole array gives for these forms.
  void read_array_part(const Source& source, std::uint32_t first_form, Document& doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pes
