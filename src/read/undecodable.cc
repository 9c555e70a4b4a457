#include "read/undecodable.h"

#include <fmt/format.h>

namespace pes {

Message undecodable(const Source& source, const DecodedText& decoded, TextEncoding asked) {
  const std::uint64_t at = decoded.bad_offset;
  const auto byte = static_cast<unsigned>(static_cast<unsigned char>(source.text()[at]));
  const std::uint32_t line = source.locate(at).line;
  if (asked == TextEncoding::Auto && decoded.skip > 0) {
    return {fmt::format("line {}: byte 0x{:02X} is not valid UTF-8, which the file's "
                        "byte-order mark declares",
                        line, byte),
            fmt::format("第 {} 行：字节 0x{:02X} 不是有效的 UTF-8 编码（文件开头的字节顺序标记"
                        "表明其为 UTF-8）",
                        line, byte)};
  }
  if (asked == TextEncoding::Auto) {
    return {fmt::format("line {}: byte 0x{:02X} cannot be read as UTF-8 or GBK/GB18030; the "
                        "file is in neither encoding (save it as UTF-8, or name its "
                        "encoding with --encoding)",
                        line, byte),
            fmt::format("第 {} 行：字节 0x{:02X} 既不是 UTF-8 也不是 GBK/GB18030 编码；请另存为 "
                        "UTF-8，或用 --encoding 指定编码",
                        line, byte)};
  }
  const std::string_view name = text_encoding_name(asked);
  return {fmt::format("line {}: byte 0x{:02X} is not valid {} (the encoding --encoding names)",
                      line, byte, name),
          fmt::format("第 {} 行：字节 0x{:02X} 不是有效的 {} 编码（--encoding 所指定）", line,
                      byte, name)};
}

}  // namespace pes
