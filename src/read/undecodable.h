// Bytes a reader of text could not decode: where they are, and what to say of them, the one
// way for every reader of text.
#pragma once

#include <cstdint>

#include "pes/document.h"
#include "pes/finding.h"
#include "pes/source.h"
#include "pes/text_encoding.h"

namespace pes {

/// Where `decoded` stopped, as an offset for `doc.fail`, and its line. When what was read was
/// converted (GBK, UTF-16), that text becomes `doc.decoded`, so the failure is placed at the
/// line and character a person sees, not at a count of bytes in another encoding.
std::uint64_t stop_place(const Source& source, DecodedText& decoded, Document& doc,
                         std::uint32_t& line);

/// The message for bytes that `decode_text(source.text(), asked)` (or `decode_utf16`) could not
/// read, stopped on `line`: the byte, and what to do (save it as UTF-8, or name its encoding).
Message undecodable(const Source& source, const DecodedText& decoded, TextEncoding asked,
                    std::uint32_t line);

/// Fails `doc` where `decoded` stopped, with `undecodable`'s message.
void fail_undecodable(const Source& source, DecodedText& decoded, TextEncoding asked,
                      Document& doc);

}  // namespace pes
