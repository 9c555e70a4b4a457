#include "pes/document.h"

#include <fmt/format.h>

#include <utility>

#include "pes/fields.h"

namespace pes {
void Document::fail(std::uint64_t offset, std::string en, std::string zh) {
  forms.clear();
  findings.clear();
  parsed = false;
  Finding& f = findings.emplace_back();
  f.rule = RuleId::ParseError;
  f.severity = Severity::Error;
  f.form = kWholeFile;
  f.offset = offset;
  f.message = {std::move(en), std::move(zh)};
}

std::string_view Document::take_text(const Source& source, DecodedText& text, std::uint64_t& base) {
  if (text.transcoded) {
    decoded.emplace(source.path(), std::move(text.utf8));
    base = 0;
    return decoded->text();
  }
  base = text.skip;
  return source.text().substr(text.skip);
}

void locate(const Source& source, const Document& doc, Finding& finding) {
  finding.in_cell = !doc.places.empty();
  if (finding.in_cell) {  // a workbook: the finding names its cell
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
  const LineColumn lc = (doc.decoded ? *doc.decoded : source).locate(finding.offset);
  finding.line = lc.line;
  finding.column = lc.column;
  finding.pointer.clear();
  if (finding.form == kWholeFile) return;
  if (doc.format == Format::Csv) {
    for (const ColumnHeader& c : doc.columns) {
      if (c.key == finding.field.key &&
          (field_info(c.key).parent != FieldParent::Row || c.row == finding.field.row)) {
        finding.pointer = c.header;
        break;
      }
    }
    return;
  }
  const std::string inner = json_pointer(finding.field);
  finding.pointer = doc.is_array ? fmt::format("/{}{}", finding.form, inner) : inner;
}

}  // namespace pes
