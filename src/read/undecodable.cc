#include "read/undecodable.h"

#include <fmt/format.h>

namespace pes {

std::uint64_t stop_place(const Source& source, DecodedText& decoded, Document& doc,
                         std::uint32_t& line) {
  if (!decoded.transcoded) {
    line = source.locate(decoded.bad_offset).line;
    return decoded.bad_offset;
  }
  doc.decoded.emplace(source.path(), std::move(decoded.utf8));
  const std::uint64_t at = doc.decoded->text().size();
  line = doc.decoded->locate(at).line;
  return at;
}

Message undecodable(const Source& source, const DecodedText& decoded, TextEncoding asked,
                    std::uint32_t line) {
  const std::string_view bytes = source.text();
  const std::uint64_t at = decoded.bad_offset;
  if (decoded.utf16) {
    return {fmt::format("line {}: the UTF-16 text ends inside a character, or holds an unpaired "
                        "surrogate; save it as UTF-8",
                        line),
            fmt::format("第 {} 行：UTF-16 文本在字符中间结束，或含有不成对的代理项；请另存为 UTF-8",
                        line)};
  }
  const auto byte = static_cast<unsigned>(static_cast<unsigned char>(bytes[at]));
  if (bytes.substr(0, 256).find('\0') != std::string_view::npos) {  // no text of ours holds one
    return {fmt::format("line {}: byte 0x{:02X} cannot be read, and the file holds NUL bytes: is "
                        "it UTF-16 without a byte-order mark? Save it as UTF-8",
                        line, byte),
            fmt::format("第 {} 行：字节 0x{:02X} 无法读取，且文件含有 NUL 字节：是否为不带字节顺序"
                        "标记的 UTF-16？请另存为 UTF-8",
                        line, byte)};
  }
  if (asked == TextEncoding::Gb18030 && bytes.starts_with(kUtf8Bom)) {
    return {fmt::format("line {}: byte 0x{:02X} is not valid GB18030, the encoding --encoding "
                        "names; the file starts with UTF-8's byte-order mark: is it UTF-8?",
                        line, byte),
            fmt::format("第 {} 行：字节 0x{:02X} 不是有效的 GB18030 编码（--encoding 所指定）；"
                        "文件以 UTF-8 的字节顺序标记开头：是否为 UTF-8？",
                        line, byte)};
  }
  if (ends_inside_character(bytes, at, decoded.encoding)) {
    const std::string_view name = text_encoding_name(decoded.encoding);
    return {fmt::format("line {}: the file ends inside a {} character (byte 0x{:02X}); was it "
                        "cut short?",
                        line, name, byte),
            fmt::format("第 {} 行：文件在一个 {} 字符中间结束（字节 0x{:02X}）；文件是否不完整？",
                        line, name, byte)};
  }
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
          fmt::format("第 {} 行：字节 0x{:02X} 不是有效的 {} 编码（--encoding 所指定）", line, byte,
                      name)};
}

void fail_undecodable(const Source& source, DecodedText& decoded, TextEncoding asked,
                      Document& doc) {
  std::uint32_t line = 0;
  const std::uint64_t at = stop_place(source, decoded, doc, line);
  Message why = undecodable(source, decoded, asked, line);
  doc.fail(at, std::move(why.en), std::move(why.zh));
}

}  // namespace pes
