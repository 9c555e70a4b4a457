#include "pes/csv_writer.h"

#include "pes/csv_columns.h"

namespace pes {
namespace {

std::string text_of(const Text& t) { return t.ok() ? t.value : std::string(); }
std::string number_of(const Number& n) { return n.ok() ? n.value.str() : std::string(); }

std::string cell(const CsvColumn& c, std::size_t number, const Form& form, const Indicator* ind) {
  if (c.key == FieldKey::Form) return std::to_string(number);
  if (c.year) return form.year.ok() ? std::to_string(form.year.value) : std::string();
  if (c.form_text != nullptr) return text_of(form.*c.form_text);
  if (c.form_number != nullptr) return number_of(form.*c.form_number);
  if (c.row_number != nullptr) {
    const FundsRow& row = form.row(c.row);
    return row.present ? number_of(row.*c.row_number) : std::string();
  }
  if (ind == nullptr) return {};
  if (c.text != nullptr) return text_of(ind->*c.text);
  return number_of(ind->*c.number);
}

// The columns that say whose a row is, written on every row of a form.
bool identifies(const CsvColumn& c) {
  return c.key == FieldKey::Form || c.key == FieldKey::Project || c.key == FieldKey::Year ||
         c.key == FieldKey::Department || c.key == FieldKey::Implementer || c.key == FieldKey::Unit;
}

void append_row(std::string& out, std::size_t number, const Form& form, const Indicator* ind,
                bool first_row) {
  bool first = true;
  for (const CsvColumn& c : csv_columns()) {
    if (!first) out += ',';
    first = false;
    // The form's other cells only on its first row, as a merged cell exports.
    if (first_row || identifies(c) || !c.form_level()) {
      append_csv_cell(out, cell(c, number, form, ind));
    }
  }
  out += "\r\n";
}

}  // namespace

void append_csv_cell(std::string& out, std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.front() == '\t' ||
                                        text.back() == ' ' || text.back() == '\t'));
  if (!quote) {
    out += text;
    return;
  }
  out += '"';
  for (const char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

void write_forms_csv(const std::vector<Form>& forms, std::string& out) {
  bool first = true;
  for (const CsvColumn& c : csv_columns()) {
    if (!first) out += ',';
    first = false;
    out += c.header;
  }
  out += "\r\n";
  for (std::size_t k = 0; k < forms.size(); ++k) {
    const Form& form = forms[k];
    if (form.indicators.empty()) append_row(out, k + 1, form, nullptr, true);
    for (std::size_t i = 0; i < form.indicators.size(); ++i) {
      append_row(out, k + 1, form, &form.indicators[i], i == 0);
    }
  }
}

}  // namespace pes
