#include "csv_forms.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>

#include "csv_identity.h"
#include "csv_numbers.h"
#include "pes/csv_columns.h"
#include "pes/label_format.h"
#include "pes/spreadsheet.h"
#include "pes/text.h"
#include "read/field_errors.h"

namespace pes {

std::uint32_t TableLines::line(std::uint64_t offset) const {
  if (places != nullptr) {
    return offset >= 1 && offset <= places->size() ? (*places)[offset - 1].row : 0;
  }
  return text != nullptr ? text->locate(offset).line : 0;
}

namespace {

bool blank(std::string_view s) { return trim_ascii(s).empty(); }

// A number cell as the shared number reader is to see it (see csv_numbers.h).
std::string number_text(std::string_view text) {
  std::string plain;
  Message how;
  return normalize_csv_number(text, false, plain, how) ? plain : std::string(text);
}

// A form-level value as first met in a form, to compare the later rows' cells with.
struct Seen {
  std::string text;
  std::uint64_t offset = 0;
  bool error = false;  // a spreadsheet's error value: later rows are not compared with it
};

// An identity cell that differs from the form's, read as the same form: why.
struct Variant {
  std::size_t column = 0;
  Message why;
};

// A new form started where one identity cell changed: that column, and its cell in the form
// before.
struct Split {
  std::size_t column = 0;
  Seen first;
};

// Builds the forms from the rows after the header.
class FormBuilder {
 public:
  FormBuilder(Document& doc, const TableLines& lines, std::vector<const CsvColumn*> columns,
              std::vector<std::string> headers, const std::vector<CsvRow>& rows)
      : doc_(doc),
        lines_(lines),
        columns_(std::move(columns)),
        headers_(std::move(headers)),
        rows_(rows),
        seen_(columns_.size()),
        last_(columns_.size()),
        errors_(columns_.size()) {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const CsvColumn* c = columns_[i];
      if (c == nullptr) continue;
      if (c->key() == FieldKey::FormNumber) identity_ = i;
      if (c->field->identity && c->key() != FieldKey::FormNumber) keys_.push_back(i);
      if (!c->form_level()) has_indicators_ = true;
    }
  }

  void run() {
    for (std::size_t k = 1; k < rows_.size(); ++k) row(k);
  }

