// Legacy binary Office files (.xls, .doc, and WPS's .et, .wps): OLE2 compound files, which pes
// does not read. They get one clear message that says how to save them in a format pes reads.
#pragma once

#include <optional>
#include <string_view>

#include "pes/document.h"
#include "pes/source.h"

namespace pes {

/// Whether the bytes start with the OLE2 compound file signature (D0 CF 11 E0 A1 B1 1A E1).
bool is_ole2(std::string_view bytes);

/// What an Office Open XML file is by its content, whatever its name: an .xlsx workbook (a zip
/// with xl/workbook.xml) or a .docx document (word/document.xml); nullopt for anything else.
std::optional<Format> office_zip_format(std::string_view bytes);

/// Adds the one parse-error that names the file and what to save it as.
void read_legacy_office(const Source& source, Document& doc);

}  // namespace pes
