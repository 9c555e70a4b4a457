// The printed table layout read from documents: Word (.docx) and saved web pages (.html).
// Each makes a grid (docx_grid.h, html_grid.h) and hands it to the layout reader.
#pragma once

#include "pes/document.h"
#include "pes/source.h"
#include "pes/templates.h"

namespace pes {

/// Reads a .docx document: findings name their cell ("表1!R3C2") or paragraph ("段落2").
void read_layout_docx(const Source& source, Document& doc,
                      const TemplateSet& templates = *TemplateSet::builtins());
/// Reads a saved web page in UTF-8 or GBK/GB18030 (by its byte order mark or <meta charset>;
/// undeclared: UTF-8 if the bytes are valid UTF-8, else GB18030): findings get line and column.
void read_layout_html(const Source& source, Document& doc,
                      const TemplateSet& templates = *TemplateSet::builtins());

}  // namespace pes
