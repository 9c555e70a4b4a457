// Why a text file's bytes could not be decoded: said the one way by every reader of text.
#pragma once

#include "pes/finding.h"
#include "pes/source.h"
#include "pes/text_encoding.h"

namespace pes {

/// The message for bytes that `decode_text(source.text(), asked)` could not read: the line and
/// byte where it failed, and what to do (save it as UTF-8, or name its encoding).
Message undecodable(const Source& source, const DecodedText& decoded, TextEncoding asked);

}  // namespace pes
