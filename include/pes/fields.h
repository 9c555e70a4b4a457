// The one table of a form's fields. Each field is one row: its keys, its labels in Chinese and
// English with the aliases forms and exports use, where it sits in pes/1 and in the model, its
// type and whether a form must give it. The JSON reader and writer, the CSV columns, the layout
// reader's labels, messages and `pes schema` all read this table.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "pes/form.h"

namespace pes {

/// The object of pes/1 that holds a field.
enum class FieldParent : std::uint8_t { None, Form, Funds, Row, Goals, Indicators, Indicator };

/// What a field holds: text (Str), a decimal (Num), a year, true or false (Bool); the form's
/// number in its file (Ordinal: a column of tables, not a member of pes/1 or of the model);
/// Object and List are the containers of other fields.
enum class FieldType : std::uint8_t { Str, Num, Year, Bool, Ordinal, Object, List };

/// Whether a form must give a field.
enum class Requirement : std::uint8_t {
  Optional,
  Required,      ///< always, unless the form's template has no place for it
  IfTemplateHas  ///< when the form names a template that has it (评分等级): optional in plain pes/1
};

/// The block of the printed form a field's label stands in.
enum class FormBlock : std::uint8_t { Header, Funds, Goals, Indicators, Totals };

struct FieldInfo {
  FieldKey key;
  FieldParent parent;
  FieldType type;
  std::string_view json;  ///< pes/1 key in its parent ("annual"); "" for a row or an indicator
  std::string_view zh;    ///< the Chinese label, as pes writes it (全年预算数)
  std::string_view en;    ///< English name for people ("whole-year budget")
  FormBlock block;        ///< where the label is printed
  /// Other labels that name the field in forms and exports (white space and full-width
  /// forms aside, as normalize_label() compares them).
  std::span<const std::string_view> aliases = {};
  /// Whether a form must give it (a funds-row field: on the total row). A field left blank
  /// when the form must give it is as missing.
  Requirement required = Requirement::Optional;
  /// A required field whose place this one may take: either suffices (全年预算数, else
  /// 年初预算数). FieldKey::Form for none.
  FieldKey alternative = FieldKey::Form;
  /// Required of an unscored sub-item too (its name); a sub-item needs nothing else.
  bool required_of_sub_items = false;
  /// Names the row it belongs to: its CSV column carries the row's label even on the total row.
  bool names_row = false;
  /// Says whose a form is: a table repeats it on every row of the form (年度, 项目名称, …).
  bool describes_form = false;
  /// Tells one form from another: where it changes in a table, a new form starts.
  bool identity = false;
  std::string_view csv = {};  ///< CSV column name when it is not `json` ("funds_score")
  std::span<const std::string_view> values = {};  ///< the values it may take, if few (万元, 元)
  std::string_view default_value = {};  ///< what its absence means ("10" for the budget weight)
  bool total_row_only = false;          ///< a field of the funds block's total row only (得分)

  // Where the value lives in the model: the one member pointer that fits parent and type.
  Text Form::*form_text = nullptr;
  Number Form::*form_number = nullptr;
  Field<std::int32_t> Form::*form_year = nullptr;
  Text FundsRow::*row_text = nullptr;
  Number FundsRow::*row_number = nullptr;
  Text Indicator::*indicator_text = nullptr;
  Number Indicator::*indicator_number = nullptr;
  Flag Indicator::*indicator_flag = nullptr;

  bool is_value() const { return type != FieldType::Object && type != FieldType::List; }
};

/// One kind of row of the 项目资金 block.
struct FundsRowInfo {
  FundsRowId id;
  std::string_view json;  ///< pes/1 key under "funds" ("fiscal")
  std::string_view zh;    ///< the Chinese label (当年财政拨款)
  std::string_view en;    ///< ("fiscal appropriation")
  /// Other labels of the row that templates print (本年财政拨款, 财政资金), normalized.
  std::span<const std::string_view> aliases = {};
};

/// Every field, containers included, in the order pes/1 writes them.
std::span<const FieldInfo> fields();
/// The row of a field key.
const FieldInfo& field_info(FieldKey key);
/// The value fields whose parent is `parent`, in table order.
std::span<const FieldInfo* const> fields_of(FieldParent parent);
/// The field `json` names in `parent` (null when none does).
const FieldInfo* find_field(FieldParent parent, std::string_view json);
/// The same, looking first where the last match left off (`next`, updated): members are
/// mostly written in the table's order, so a form's keys are then found at the first try.
const FieldInfo* find_field(FieldParent parent, std::string_view json, std::size_t& next);

/// Every kind of funds row, the total first.
std::span<const FundsRowInfo> funds_rows();
const FundsRowInfo& funds_row_info(FundsRowId id);
/// The funds row `json` names ("fiscal"), if any.
const FundsRowInfo* find_funds_row(std::string_view json);
/// The kind of funds row a printed label names: its label or an alias, compared as
/// normalize_label() leaves them, with a leading 其中 and a trailing colon aside
/// ("其中：本年财政拨款", "当年财政 拨款", "年度资金总额:").
std::optional<FundsRowId> find_funds_row_label(std::string_view label);

/// Whether `form` must give `field` (Requirement, and what its template lacks).
bool form_requires(const Form& form, const FieldInfo& field);
/// The pes/1 JSON name of a funds row ("total", "fiscal", ...).
inline std::string_view row_name(FundsRowId row) { return funds_row_info(row).json; }
/// The Chinese label of a funds row (年度资金总额, 当年财政拨款, ...).
inline std::string_view row_label_zh(FundsRowId row) { return funds_row_info(row).zh; }
/// The Chinese label of a field (执行率, 得分, ...).
inline std::string_view field_label_zh(FieldKey key) { return field_info(key).zh; }

/// The Chinese label a token names: a field's pes/1 key, after its parent's where that is not
/// the form ("total", "row.annual", "indicator.weight", "goals.expected", "funds.weight"), a
/// container's English name ("form", "funds_row"), or a funds row ("funds.fiscal").
std::optional<std::string_view> label_of_token(std::string_view token);
/// `text` with each ‹token› in it replaced by the label it names (label_of_token): prose that
/// names fields (the rule table's) writes ‹row.annual› where a person reads 全年预算数. An
/// unknown token is left as it is.
std::string with_labels(std::string_view text);

/// JSON Pointer of a field inside its form ("/indicators/3/score").
std::string json_pointer(const FieldRef& ref);
/// A short name of a field for people ("funds.total.rate", "indicators[3].score").
std::string field_name(const FieldRef& ref);

/// The value of a text or number field of a form, at a funds row or indicator (null when the
/// field is of another type, or the indicator does not exist).
const Text* text_field(const Form& form, const FieldInfo& field, FieldRef where);
Text* text_field(Form& form, const FieldInfo& field, FieldRef where);
const Number* number_field(const Form& form, const FieldInfo& field, FieldRef where);
Number* number_field(Form& form, const FieldInfo& field, FieldRef where);
const Flag* flag_field(const Form& form, const FieldInfo& field, FieldRef where);
Flag* flag_field(Form& form, const FieldInfo& field, FieldRef where);

}  // namespace pes
