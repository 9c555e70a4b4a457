#include "pes/readers.h"

#include "read/legacy_office.h"
#include "read/settle.h"

namespace pes {

void Readers::read(const Source& source, Format format, Document& doc) {
  if (is_ole2(source.text())) format = Format::Legacy;  // an .xls or .doc, whatever its name
  format_info(format).read(*this, source, doc);
  settle_forms(doc);
}

}  // namespace pes
