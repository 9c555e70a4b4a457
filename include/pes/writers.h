// Picks the writer for an output format. Each format has its own writer.
#pragma once

#include <string>
#include <vector>

#include "pes/document.h"
#include "pes/finding.h"
#include "pes/form.h"
#include "pes/text_encoding.h"

namespace pes {

/// The forms as the bytes of a file in `format`. JSON: one object, or an array of several,
/// always UTF-8. CSV: UTF-8 with a byte-order mark (so that Excel shows the Chinese), or
/// GB18030 without one. False, with `error`, when the text cannot be written.
bool write_forms(const std::vector<Form>& forms, Format format, TextEncoding encoding,
                 std::string& out, Message& error);

}  // namespace pes
