#include "pes/csv_reader.h"

#include <fmt/format.h>

#include "csv_forms.h"
#include "csv_table.h"
#include "read/undecodable.h"

namespace pes {

void CsvReader::read(const Source& source, Document& doc) {
  doc.clear();
  doc.format = Format::Csv;
  auto parse_error = [&](std::uint64_t at, std::string en, std::string zh) {
    doc.fail(at, std::move(en), std::move(zh));
  };

  const std::string_view bytes = source.text();
  DecodedText decoded = decode_text(bytes, encoding_);
  if (!decoded.ok) {
    if (decoded.utf16) {
      parse_error(0, "the file is UTF-16 text; save it as “CSV UTF-8” or “CSV (comma delimited)”",
                  "文件为 UTF-16 编码；请另存为“CSV UTF-8”或“CSV（逗号分隔）”");
      return;
    }
    fail_undecodable(source, decoded, encoding_, doc);
    return;
  }
  std::uint64_t base = 0;
  const std::string_view text = doc.take_text(source, decoded, base);
  const Source& lines = doc.decoded ? *doc.decoded : source;
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const std::uint32_t line = lines.locate(base + nul).line;
    parse_error(base + nul,
                fmt::format("line {}: a NUL byte (0x00) in the text; is this a text file?", line),
                fmt::format("第 {} 行：文本中有 NUL 字节（0x00）；这是文本文件吗？", line));
    return;
  }

  CsvTable table;
  split_csv(text, base, table);
  if (table.error == CsvError::StrayQuote) {
    const std::uint32_t opened = lines.locate(table.error_cell).line;
    const std::uint32_t here = lines.locate(table.error_offset).line;
    if (opened < here) {
      // A quoted cell ran over line ends into text that follows its closing quote: most
      // likely its own closing quote is missing.
      parse_error(
          table.error_cell,
          fmt::format("not well-formed CSV: the quoted cell that starts on line {} runs "
                      "to line {}, where text follows its closing quote; is a closing "
                      "quote missing on line {}?",
                      opened, here, opened),
          fmt::format("CSV 格式错误：第 {} 行开始的带引号单元格一直延续到第 {} 行，且右引号后还有"
                      "字符；第 {} 行是否缺少右引号？",
                      opened, here, opened));
      return;
    }
    parse_error(table.error_offset,
                fmt::format("not well-formed CSV: line {} has a quote inside an unquoted cell, or "
                            "text after a closing quote; quote the whole cell and double each "
                            "quote inside it (\"\")",
                            here),
                fmt::format("CSV 格式错误：第 {} 行未加引号的单元格中出现引号，或右引号后还有字符；"
                            "请给整个单元格加引号，并把其中的引号写成两个（\"\"）",
                            here));
    return;
  }
  if (table.error == CsvError::UnclosedQuote) {
    parse_error(table.error_offset,
                fmt::format("not well-formed CSV: the quoted cell that starts on line {} never "
                            "ends (unterminated quote)",
                            lines.locate(table.error_offset).line),
                fmt::format("CSV 格式错误：第 {} 行开始的带引号单元格没有结束（缺少右引号）",
                            lines.locate(table.error_offset).line));
    return;
  }
  if (table.error == CsvError::OutOfMemory) {
    parse_error(table.error_offset, "out of memory while reading the CSV", "读取 CSV 时内存不足");
    return;
  }
  read_csv_table(table, TableLines{&lines, nullptr}, doc);
  if (doc.parsed) find_quoted_line_ends(text, base, doc.quoted_line_ends);
}

}  // namespace pes
