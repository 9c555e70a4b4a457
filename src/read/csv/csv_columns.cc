#include "pes/csv_columns.h"

#include <algorithm>
#include <cctype>

#include "pes/labels.h"

namespace pes {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<CsvColumn> make_columns() {
  std::vector<CsvColumn> out;
  auto add = [&](const FieldInfo& f, FundsRowId row) {
    CsvColumn c;
    c.field = &f;
    c.row = row;
    const std::string_view name = f.csv.empty() ? f.json : f.csv;
    if (f.parent == FieldParent::Row && (row != FundsRowId::Total || f.names_row)) {
      c.name = std::string(row_name(row)) + "_" + std::string(name);
      c.header = std::string(row_label_zh(row)) + std::string(f.zh);
    } else {
      c.name = std::string(name);
      c.header = std::string(f.zh);
    }
    if (f.parent == FieldParent::Row && row == FundsRowId::Total && !f.names_row) {
      // The total row's fields also go by the row's label in front: 年度资金总额执行率.
      c.aliases.push_back(normalize_label(std::string(row_label_zh(row)) + std::string(f.zh)));
      for (std::string_view a : f.aliases) {
        c.aliases.push_back(normalize_label(std::string(row_label_zh(row)) + std::string(a)));
      }
    }
    out.push_back(std::move(c));
  };
  for (const FieldInfo& f : fields()) {
    if (f.key == FieldKey::Row) {  // the fields of each funds row, a row at a time
      for (const FundsRowInfo& r : funds_rows()) {
        for (const FieldInfo* rf : fields_of(FieldParent::Row)) {
          if (!rf->total_row_only || r.id == FundsRowId::Total) add(*rf, r.id);
        }
      }
    } else if (f.is_value() && f.parent != FieldParent::Row) {
      add(f, FundsRowId::Total);
    }
  }
  // 自评表序号 then 项目名称 lead, as exports put the column people sort and filter by first.
  std::stable_partition(out.begin(), out.end(), [](const CsvColumn& c) {
    return c.key() == FieldKey::FormNumber || c.key() == FieldKey::Project;
  });
  // A field's own aliases name its column too, unless another column is headed by that label
  // (分值 is the indicators' weight, not the budget's).
  for (CsvColumn& c : out) {
    for (std::string_view a : c.field->aliases) {
      const std::string alias = normalize_label(a);
      const bool taken = std::any_of(out.begin(), out.end(), [&](const CsvColumn& other) {
        return &other != &c && normalize_label(other.header) == alias;
      });
      if (!taken && c.row == FundsRowId::Total) c.aliases.push_back(alias);
    }
  }
  return out;
}

const std::vector<CsvColumn>& columns() {
  static const std::vector<CsvColumn> c = make_columns();
  return c;
}

}  // namespace

std::span<const CsvColumn> csv_columns() { return columns(); }

const CsvColumn* find_csv_column(std::string_view header) {
  const std::string label = normalize_label(header);
  if (label.empty()) return nullptr;
  const std::string lower = lower_ascii(label);
  for (const CsvColumn& c : columns()) {
    if (label == c.header || lower == c.name ||
        std::find(c.aliases.begin(), c.aliases.end(), label) != c.aliases.end()) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace pes
