#include "pes/readers.h"

#include <optional>

#include "read/layout/template_profile.h"
#include "read/legacy_office.h"
#include "read/settle.h"

namespace pes {

void Readers::read(const Source& source, Format format, Document& doc) {
  if (const std::size_t nul = source.nul_stop();
      nul != std::string::npos && !format_info(format).binary) {
    // Source::load stopped at a NUL byte near the start: not text, and not read any further.
    doc.clear();
    doc.format = format;
    doc.fail(nul, "a NUL byte (0x00) where text belongs; is this a text file? (read no further)",
             "此处为 NUL 字节（0x00），不是文本；这是文本文件吗？（未再往下读取）");
    return;
  }
  if (is_ole2(source.text())) {
    format = Format::Legacy;  // an .xls or .doc, whatever its name
  } else if (format_info(format).binary) {
    if (source.text().empty()) {
      doc.clear();
      doc.format = format;
      doc.fail(0, "the file is empty (0 bytes)", "文件为空（0 字节）");
      return;
    }
    // An .xlsx or .docx whatever its name (a workbook saved as "x.xls"), read as what it is.
    if (const std::optional<Format> office = office_zip_format(source.text())) format = *office;
  }
  format_info(format).read(*this, source, doc);
  settle(doc);
}

void Readers::read_array_part(const Source& source, std::uint32_t first_form, Document& doc) {
  json_.read_array_part(source, first_form, doc);
  settle(doc);
}

void Readers::settle(Document& doc) {
  // A form that names its template (a printed table's reader names the profile it used; a
  // JSON or CSV form may name one) is judged by what that template prints.
  for (Form& form : doc.forms) {
    if (!form.template_name.ok() || form.template_name.value.empty()) continue;
    if (const TemplateProfile* p = templates().find(form.template_name.value)) {
      form.tmpl = form_template(*p);
    }
  }
  settle_forms(doc);
}

}  // namespace pes
