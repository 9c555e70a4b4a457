// Reads forms from CSV as finance offices export them: one row per indicator, the rows of a form
// consecutive, columns named in a header row (see csv_columns.h), UTF-8 or GBK/GB18030.
#pragma once

#include "pes/document.h"
#include "pes/source.h"
#include "pes/text_encoding.h"

namespace pes {

class CsvReader {
 public:
  /// The encoding of the files to read (Auto: detected per file).
  void set_encoding(TextEncoding encoding) { encoding_ = encoding; }

  /// Reads every form of a CSV source into `doc` (cleared first). A file that cannot be split
  /// into a header and rows of the same length gives one parse-error finding and no forms.
  void read(const Source& source, Document& doc);

 private:
  TextEncoding encoding_ = TextEncoding::Auto;
};

}  // namespace pes
