#include "pes/document.h"

#include <fmt/format.h>

namespace pes {

void locate(const Source& source, const Document& doc, Finding& finding) {
  if (!doc.places.empty()) {  // a workbook: the finding names its cell
    if (finding.offset >= 1 && finding.offset <= doc.places.size()) {
      const CellPlace& place = doc.places[finding.offset - 1];
      finding.line = place.row;
      finding.column = place.column;
      finding.pointer = place.name;
    } else {
      finding.line = finding.column = 1;  // the workbook as a whole
      finding.pointer.clear();
    }
    return;
  }
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
