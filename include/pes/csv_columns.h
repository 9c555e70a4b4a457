// The columns of the CSV format: one row per indicator, the form's own fields repeated (or left
// blank) on each row. Each column is named by its Chinese header or its pes/1 name.
#pragma once

#include <span>
#include <string_view>

#include "pes/form.h"

namespace pes {

/// One column, and the field of the model it holds. Exactly one of the member pointers is set,
/// except for 年度 (`year`) and for the form's number in the file (key FieldKey::Form), which
/// says which rows make one form: where it changes, a new form starts.
struct CsvColumn {
  std::string_view name;    ///< pes/1 name ("fiscal_rate")
  std::string_view header;  ///< Chinese header, as pes writes it (当年财政拨款执行率)
  FieldKey key;             ///< the field a finding about this column names
  FundsRowId row = FundsRowId::Total;
  bool year = false;                       ///< 年度: a whole number
  Text Form::*form_text = nullptr;         ///< a text of the form
  Number Form::*form_number = nullptr;     ///< a number of the form
  Number FundsRow::*row_number = nullptr;  ///< a number of funds row `row`
  Text Indicator::*text = nullptr;         ///< a text of the row's indicator
  Number Indicator::*number = nullptr;     ///< a number of the row's indicator

  bool form_level() const { return text == nullptr && number == nullptr; }
};

/// Every column, in the order pes writes them.
std::span<const CsvColumn> csv_columns();

/// The column a header names (Chinese label, white space and full-width forms aside, or pes/1
/// name in any case), or null.
const CsvColumn* find_csv_column(std::string_view header);

}  // namespace pes
