#include "read/settle.h"

#include <fmt/format.h>

#include "pes/fields.h"
#include "pes/label_format.h"
#include "pes/labels.h"
#include "read/field_errors.h"

namespace pes {
namespace {

constexpr std::string_view kWan = "万元";
constexpr std::string_view kYuan = "元";

// An amount written in 万 in a table in 元 (× 10,000), or in 元 in a table in 万元 (÷ 10,000).
void to_table_unit(FindingSink& sink, FieldRef ref, Number& n, bool table_in_yuan) {
  if (!n.ok() || n.written_in == WrittenIn::Table) return;
  const bool in_wan = n.written_in == WrittenIn::Wan;
  n.written_in = WrittenIn::Table;
  if (in_wan != table_in_yuan) return;  // written in the table's own unit
  const Decimal v = n.value;
  const Decimal ten_thousand = Decimal::of(10000);
  std::optional<Decimal> converted;
  if (in_wan) {
    converted =
        mul_div(v, ten_thousand, Decimal::of(1), std::max(0, v.digits() - 4), Rounding::Truncate);
  } else {
    const int digits = std::min(Decimal::kDigits, v.digits() + 4);
    converted = mul_div(v, Decimal::of(1), ten_thousand, digits, Rounding::Truncate);
    // Exact only if it comes back: 1.234元 is 0.0001234万元, past the sixth decimal.
    if (converted &&
        mul_div(*converted, ten_thousand, Decimal::of(1), v.digits(), Rounding::Truncate) != v) {
      converted.reset();
    }
  }
  const std::string written = fmt::format("{}{}", v.str(), in_wan ? "万" : "元");
  if (!converted) {
    n.state = FieldState::Invalid;
    const std::string name = field_name(ref);
    sink.add(RuleId::InvalidField, ref, n.offset,
             {fmt::format("{}: {} cannot be written exactly in {} (at most {} decimals)", name,
                          written, table_in_yuan ? kYuan : kWan, Decimal::kDigits),
              fmt::format("{}（{}）：{}无法精确换算为{}（最多 {} 位小数）", field_label_zh(ref.key),
                          name, written, table_in_yuan ? kYuan : kWan, Decimal::kDigits)},
             written, "");
    return;
  }
  n.value = *converted;
  normalized(sink, ref, n.offset, written,
             fmt::format("{} {}", converted->str(), table_in_yuan ? kYuan : kWan),
             table_in_yuan ? "the table is in 元" : "the table is in 万元",
             with_labels(table_in_yuan ? "表中‹unit›为元" : "表中‹unit›为万元"));
}

// A row that names a part of the indicator above it ("其中：区级验收", under a ★ indicator)
// and gives neither weight nor score is an unscored sub-item, where the form does not say.
void mark_sub_items(Form& form) {
  std::string scratch;
  for (Indicator& ind : form.indicators) {
    if (ind.sub_item.present() || ind.weight.present() || ind.score.present()) continue;
    if (!ind.name.ok() || !normalize_label(ind.name.value, scratch).starts_with("其中")) continue;
    ind.sub_item.set(true, ind.name.offset);
  }
}

void settle(Form& form, std::vector<Finding>& findings) {
  mark_sub_items(form);
  FindingSink sink(form.index, findings);
  const bool table_in_yuan = form.unit.ok() && form.unit.value == kYuan;
  for (FundsRowId id : kFundsRows) {
    FundsRow& row = form.row(id);
    if (!row.has_values()) {
      // Every value blank: the same as no row (a CSV cannot tell them apart).
      if (row.present) row.reset(row.offset);
      continue;
    }
    row.present = true;
    for (FieldKey key : {FieldKey::RowInitial, FieldKey::RowAnnual, FieldKey::RowExecuted}) {
      const FieldRef ref{key, id, 0};
      to_table_unit(sink, ref, *number_field(form, field_info(key), ref), table_in_yuan);
    }
  }
}

}  // namespace

void settle_forms(Document& doc) {
  for (Form& form : doc.forms) settle(form, doc.findings);
}

}  // namespace pes
