// The columns of the CSV format: one row per indicator, the form's own fields repeated (or left
// blank) on each row. The columns are a view of the field table (fields.h): each form field is
// one column, each field of a funds row one column per row kind.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pes/fields.h"

namespace pes {

struct CsvColumn {
  std::string name;    ///< pes/1 name ("fiscal_rate")
  std::string header;  ///< Chinese header, as pes writes it (当年财政拨款执行率)
  const FieldInfo* field = nullptr;
  FundsRowId row = FundsRowId::Total;  ///< for the fields of a funds row
  /// Other headers that name the column (normalized), from the field's aliases.
  std::vector<std::string> aliases;

  FieldKey key() const { return field->key; }
  /// Where the value lives: the field at this column's funds row, at indicator `i`.
  FieldRef ref(std::uint32_t i = 0) const { return {field->key, row, i}; }
  /// A field of the form, rather than of the row's indicator.
  bool form_level() const { return field->parent != FieldParent::Indicator; }
};

/// Every column, in the order pes writes them: 项目名称 first, then the field table's order.
std::span<const CsvColumn> csv_columns();

/// The column a header names (Chinese label, white space and full-width forms aside, or pes/1
/// name in any case), or null.
const CsvColumn* find_csv_column(std::string_view header);

}  // namespace pes
