// invalid-field: required fields that are missing, and values that are read but cannot be right.
#include <algorithm>

#include <fmt/format.h>

#include "checks.h"
#include "pes/fields.h"
#include "pes/labels.h"
#include "pes/text.h"

namespace pes::checks {
namespace {

void missing(FindingSink& sink, FieldRef ref, std::uint64_t offset) {
  const std::string name = field_name(ref);
  sink.add(RuleId::InvalidField, ref, offset,
           {fmt::format("required field {} ({}) is missing", name, field_label_zh(ref.key)),
            fmt::format("缺少必填字段 {}（{}）", field_label_zh(ref.key), name)});
}

void negative(FindingSink& sink, FieldRef ref, const Number& n) {
  if (!n.ok() || !n.value.is_negative()) return;
  const std::string name = field_name(ref);
  sink.add(RuleId::InvalidField, ref, n.offset,
           {fmt::format("{} ({}) is {}, but it cannot be negative", name, field_label_zh(ref.key),
                        n.value.str()),
            fmt::format("{}（{}）为 {}，不能为负数", field_label_zh(ref.key), name, n.value.str())},
           n.value.str(), "≥ 0");
}

}  // namespace

void required_fields(const CheckContext& ctx, FindingSink& sink) {
  const Form& f = ctx.form;
  if (!f.year.present()) missing(sink, {FieldKey::Year, {}, 0}, f.offset);
  if (!f.project.present()) missing(sink, {FieldKey::Project, {}, 0}, f.offset);
  const auto units = field_info(FieldKey::Unit).values;
  if (f.unit.ok() && std::find(units.begin(), units.end(), f.unit.value) == units.end()) {
    sink.add(RuleId::InvalidField, {FieldKey::Unit, {}, 0}, f.unit.offset,
             {fmt::format("unit “{}” is neither 万元 nor 元", shorten(f.unit.value)),
              fmt::format("金额单位“{}”既不是万元也不是元", shorten(f.unit.value))},
             shorten(f.unit.value), "万元 | 元");
  }
  negative(sink, {FieldKey::FundsWeight, {}, 0}, f.funds_weight);

  const FundsRow& total = f.row(FundsRowId::Total);
  if (!total.present) {
    missing(sink, {FieldKey::Row, FundsRowId::Total, 0}, f.offset);
  } else {
    if (!total.initial.present()) missing(sink, {FieldKey::RowInitial, FundsRowId::Total, 0}, total.offset);
    if (!total.executed.present()) missing(sink, {FieldKey::RowExecuted, FundsRowId::Total, 0}, total.offset);
  }
  for (FundsRowId id : kFundsRows) {
    const FundsRow& row = f.row(id);
    if (!row.present) continue;
    negative(sink, {FieldKey::RowInitial, id, 0}, row.initial);
    negative(sink, {FieldKey::RowAnnual, id, 0}, row.annual);
    negative(sink, {FieldKey::RowExecuted, id, 0}, row.executed);
  }

  if (f.indicators_state == FieldState::Missing) {
    missing(sink, {FieldKey::Indicators, {}, 0}, f.offset);
  }
  for (std::size_t i = 0; i < f.indicators.size(); ++i) {
    const Indicator& ind = f.indicators[i];
    const auto idx = static_cast<std::uint32_t>(i);
    for (auto [key, field] : {std::pair{FieldKey::Level1, &ind.level1},
                              std::pair{FieldKey::Level2, &ind.level2},
                              std::pair{FieldKey::Name, &ind.name}}) {
      if (!field->present()) missing(sink, {key, {}, idx}, ind.offset);
    }
    if (!ind.weight.present()) missing(sink, {FieldKey::Weight, {}, idx}, ind.offset);
    if (!ind.score.present()) missing(sink, {FieldKey::Score, {}, idx}, ind.offset);
    negative(sink, {FieldKey::Weight, {}, idx}, ind.weight);
  }

  if (!f.total.present()) missing(sink, {FieldKey::Total, {}, 0}, f.offset);
  if (!f.grade.present()) {
    missing(sink, {FieldKey::Grade, {}, 0}, f.offset);
  } else if (f.grade.ok() && !parse_grade(f.grade.value)) {
    sink.add(RuleId::InvalidField, {FieldKey::Grade, {}, 0}, f.grade.offset,
             {fmt::format("grade “{}” is none of 优, 良, 中, 差", shorten(f.grade.value)),
              fmt::format("评分等级“{}”不是 优、良、中、差 之一", shorten(f.grade.value))},
             shorten(f.grade.value), "优 | 良 | 中 | 差");
  }
}

}  // namespace pes::checks
