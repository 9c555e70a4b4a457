#include "pes/csv_reader.h"

#include <fmt/format.h>

#include <optional>

#include "csv_table.h"
#include "pes/csv_columns.h"
#include "read/field_errors.h"

namespace pes {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// A form-level value as first met in a form, to compare the later rows' cells with.
struct Seen {
  std::string text;
  std::uint64_t offset = 0;
};

// Builds the forms from the rows after the header.
class FormBuilder {
 public:
  FormBuilder(Document& doc, const Source& lines, std::vector<const CsvColumn*> columns,
              std::vector<std::string> headers)
      : doc_(doc),
        lines_(lines),
        columns_(std::move(columns)),
        headers_(std::move(headers)),
        seen_(columns_.size()) {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const CsvColumn* c = columns_[i];
      if (c == nullptr) continue;
      if (c->key() == FieldKey::FormNumber) identity_ = i;
      if (c->field->identity && c->key() != FieldKey::FormNumber) keys_.push_back(i);
      if (!c->form_level()) has_indicators_ = true;
    }
  }

  void row(const CsvRow& r) {
    if (starts_form(r)) start_form(r.offset);
    Form& form = doc_.forms.back();
    FindingSink sink(form.index, doc_.findings);
    bool indicator = false;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i] == nullptr || blank(r.cells[i].text)) continue;
      if (columns_[i]->form_level()) {
        form_cell(form, sink, i, r.cells[i]);
      } else {
        indicator = true;
      }
    }
    if (indicator) indicator_row(form, sink, r);
  }

 private:
  std::uint32_t line(std::uint64_t offset) const { return lines_.locate(offset).line; }

  // A row starts a new form where the form's number (自评表序号) changes; without that
  // column, where 项目名称, 年度 or 实施单位 changes.
  bool starts_form(const CsvRow& r) const {
    if (doc_.forms.empty()) return true;
    if (identity_) {
      const std::string_view cell = trim(r.cells[*identity_].text);
      return !cell.empty() && seen_[*identity_] && cell != seen_[*identity_]->text;
    }
    for (const std::size_t i : keys_) {
      const std::string_view cell = trim(r.cells[i].text);
      if (!cell.empty() && seen_[i] && cell != seen_[i]->text) return true;
    }
    return false;
  }

  void start_form(std::uint64_t at) {
    Form& form = doc_.forms.emplace_back();
    form.reset(at);
    form.index = static_cast<std::uint32_t>(doc_.forms.size() - 1);
    form.indicators_state = has_indicators_ ? FieldState::Valid : FieldState::Missing;
    for (auto& s : seen_) s.reset();
  }

  static bool same(std::string_view a, std::string_view b, bool numeric) {
    if (a == b) return true;
    if (!numeric) return false;
    const Decimal::Parsed x = Decimal::parse(a);
    const Decimal::Parsed y = Decimal::parse(b);
    return x.value && y.value && *x.value == *y.value;
  }

  void form_cell(Form& form, FindingSink& sink, std::size_t i, const CsvCell& cell) {
    const CsvColumn& c = *columns_[i];
    const FieldInfo& f = *c.field;
    const std::string_view text = trim(cell.text);
    const FieldRef ref = c.ref();
    if (seen_[i]) {
      if (!same(text, seen_[i]->text, f.type != FieldType::Str)) {
        const std::uint32_t first = line(seen_[i]->offset);
        const std::uint32_t here = line(cell.offset);
        sink.add(RuleId::InvalidField, ref, cell.offset,
                 {fmt::format("{}: line {} has “{}”, but line {} of the same form has “{}”; a "
                              "form's own cells must agree on every row (or be left blank after "
                              "its first row)",
                              headers_[i], here, text, first, seen_[i]->text),
                  fmt::format("{}：第 {} 行为“{}”，而同一张自评表的第 {} 行为“{}”；表级字段在各行"
                              "必须一致（或在首行之后留空）",
                              headers_[i], here, text, first, seen_[i]->text)},
                 std::string(text), seen_[i]->text);
      }
      return;
    }
    seen_[i] = Seen{std::string(text), cell.offset};
    if (f.parent == FieldParent::Row && !form.row(c.row).present) {
      FundsRow& row = form.row(c.row);
      row.reset(cell.offset);
      row.present = true;
    }
    switch (f.type) {
      case FieldType::Year:
        read_year(sink, ref, cell.offset, text, form.year);
        break;
      case FieldType::Str:
        // Texts keep their cell as written, inner line breaks and all.
        text_field(form, f, ref)->set(cell.text, cell.offset);
        break;
      case FieldType::Num:
        read_number(sink, ref, cell.offset, text, *number_field(form, f, ref));
        break;
      case FieldType::Bool:
        read_flag(sink, ref, cell.offset, text, *flag_field(form, f, ref));
        break;
      case FieldType::Ordinal:  // only tells forms apart (starts_form)
      case FieldType::Object:
      case FieldType::List:
        break;
    }
  }

  void indicator_row(Form& form, FindingSink& sink, const CsvRow& r) {
    const auto index = static_cast<std::uint32_t>(form.indicators.size());
    Indicator& ind = form.indicators.emplace_back();
    ind.reset(r.offset);
    const Indicator* above = index > 0 ? &form.indicators[index - 1] : nullptr;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const CsvColumn* c = columns_[i];
      if (c == nullptr || c->form_level()) continue;
      const FieldInfo& f = *c->field;
      const CsvCell& cell = r.cells[i];
      if (f.type == FieldType::Num) {
        if (!blank(cell.text)) {
          read_number(sink, c->ref(index), cell.offset, trim(cell.text),
                      *number_field(form, f, c->ref(index)));
        }
        continue;
      }
      if (f.type == FieldType::Bool) {
        if (!blank(cell.text)) {
          read_flag(sink, c->ref(index), cell.offset, trim(cell.text),
                    *flag_field(form, f, c->ref(index)));
        }
        continue;
      }
      Text& t = ind.*f.indicator_text;
      if (!blank(cell.text)) {
        t.set(cell.text, cell.offset);
      } else if (f.key == FieldKey::Level1 || f.key == FieldKey::Level2) {
        if (above != nullptr) t = above->*f.indicator_text;  // a merged cell: the same as above
      } else if (f.key != FieldKey::Name) {
        t.set("", cell.offset);  // an empty target, actual value or reason
      }
    }
  }

  Document& doc_;
  const Source& lines_;
  std::vector<const CsvColumn*> columns_;  // per column of the file; null for a blank header
  std::vector<std::string> headers_;       // per column, as the file writes it
  std::optional<std::size_t> identity_;    // the column of the form's number, if any
  std::vector<std::size_t> keys_;          // project, year, implementer
  std::vector<std::optional<Seen>> seen_;  // per column, in the current form
  bool has_indicators_ = false;
};

}  // namespace

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
    const std::uint64_t at = decoded.bad_offset;
    const auto byte = static_cast<unsigned>(static_cast<unsigned char>(bytes[at]));
    const std::uint32_t line = source.locate(at).line;
    if (encoding_ == TextEncoding::Auto && decoded.skip > 0) {
      parse_error(
          at,
          fmt::format("line {}: byte 0x{:02X} is not valid UTF-8, which the file's "
                      "byte-order mark declares",
                      line, byte),
          fmt::format("第 {} 行：字节 0x{:02X} 不是有效的 UTF-8 编码（文件开头的字节顺序标记表明"
                      "其为 UTF-8）",
                      line, byte));
    } else if (encoding_ == TextEncoding::Auto) {
      parse_error(
          at,
          fmt::format("line {}: byte 0x{:02X} cannot be read as UTF-8 or GBK/GB18030; the "
                      "file is in neither encoding (save it as UTF-8, or name its "
                      "encoding with --encoding)",
                      line, byte),
          fmt::format("第 {} 行：字节 0x{:02X} 既不是 UTF-8 也不是 GBK/GB18030 编码；请另存为 "
                      "UTF-8，或用 --encoding 指定编码",
                      line, byte));
    } else {
      const std::string_view name = text_encoding_name(encoding_);
      parse_error(at,
                  fmt::format("line {}: byte 0x{:02X} is not valid {} (the encoding --encoding "
                              "names)",
                              line, byte, name),
                  fmt::format("第 {} 行：字节 0x{:02X} 不是有效的 {} 编码（--encoding 所指定）",
                              line, byte, name));
    }
    return;
  }
  std::string_view text = bytes.substr(decoded.skip);
  std::uint64_t base = decoded.skip;
  if (decoded.transcoded) {
    doc.decoded.emplace(source.path(), decoded.utf8);
    text = doc.decoded->text();
    base = 0;
  }
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
  std::erase_if(table.rows, [](const CsvRow& r) { return r.blank(); });
  if (table.rows.empty()) {
    parse_error(base, "the file is empty: expected a header row and one row per indicator",
                "文件为空：应有一行表头，其后每个指标一行");
    return;
  }

  // The header.
  const CsvRow& head = table.rows.front();
  std::vector<const CsvColumn*> columns(head.cells.size(), nullptr);
  std::vector<std::string> headers(head.cells.size());
  for (std::size_t i = 0; i < head.cells.size(); ++i) {
    const CsvCell& cell = head.cells[i];
    headers[i] = std::string(trim(cell.text));
    if (headers[i].empty()) continue;
    columns[i] = find_csv_column(cell.text);
    if (columns[i] == nullptr) {
      parse_error(
          cell.offset,
          fmt::format("unknown column “{}” in the header (column {}); name each column by "
                      "its Chinese label (项目名称, 三级指标, 得分, …) or its pes/1 name "
                      "(project, name, score, …)",
                      headers[i], i + 1),
          fmt::format("表头第 {} 列“{}”不是可识别的列名；请使用中文列名（项目名称、三级指标、"
                      "得分……）或 pes/1 字段名（project、name、score……）",
                      i + 1, headers[i]));
      return;
    }
    for (std::size_t k = 0; k < i; ++k) {
      if (columns[k] == columns[i]) {
        parse_error(cell.offset,
                    fmt::format("the header names column “{}” twice (columns {} and {})",
                                columns[i]->header, k + 1, i + 1),
                    fmt::format("表头中“{}”列出现了两次（第 {} 列和第 {} 列）", columns[i]->header,
                                k + 1, i + 1));
        return;
      }
    }
  }
  const std::uint32_t head_line = lines.locate(head.offset).line;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    const std::uint32_t line = lines.locate(row.offset).line;
    if (row.cells.size() != head.cells.size()) {
      parse_error(
          row.offset,
          fmt::format("line {} has {} cells, but the header (line {}) has {}; a cell that "
                      "holds a comma or a line break must be quoted",
                      line, row.cells.size(), head_line, head.cells.size()),
          fmt::format("第 {} 行有 {} 个单元格，而表头（第 {} 行）有 {} 个；含逗号或换行的单元格"
                      "须加引号",
                      line, row.cells.size(), head_line, head.cells.size()));
      return;
    }
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      if (columns[i] == nullptr && !blank(row.cells[i].text)) {
        parse_error(row.cells[i].offset,
                    fmt::format("line {}, column {} has a value, but its column has no header",
                                line, i + 1),
                    fmt::format("第 {} 行第 {} 列有内容，但该列没有表头", line, i + 1));
        return;
      }
    }
  }

  for (const CsvColumn& c : csv_columns()) {
    if (c.key() == FieldKey::FormNumber) continue;  // names the form, not a field a finding is about
    std::string header(c.header);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == &c) header = headers[i];
    }
    doc.columns.push_back({c.key(), c.row, std::move(header)});
  }
  FormBuilder builder(doc, lines, std::move(columns), std::move(headers));
  for (std::size_t r = 1; r < table.rows.size(); ++r) builder.row(table.rows[r]);
  doc.parsed = true;
}

}  // namespace pes
