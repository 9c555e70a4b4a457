#include "pes/readers.h"

namespace pes {

void Readers::read(const Source& source, Format format, Document& doc) {
  format_info(format).read(*this, source, doc);
}

}  // namespace pes