 private:
  void row(std::size_t k) {
    const CsvRow& r = rows_[k];
    bool indicator = false;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const CsvCell& cell = r.cells[i];
      errors_[i] = nullptr;
      if (columns_[i] == nullptr || blank(cell.text)) continue;
      errors_[i] = cell.error ? &spreadsheet_error_cell(cell.text) : spreadsheet_error(cell.text);
      indicator = indicator || !columns_[i]->form_level();
    }
    split_.reset();
    if (starts_form(k)) {
      start_form(r.offset);
      form_row_ = k;
    }
    Form& form = doc_.forms.back();
    FindingSink sink(form.index, doc_.findings);
    if (split_) split_notice(sink, r.cells[split_->column]);
    const auto index = static_cast<std::uint32_t>(form.indicators.size());
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (errors_[i] == nullptr) continue;
      const CsvCell& cell = r.cells[i];
      const std::uint32_t n = line(cell.offset);
      sink.add(RuleId::SpreadsheetError, columns_[i]->ref(columns_[i]->form_level() ? 0 : index),
               cell.offset,
               spreadsheet_error_message(fmt::format("{}, {} {}", headers_[i], lines_.word(), n),
                                         fmt::format("{}，第 {} 行", headers_[i], n), cell.text,
                                         *errors_[i]),
               std::string(trim_ascii(cell.text)), "");
    }
    for (const Variant& v : variants_) {
      const std::string_view cell = value(k, v.column);
      if (cell != last_[v.column]) variant_notice(sink, r.cells[v.column], v);
    }
    for (const std::size_t i : keys_) {
      if (const std::string_view cell = value(k, i); !cell.empty()) last_[i] = cell;
    }
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i] == nullptr || blank(r.cells[i].text) || !columns_[i]->form_level()) continue;
      form_cell(form, sink, i, r.cells[i]);
    }
    if (indicator) indicator_row(form, sink, r);
  }

  std::uint32_t line(std::uint64_t offset) const { return lines_.line(offset); }

  // The text of an identity or form cell as compared: trimmed; empty when blank or an error.
  std::string_view value(std::size_t k, std::size_t i) const {
    const CsvCell& c = rows_[k].cells[i];
    if (c.error || spreadsheet_error(c.text) != nullptr) return {};
    return trim_ascii(c.text);
  }

  // True when the row's cell in identity column `i` differs from the form's.
  bool differs(std::size_t k, std::size_t i) const {
    const std::string_view cell = value(k, i);
    return !cell.empty() && seen_[i] && !seen_[i]->error && cell != seen_[i]->text;
  }

  // A row starts a new form where the form's number (自评表序号) changes; without that
  // column, where 项目名称, 年度 or 实施单位 change, unless only one of them does and the row
  // clearly goes on with the form (variants_ then says why).
  bool starts_form(std::size_t k) {
    variants_.clear();
    if (doc_.forms.empty()) return true;
    if (identity_ && differs(k, *identity_)) return true;
    std::optional<std::size_t> edited;  // the one identity cell that names another form
    for (const std::size_t i : keys_) {
      if (!differs(k, i)) continue;
      if (auto why = same_identity(columns_[i]->key(), seen_[i]->text, value(k, i))) {
        variants_.push_back({i, std::move(*why)});
      } else if (identity_) {
        // the number decides: the cell disagrees within the form (form_cell says so)
      } else if (edited) {
        return true;  // several identity cells differ: a new form
      } else {
        edited = i;
      }
    }
    if (!edited) return false;
    if (auto why = isolated_edit(k, *edited)) {
      variants_.push_back({*edited, std::move(*why)});
      return false;
    }
    // A new form that brings none of a form's own cells, where the form before had them: most
    // likely one edited cell; the errors of a form without funds follow, so say where it began.
    if (!carries_own(k) && has_own()) split_ = Split{*edited, *seen_[*edited]};
    return true;
  }

  // True when the current form has cells of its own (funds, goals, 总分…).
  bool has_own() const {
    for (std::size_t j = 0; j < columns_.size(); ++j) {
      const CsvColumn* c = columns_[j];
      if (c == nullptr || !c->form_level() || c->field->identity || c->field->describes_form) {
        continue;
      }
      if (seen_[j]) return true;
    }
    return false;
  }

  void split_notice(FindingSink& sink, const CsvCell& cell) {
    const std::string_view text = trim_ascii(cell.text);
    const std::uint32_t there = line(split_->first.offset);
    const std::string& header = headers_[split_->column];
    sink.add(RuleId::IdentityVariant, columns_[split_->column]->ref(), cell.offset,
             {lformat("{} changes here to “{}” ({} {} has “{}”); a new form starts, though "
                      "this row brings none of a form's own cells (funds, goals, ‹total›): if "
                      "the rows are one form, correct the cell",
                      header, text, lines_.word(), there, split_->first.text),
              lformat("{}在此处变为“{}”（第 {} 行为“{}”）；由此开始一张新的自评表，但该行没有"
                      "表级内容（资金、目标、‹total›）：若这些行属于同一张表，请更正该单元格",
                      header, text, there, split_->first.text)},
             std::string(text), split_->first.text);
  }

  // Why the row goes on with the form though identity column `d` names another: the form has
  // cells of its own (funds, goals, 总分…) and the row brings none that differ, as a new form's
  // first row would; and the rows after it do not go on with the new name.
  std::optional<Message> isolated_edit(std::size_t k, std::size_t d) const {
    bool own = false;
    for (std::size_t j = 0; j < columns_.size(); ++j) {
      const CsvColumn* c = columns_[j];
      if (c == nullptr || !c->form_level() || c->field->identity) continue;
      if (!c->field->describes_form && seen_[j]) own = true;
      const std::string_view cell = value(k, j);
      if (cell.empty()) continue;
      if (!seen_[j] || seen_[j]->error ||
          !same(cell, seen_[j]->text, c->field->type != FieldType::Str)) {
        return std::nullopt;
      }
    }
    if (!own) return std::nullopt;
    // A row that repeats the form's own cells goes on with the form only in a file whose rows
    // all repeat them: the row before it (not the form's first, which always has them) does too.
    if (carries_own(k) && (k - 1 == form_row_ || !carries_own(k - 1))) return std::nullopt;
    const std::string_view edited = value(k, d);
    for (std::size_t m = k + 1; m < rows_.size(); ++m) {
      const std::string_view next = value(m, d);
      if (next.empty()) continue;
      if (next == edited) return std::nullopt;
      break;
    }
    return Message{
        with_labels("only this row says so: the other identity cells agree, the row brings none "
                    "of a new form's own cells (funds, goals, ‹total›), and the rows after it do "
                    "not go on with it"),
        with_labels(
            "仅此一行如此：其他标识单元格一致，该行没有新表的表级内容（资金、目标、‹total›），"
            "其后各行也未沿用该值")};
  }

  // True when row `k` has a cell of the form's own (funds, goals, 总分…; not 项目名称 or
  // 主管部门, which pes writes on every row).
  bool carries_own(std::size_t k) const {
    for (std::size_t j = 0; j < columns_.size(); ++j) {
      const CsvColumn* c = columns_[j];
      if (c == nullptr || !c->form_level() || c->field->identity || c->field->describes_form) {
        continue;
      }
      if (!blank(rows_[k].cells[j].text)) return true;
    }
    return false;
  }

  void variant_notice(FindingSink& sink, const CsvCell& cell, const Variant& v) {
    const Seen& first = *seen_[v.column];
    const std::string_view text = trim_ascii(cell.text);
    const std::uint32_t there = line(first.offset);
    const std::string& header = headers_[v.column];
    sink.add(RuleId::IdentityVariant, columns_[v.column]->ref(), cell.offset,
             {fmt::format("{} changes here to “{}” ({} {} has “{}”); read as the same form "
                          "because {}",
                          header, text, lines_.word(), there, first.text, v.why.en),
              fmt::format("{}在此处变为“{}”（第 {} 行为“{}”）；仍按同一张自评表读取，因为{}",
                          header, text, there, first.text, v.why.zh)},
             std::string(text), first.text);
  }

  bool variant(std::size_t i) const {
    for (const Variant& v : variants_) {
      if (v.column == i) return true;
    }
    return false;
  }

  void start_form(std::uint64_t at) {
    Form& form = doc_.forms.emplace_back();
    form.reset(at);
    form.index = static_cast<std::uint32_t>(doc_.forms.size() - 1);
    form.indicators_state = has_indicators_ ? FieldState::Valid : FieldState::Missing;
    for (auto& s : seen_) s.reset();
    for (auto& l : last_) l.clear();
  }

  static bool same(std::string_view a, std::string_view b, bool numeric) {
    if (a == b) return true;
    if (!numeric) return false;
    const Decimal::Parsed x = Decimal::parse(number_text(a));
    const Decimal::Parsed y = Decimal::parse(number_text(b));
    return x.value && y.value && *x.value == *y.value;
  }

  // A number cell, made plain first where a spreadsheet wrote it otherwise (with a notice).
  void number_cell(FindingSink& sink, FieldRef ref, std::size_t i, const CsvCell& cell,
                   Number* number, Field<std::int32_t>* year) {
    const std::string_view text = trim_ascii(cell.text);
    std::string plain;
    Message how;
    if (!normalize_csv_number(text, year != nullptr, plain, how)) {
      year != nullptr ? read_year(sink, ref, cell.offset, text, *year)
                      : read_number(sink, ref, cell.offset, text, *number);
      return;
    }
    year != nullptr ? read_year(sink, ref, cell.offset, plain, *year)
                    : read_number(sink, ref, cell.offset, plain, *number);
    const std::uint32_t n = line(cell.offset);
    sink.add(RuleId::NormalizedValue, ref, cell.offset,
             {fmt::format("{}, {} {}: “{}” read as {}, without {}", headers_[i], lines_.word(), n,
                          text, plain, how.en),
              fmt::format("{}，第 {} 行：“{}”按 {} 读取，去掉了{}", headers_[i], n, text, plain,
                          how.zh)},
             std::string(text), plain);
  }

  void form_cell(Form& form, FindingSink& sink, std::size_t i, const CsvCell& cell) {
    const CsvColumn& c = *columns_[i];
    const FieldInfo& f = *c.field;
    const std::string_view text = trim_ascii(cell.text);
    const FieldRef ref = c.ref();
    if (seen_[i]) {
      if (seen_[i]->error || errors_[i] != nullptr || variant(i)) return;
      if (!same(text, seen_[i]->text, f.type != FieldType::Str)) {
        const std::uint32_t first = line(seen_[i]->offset);
        const std::uint32_t here = line(cell.offset);
        const std::string_view word = lines_.word();
        sink.add(RuleId::InvalidField, ref, cell.offset,
                 {fmt::format("{}: {} {} has “{}”, but {} {} of the same form has “{}”; a "
                              "form's own cells must agree on every row (or be left blank after "
                              "its first row)",
                              headers_[i], word, here, text, word, first, seen_[i]->text),
                  fmt::format("{}：第 {} 行为“{}”，而同一张自评表的第 {} 行为“{}”；表级字段在各行"
                              "必须一致（或在首行之后留空）",
                              headers_[i], here, text, first, seen_[i]->text)},
                 std::string(text), seen_[i]->text);
      }
      return;
    }
    const bool error = errors_[i] != nullptr;
    seen_[i] = Seen{std::string(text), cell.offset, error};
    if (f.parent == FieldParent::Row && !form.row(c.row).present) {
      FundsRow& row = form.row(c.row);
      row.reset(cell.offset);
      row.present = true;
    }
    switch (f.type) {
      case FieldType::Year:
        if (error) {
          form.year.state = FieldState::Invalid;
          form.year.offset = cell.offset;
        } else {
          number_cell(sink, ref, i, cell, nullptr, &form.year);
        }
        break;
      case FieldType::Str:
        // Texts keep their cell as written, inner line breaks and all (an error value too: the
        // spreadsheet-error finding says what it is).
        text_field(form, f, ref)->assign(cell.text, cell.offset);
        break;
      case FieldType::Num: {
        Number& n = *number_field(form, f, ref);
        if (error) {
          n.state = FieldState::Invalid;
          n.offset = cell.offset;
        } else {
          number_cell(sink, ref, i, cell, &n, nullptr);
        }
        break;
      }
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
        if (blank(cell.text)) continue;
        Number& n = *number_field(form, f, c->ref(index));
        if (errors_[i] != nullptr) {
          n.state = FieldState::Invalid;
          n.offset = cell.offset;
        } else {
          number_cell(sink, c->ref(index), i, cell, &n, nullptr);
        }
        continue;
      }
      if (f.type == FieldType::Bool) {
        if (!blank(cell.text)) {
          read_flag(sink, c->ref(index), cell.offset, trim_ascii(cell.text),
                    *flag_field(form, f, c->ref(index)));
        }
        continue;
      }
      Text& t = ind.*f.indicator_text;
      if (!blank(cell.text)) {
        t.assign(cell.text, cell.offset);
      } else if (f.key == FieldKey::Level1 || f.key == FieldKey::Level2) {
        if (above != nullptr) t = above->*f.indicator_text;  // a merged cell: the same as above
      } else if (f.key != FieldKey::Name) {
        t.set("", cell.offset);  // an empty target, actual value or reason
      }
    }
  }

  Document& doc_;
  const TableLines& lines_;
  std::vector<const CsvColumn*> columns_;        // per column of the file; null for a blank header
  std::vector<std::string> headers_;             // per column, as the file writes it
  const std::vector<CsvRow>& rows_;              // the header, then the rows
  std::optional<std::size_t> identity_;          // the column of the form's number, if any
  std::vector<std::size_t> keys_;                // project, year, implementer
  std::vector<std::optional<Seen>> seen_;        // per column, in the current form
  std::vector<std::string> last_;                // per identity column: its last text in the form
  std::vector<const SpreadsheetError*> errors_;  // per column: the row's error value, if any
  std::vector<Variant> variants_;  // the row's identity cells read as the form's, and why
  std::optional<Split> split_;     // the row starts a form where one identity cell changed
  std::size_t form_row_ = 0;       // the row the current form started on
  bool has_indicators_ = false;
};

}  // namespace

