// Runs the reader of a format (formats.h names each format's reader). One reader object per
// format is kept, so their buffers are reused from file to file.
#pragma once

#include <cstdint>
#include <memory>

#include "pes/csv_reader.h"
#include "pes/document.h"
#include "pes/formats.h"
#include "pes/json_reader.h"
#include "pes/source.h"
#include "pes/templates.h"

namespace pes {

class Readers {
 public:
  /// Reads a source in the given format into `doc` (cleared first).
  void read(const Source& source, Format format, Document& doc);
  /// Reads a part of a large JSON array cut by the pipeline (JsonReader::read_array_part).
  void read_array_part(const Source& source, std::uint32_t first_form, Document& doc);
  /// The encoding of text input (CSV, the printed table as text); JSON is always UTF-8.
  void set_encoding(TextEncoding encoding) {
    encoding_ = encoding;
    csv_.set_encoding(encoding);
  }
  TextEncoding encoding() const { return encoding_; }

  /// The template profiles the layout reader matches forms to (the built-in ones unless set).
  void set_templates(std::shared_ptr<const TemplateSet> templates) {
    templates_ = std::move(templates);
  }
  /// The built-in ones are read when first asked for: most runs read no printed table and no
  /// form that names a template, and reading them is a tenth of checking one form.
  const TemplateSet& templates() {
    if (!templates_) templates_ = TemplateSet::builtins();
    return *templates_;
  }

  JsonReader& json() { return json_; }
  CsvReader& csv() { return csv_; }

 private:
  // What every reader's forms go through: their templates, their units.
  void settle(Document& doc);

  JsonReader json_;
  CsvReader csv_;
  TextEncoding encoding_ = TextEncoding::Auto;
  std::shared_ptr<const TemplateSet> templates_;  ///< null: the built-in ones, not yet read
};

/// The printed table layout as tab-separated text, and as an Excel workbook.
void read_layout_text(Readers& readers, const Source& source, Document& doc);
void read_layout_xlsx(Readers& readers, const Source& source, Document& doc);

}  // namespace pes
