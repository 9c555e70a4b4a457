#include "pes/document.h"

#include <fmt/format.h>

namespace pes {

void locate(const Source& source, const Document& doc, Finding& finding) {
  const LineColumn lc = source.locate(finding.offset);
  finding.line = lc.line;
  finding.column = lc.column;
  if (finding.form == kWholeFile) {
    finding.pointer.clear();
    return;
  }
  const std::string inner = json_pointer(finding.field);
  finding.pointer = doc.is_array ? fmt::format("/{}{}", finding.form, inner) : inner;
}

}  // namespace pes