bool is_csv_header(const CsvRow& row) {
  std::size_t named = 0;
  for (const CsvCell& cell : row.cells) {
    if (blank(cell.text)) continue;
    if (find_csv_column(cell.text) == nullptr) return false;
    ++named;
  }
  return named >= 2;
}

void read_csv_table(CsvTable& table, const TableLines& lines, Document& doc) {
  const bool sheet = lines.places != nullptr;
  const std::string_view word = lines.word();
  auto parse_error = [&](std::uint64_t at, std::string en, std::string zh) {
    doc.fail(at, std::move(en), std::move(zh));
  };
  std::erase_if(table.rows, [](const CsvRow& r) { return r.blank(); });
  if (table.rows.empty()) {
    parse_error(0, "the file is empty: expected a header row and one row per indicator",
                "文件为空：应有一行表头，其后每个指标一行");
    return;
  }

  // The header.
  const CsvRow& head = table.rows.front();
  std::vector<const CsvColumn*> columns(head.cells.size(), nullptr);
  std::vector<std::string> headers(head.cells.size());
  for (std::size_t i = 0; i < head.cells.size(); ++i) {
    const CsvCell& cell = head.cells[i];
    headers[i] = std::string(trim_ascii(cell.text));
    if (headers[i].empty()) continue;
    columns[i] = find_csv_column(cell.text);
    if (columns[i] == nullptr) {
      parse_error(
          cell.offset,
          lformat("unknown column “{}” in the header (column {}); name each column by "
                  "its Chinese label (‹project›, ‹indicator.name›, ‹indicator.score›, …) or its "
                  "pes/1 name "
                  "(project, name, score, …)",
                  headers[i], i + 1),
          lformat("表头第 {} 列“{}”不是可识别的列名；请使用中文列名（‹project›、‹indicator.name›、"
                  "‹indicator.score›……）或 pes/1 字段名（project、name、score……）",
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
  const std::size_t width = head.cells.size();
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    CsvRow& row = table.rows[r];
    if (sheet) row.cells.resize(std::max(width, row.cells.size()), CsvCell{{}, row.offset, false});
    if (!sheet && row.cells.size() != width) {
      const std::uint32_t line = lines.line(row.offset);
      const std::uint32_t head_line = lines.line(head.offset);
      parse_error(
          row.offset,
          fmt::format("line {} has {} cells, but the header (line {}) has {}; a cell that "
                      "holds a comma or a line break must be quoted",
                      line, row.cells.size(), head_line, width),
          fmt::format("第 {} 行有 {} 个单元格，而表头（第 {} 行）有 {} 个；含逗号或换行的单元格"
                      "须加引号",
                      line, row.cells.size(), head_line, width));
      return;
    }
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      if ((i >= width || columns[i] == nullptr) && !blank(row.cells[i].text)) {
        const std::uint32_t line = lines.line(row.cells[i].offset);
        parse_error(row.cells[i].offset,
                    fmt::format("{} {}, column {} has a value, but its column has no header", word,
                                line, i + 1),
                    fmt::format("第 {} 行第 {} 列有内容，但该列没有表头", line, i + 1));
        return;
      }
    }
    row.cells.resize(width);  // a sheet's cells past the header are blank (checked above)
    // A text a spreadsheet would take as a formula was written behind an apostrophe
    // (append_csv_cell); the text is what follows it. Other apostrophes before a number are a
    // spreadsheet's, made plain (with a notice) where the number is read.
    for (std::size_t i = 0; i < width; ++i) {
      if (columns[i] == nullptr) continue;
      std::string_view& text = row.cells[i].text;
      if (text.starts_with('\'')) text.remove_prefix(text.size() - unneutralised(text).size());
    }
  }

  for (const CsvColumn& c : csv_columns()) {
    if (c.key() == FieldKey::FormNumber)
      continue;  // names the form, not a field a finding is about
    std::string header(c.header);
    std::uint32_t column = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] != &c) continue;
      header = headers[i];
      column = static_cast<std::uint32_t>(i + 1);
    }
    doc.columns.push_back({c.key(), c.row, std::move(header), column});
  }
  FormBuilder builder(doc, lines, std::move(columns), std::move(headers), table.rows);
  builder.run();
  doc.parsed = true;
}

}  // namespace pes
