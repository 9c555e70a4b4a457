#include "pes/csv_writer.h"

#include <algorithm>

#include "pes/csv_columns.h"
#include "pes/spreadsheet.h"

namespace pes {
namespace {

// The cell of column `c` on the row of indicator `i` (or of the form alone, `i` past the end)
// of the form numbered `number` (from 1).
std::string cell(const CsvColumn& c, std::size_t number, const Form& form, std::size_t i) {
  const FieldInfo& f = *c.field;
  const auto index = static_cast<std::uint32_t>(i);
  if (!c.form_level() && i >= form.indicators.size()) return {};
  if (f.parent == FieldParent::Row && !form.row(c.row).present) return {};
  switch (f.type) {
    case FieldType::Year:
      return form.year.ok() ? std::to_string(form.year.value) : std::string();
    case FieldType::Ordinal:
      return std::to_string(number);
    case FieldType::Str: {
      const Text* t = text_field(form, f, c.ref(index));
      return t != nullptr && t->ok() ? t->value : std::string();
    }
    case FieldType::Num: {
      const Number* n = number_field(form, f, c.ref(index));
      return n != nullptr && n->ok() ? n->value.str() : std::string();
    }
    case FieldType::Bool: {
      const Flag* b = flag_field(form, f, c.ref(index));
      return b != nullptr && b->ok() ? std::string(b->value ? "是" : "否") : std::string();
    }
    case FieldType::Object:
    case FieldType::List:
      break;
  }
  return {};
}

// Whether a form gives the value of column `c` on the row of indicator `i` (an empty text
// counts: it is written as an empty cell and read back as one).
bool gives(const CsvColumn& c, const Form& form, std::size_t i) {
  const FieldInfo& f = *c.field;
  const auto index = static_cast<std::uint32_t>(i);
  if (f.parent == FieldParent::Row && !form.row(c.row).present) return false;
  switch (f.type) {
    case FieldType::Year: return form.year.ok();
    case FieldType::Ordinal: return true;  // the form's number
    case FieldType::Str: {
      const Text* t = text_field(form, f, c.ref(index));
      return t != nullptr && t->ok();
    }
    case FieldType::Num: {
      const Number* n = number_field(form, f, c.ref(index));
      return n != nullptr && n->ok();
    }
    case FieldType::Bool: {
      const Flag* b = flag_field(form, f, c.ref(index));
      return b != nullptr && b->ok();
    }
    case FieldType::Object:
    case FieldType::List: break;
  }
  return false;
}

// The columns written: every column a form must give, and the others where a form gives them
// (so that 财政专户管理资金 or 模板 appear only in files that use them).
std::vector<const CsvColumn*> columns_in_use(const std::vector<Form>& forms) {
  std::vector<const CsvColumn*> out;
  for (const CsvColumn& c : csv_columns()) {
    bool used = c.field->required != Requirement::Optional &&
                (c.field->parent != FieldParent::Row || c.row == FundsRowId::Total);
    for (std::size_t k = 0; k < forms.size() && !used; ++k) {
      const Form& form = forms[k];
      const std::size_t rows = c.form_level() ? 1 : form.indicators.size();
      for (std::size_t i = 0; i < rows && !used; ++i) used = gives(c, form, i);
    }
    if (used) out.push_back(&c);
  }
  return out;
}

void append_row(std::string& out, const std::vector<const CsvColumn*>& columns, std::size_t number,
                const Form& form, std::size_t i, bool first_row) {
  bool first = true;
  for (const CsvColumn* c : columns) {
    if (!first) out += ',';
    first = false;
    // The form's other cells only on its first row, as a merged cell exports.
    if (first_row || c->field->describes_form || !c->form_level()) {
      const FieldType type = c->field->type;
      const std::string text = cell(*c, number, form, i);
      if (type == FieldType::Num || type == FieldType::Year || type == FieldType::Ordinal) {
        append_csv_number(out, text);
      } else {
        append_csv_cell(out, text);
      }
    }
  }
  out += "\r\n";
}

}  // namespace

void append_csv_cell(std::string& out, std::string_view text) {
  // A text a spreadsheet would take as a formula (or whose first character it would drop) opens
  // as text behind an apostrophe, which pes's reader drops again (unneutralised()).
  const bool neutralise = needs_neutralising(text);
  const bool quote =
      neutralise ||
      std::any_of(text.begin(), text.end(),
                  [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; }) ||
      (!text.empty() &&
       (text.front() == ' ' || text.front() == '\t' || text.back() == ' ' || text.back() == '\t'));
  if (!quote) {
    out += text;
    return;
  }
  out += '"';
  if (neutralise) out += '\'';
  for (const char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

void append_csv_number(std::string& out, std::string_view text) {
  // A plain number, even a negative one (-3), is no formula: a spreadsheet reads it as that
  // number and writes it back as one, so it needs no apostrophe (which would make it text).
  const std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
  const auto point = digits.find('.');
  const std::string_view whole = digits.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view("0") : digits.substr(point + 1);
  auto all_digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (all_digits(whole) && all_digits(fraction)) {
    out += text;
  } else {
    append_csv_cell(out, text);  // not a plain number: written as any text
  }
}

void write_forms_csv(const std::vector<Form>& forms, std::string& out) {
  const std::vector<const CsvColumn*> columns = columns_in_use(forms);
  bool first = true;
  for (const CsvColumn* c : columns) {
    if (!first) out += ',';
    first = false;
    out += c->header;
  }
  out += "\r\n";
  for (std::size_t k = 0; k < forms.size(); ++k) {
    const Form& form = forms[k];
    if (form.indicators.empty()) append_row(out, columns, k + 1, form, 0, true);
    for (std::size_t i = 0; i < form.indicators.size(); ++i) {
      append_row(out, columns, k + 1, form, i, i == 0);
    }
  }
}

}  // namespace pes
