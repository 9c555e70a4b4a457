#include "pes/document.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "core/cell_ref.h"
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
      if (doc.format == Format::Xlsx) {  // a sheet's cell (a .docx table's places are no grid)
        finding.row = place.row;
        finding.column_letter = column_letters(place.column);
      }
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
  if (doc.format == Format::Csv && doc.parsed) {
    // A spreadsheet's row: the line, less the line ends inside quoted cells before it.
    const auto inside = std::lower_bound(doc.quoted_line_ends.begin(), doc.quoted_line_ends.end(),
                                         finding.offset) -
                        doc.quoted_line_ends.begin();
    finding.row = lc.line - static_cast<std::uint32_t>(inside);
  }
  if (finding.form == kWholeFile) return;
  if (doc.format == Format::Csv) {
    for (const ColumnHeader& c : doc.columns) {
      if (c.key == finding.field.key &&
          (field_info(c.key).parent != FieldParent::Row || c.row == finding.field.row)) {
        finding.pointer = c.header;
        if (c.column > 0) finding.column_letter = column_letters(c.column);
        break;
      }
    }
    return;
  }
  const std::string inner = json_pointer(finding.field);
  finding.pointer = doc.is_array ? fmt::format("/{}{}", finding.form, inner) : inner;
}

}  // namespace pes

namespace pes {

std::uint64_t place_in_row(Document& doc, std::uint64_t near, std::uint32_t column) {
  if (near < 1 || near > doc.places.size() || column < 1) return near;
  const CellPlace& at = doc.places[near - 1];
  if (at.column == column) return near;
  // The sheet's part of the name ("Sheet1!" or "'My sheet'!"), then the cell.
  const std::size_t bang = at.name.rfind('!');
  std::string name = bang == std::string::npos ? std::string() : at.name.substr(0, bang + 1);
  name += column_letters(column) + std::to_string(at.row);
  const std::uint32_t row = at.row;
  doc.places.push_back({std::move(name), row, column});
  return doc.places.size();
}

}  // namespace pes
