// invalid-field: required fields that are missing or left blank, and values that are read but
// cannot be right. Which fields a form must give is the field table's (Requirement) and its
// template's (FormTemplate::lacks).
#include <fmt/format.h>

#include <algorithm>

#include "checks.h"
#include "pes/fields.h"
#include "pes/labels.h"
#include "pes/text.h"

namespace pes::checks {
namespace {

// Whether a form gives a value field at `ref`: read (or unreadable: that is the reader's
// finding), and for a text, not blank.
enum class Given : std::uint8_t { No, Blank, Yes };

Given given(const Form& form, const FieldInfo& f, FieldRef ref) {
  switch (f.type) {
    case FieldType::Year:
      return form.year.present() ? Given::Yes : Given::No;
    case FieldType::Str: {
      const Text* t = text_field(form, f, ref);
      if (t == nullptr || !t->present()) return Given::No;
      return t->ok() && is_blank_label(t->value) ? Given::Blank : Given::Yes;
    }
    case FieldType::Num: {
      const Number* n = number_field(form, f, ref);
      return n != nullptr && n->present() ? Given::Yes : Given::No;
    }
    case FieldType::Bool: {
      const Flag* b = flag_field(form, f, ref);
      return b != nullptr && b->present() ? Given::Yes : Given::No;
    }
    case FieldType::Ordinal:  // a column of tables, never missing
    case FieldType::Object:
    case FieldType::List:
      break;
  }
  return Given::Yes;
}

std::uint64_t offset_of(const Form& form, const FieldInfo& f, FieldRef ref, std::uint64_t parent) {
  if (const Text* t = text_field(form, f, ref); t != nullptr && t->present()) return t->offset;
  return parent;
}

void missing(FindingSink& sink, FieldRef ref, std::uint64_t offset, Given g,
             std::string_view alternative_zh = {}) {
  const std::string name = field_name(ref);
  const std::string_view zh = field_label_zh(ref.key);
  const std::string or_en =
      alternative_zh.empty() ? "" : fmt::format(" (or {} in its place)", alternative_zh);
  const std::string or_zh =
      alternative_zh.empty() ? "" : fmt::format("（或以{}代之）", alternative_zh);
  if (g == Given::Blank) {
    sink.add(RuleId::InvalidField, ref, offset,
             {fmt::format("required field {} ({}) is blank{}", name, zh, or_en),
              fmt::format("必填字段 {}（{}）为空{}", zh, name, or_zh)});
    return;
  }
  sink.add(RuleId::InvalidField, ref, offset,
           {fmt::format("required field {} ({}) is missing{}", name, zh, or_en),
            fmt::format("缺少必填字段 {}（{}）{}", zh, name, or_zh)});
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

// Every value field of `parent` the form must give, at `ref`; `parent_offset` places a missing
// one.
void require(const Form& form, FindingSink& sink, FieldParent parent, FieldRef ref,
             std::uint64_t parent_offset, bool sub_item = false) {
  for (const FieldInfo* f : fields_of(parent)) {
    if (sub_item && !f->required_of_sub_items) continue;
    if (parent == FieldParent::Row && f->total_row_only && ref.row != FundsRowId::Total) continue;
    ref.key = f->key;
    const Given g = given(form, *f, ref);
    if (g == Given::Yes) continue;
    const FieldKey alt = f->alternative;
    if (alt != FieldKey::Form && f->required == Requirement::Required) {
      const FieldRef alt_ref{alt, ref.row, ref.indicator};
      const Given ga = given(form, field_info(alt), alt_ref);
      if (ga == Given::Yes) continue;
      if (!form.tmpl.has(f->key)) {
        // The template has no place for it: its alternative takes its place, if it has one.
        if (form.tmpl.has(alt))
          missing(sink, alt_ref, offset_of(form, *f, alt_ref, parent_offset), ga);
        continue;
      }
      missing(sink, ref, offset_of(form, *f, ref, parent_offset), g, field_label_zh(alt));
      continue;
    }
    if (form_requires(form, *f)) missing(sink, ref, offset_of(form, *f, ref, parent_offset), g);
  }
}

// A sub-item is not scored: a weight or score written on it is not counted.
void unscored(FindingSink& sink, FieldRef ref, const Number& n, std::string_view name) {
  if (!n.present()) return;
  sink.add(RuleId::InvalidField, ref, n.offset,
           {fmt::format("“{}” is an unscored sub-item, yet has a {} ({}); a sub-item is not "
                        "counted: remove it, or make the row an indicator",
                        shorten(name), field_info(ref.key).en, field_label_zh(ref.key)),
            lformat("“{}”为‹indicator.sub_item›，却填有{}；子项不计分：请删除，或将此行改为指标",
                    shorten(name), field_label_zh(ref.key))});
}

}  // namespace

void required_fields(const CheckContext& ctx, FindingSink& sink) {
  const Form& f = ctx.form;
  require(f, sink, FieldParent::Form, {FieldKey::Form}, f.offset);
  const auto units = field_info(FieldKey::Unit).values;
  if (f.unit.ok() && std::find(units.begin(), units.end(), f.unit.value) == units.end()) {
    sink.add(RuleId::InvalidField, {FieldKey::Unit, {}, 0}, f.unit.offset,
             {fmt::format("unit “{}” is neither 万元 nor 元", shorten(f.unit.value)),
              lformat("‹unit›“{}”既不是万元也不是元", shorten(f.unit.value))},
             shorten(f.unit.value), "万元 | 元");
  }
  negative(sink, {FieldKey::FundsWeight, {}, 0}, f.funds_weight);

  const FundsRow& total = f.row(FundsRowId::Total);
  if (!total.present) {
    if (form_requires(f, field_info(FieldKey::Funds))) {
      missing(sink, {FieldKey::Row, FundsRowId::Total, 0}, f.offset, Given::No);
    }
  } else {
    require(f, sink, FieldParent::Row, {FieldKey::Row, FundsRowId::Total, 0}, total.offset);
  }
  for (FundsRowId id : kFundsRows) {
    const FundsRow& row = f.row(id);
    if (!row.present) continue;
    negative(sink, {FieldKey::RowInitial, id, 0}, row.initial);
    negative(sink, {FieldKey::RowAnnual, id, 0}, row.annual);
    negative(sink, {FieldKey::RowExecuted, id, 0}, row.executed);
  }

  if (f.indicators_state == FieldState::Missing &&
      form_requires(f, field_info(FieldKey::Indicators))) {
    missing(sink, {FieldKey::Indicators, {}, 0}, f.offset, Given::No);
  }
  for (std::size_t i = 0; i < f.indicators.size(); ++i) {
    const Indicator& ind = f.indicators[i];
    const auto idx = static_cast<std::uint32_t>(i);
    const bool sub = ind.is_sub_item();
    require(f, sink, FieldParent::Indicator, {FieldKey::Indicator, {}, idx}, ind.offset, sub);
    if (sub) {
      unscored(sink, {FieldKey::Weight, {}, idx}, ind.weight, ind.name.value);
      unscored(sink, {FieldKey::Score, {}, idx}, ind.score, ind.name.value);
      continue;
    }
    negative(sink, {FieldKey::Weight, {}, idx}, ind.weight);
  }

  if (f.grade.ok() && !is_blank_label(f.grade.value) && !parse_grade(f.grade.value)) {
    sink.add(RuleId::InvalidField, {FieldKey::Grade, {}, 0}, f.grade.offset,
             {fmt::format("grade “{}” is none of 优, 良, 中, 差", shorten(f.grade.value)),
              lformat("‹grade›“{}”不是 优、良、中、差 之一", shorten(f.grade.value))},
             shorten(f.grade.value), "优 | 良 | 中 | 差");
  }
}

}  // namespace pes::checks
