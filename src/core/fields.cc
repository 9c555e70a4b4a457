// The field table. A new field of the form is one row here and a member of the model (form.h).
#include "pes/fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "pes/labels.h"

namespace pes {
namespace {

using K = FieldKey;
using P = FieldParent;
using T = FieldType;
using B = FormBlock;
using R = Requirement;
using sv = std::string_view;

// Other labels of a field, as forms print them or exports name their columns.
constexpr std::array<sv, 2> kWeightAliases = {"分值", "分数"};
constexpr std::array<sv, 1> kRowScoreAliases = {"得分"};
constexpr std::array<sv, 1> kGoalsExpectedAliases = {"年度总体目标"};
constexpr std::array<sv, 2> kUnits = {"万元", "元"};

constexpr FieldInfo container(K key, P parent, T type, sv json, sv zh, sv en, B block) {
  return {
      .key = key, .parent = parent, .type = type, .json = json, .zh = zh, .en = en, .block = block};
}

// The order of the table is the order pes/1 writes the fields in.
constexpr std::array kFields = {
    container(K::Form, P::None, T::Object, "", "自评表", "form", B::Header),
    // Tells the forms of a table apart: where it changes, a new form starts (not in pes/1).
    FieldInfo{.key = K::FormNumber,
              .parent = P::Form,
              .type = T::Ordinal,
              .json = "",
              .zh = "自评表序号",
              .en = "form number",
              .block = B::Header,
              .describes_form = true,
              .identity = true,
              .csv = "form"},
    FieldInfo{.key = K::Year,
              .parent = P::Form,
              .type = T::Year,
              .json = "year",
              .zh = "年度",
              .en = "year",
              .block = B::Header,
              .required = R::Required,
              .describes_form = true,
              .identity = true,
              .form_year = &Form::year},
    FieldInfo{.key = K::Project,
              .parent = P::Form,
              .type = T::Str,
              .json = "project",
              .zh = "项目名称",
              .en = "project",
              .block = B::Header,
              .required = R::Required,
              .describes_form = true,
              .identity = true,
              .form_text = &Form::project},
    FieldInfo{.key = K::Department,
              .parent = P::Form,
              .type = T::Str,
              .json = "department",
              .zh = "主管部门",
              .en = "supervising department",
              .block = B::Header,
              .describes_form = true,
              .form_text = &Form::department},
    FieldInfo{.key = K::Implementer,
              .parent = P::Form,
              .type = T::Str,
              .json = "implementer",
              .zh = "实施单位",
              .en = "implementing unit",
              .block = B::Header,
              .describes_form = true,
              .identity = true,
              .form_text = &Form::implementer},
    FieldInfo{.key = K::Unit,
              .parent = P::Form,
              .type = T::Str,
              .json = "unit",
              .zh = "金额单位",
              .en = "unit of amounts",
              .block = B::Funds,
              .describes_form = true,
              .values = kUnits,
              .default_value = "万元",
              .form_text = &Form::unit},
    FieldInfo{.key = K::Template,
              .parent = P::Form,
              .type = T::Str,
              .json = "template",
              .zh = "模板",
              .en = "template",
              .block = B::Header,
              .describes_form = true,
              .form_text = &Form::template_name},
    FieldInfo{.key = K::Funds,
              .parent = P::Form,
              .type = T::Object,
              .json = "funds",
              .zh = "项目资金",
              .en = "funds",
              .block = B::Funds,
              .required = R::Required},
    FieldInfo{.key = K::FundsWeight,
              .parent = P::Funds,
              .type = T::Num,
              .json = "weight",
              .zh = "预算执行分值",
              .en = "budget weight",
              .block = B::Funds,
              .aliases = kWeightAliases,
              .csv = "funds_weight",
              .default_value = "10",
              .form_number = &Form::funds_weight},
    container(K::Row, P::Funds, T::Object, "", "资金行", "funds row", B::Funds),
    FieldInfo{.key = K::RowLabel,
              .parent = P::Row,
              .type = T::Str,
              .json = "label",
              .zh = "行名称",
              .en = "row label as written",
              .block = B::Funds,
              .names_row = true,
              .row_text = &FundsRow::label},
    FieldInfo{.key = K::RowInitial,
              .parent = P::Row,
              .type = T::Num,
              .json = "initial",
              .zh = "年初预算数",
              .en = "start-of-year budget",
              .block = B::Funds,
              .row_number = &FundsRow::initial},
    // 全年预算数 is the rate's denominator; a template without it (2016) divides by 年初预算数.
    FieldInfo{.key = K::RowAnnual,
              .parent = P::Row,
              .type = T::Num,
              .json = "annual",
              .zh = "全年预算数",
              .en = "whole-year budget",
              .block = B::Funds,
              .required = R::Required,
              .alternative = K::RowInitial,
              .row_number = &FundsRow::annual},
    FieldInfo{.key = K::RowExecuted,
              .parent = P::Row,
              .type = T::Num,
              .json = "executed",
              .zh = "全年执行数",
              .en = "amount spent",
              .block = B::Funds,
              .required = R::Required,
              .row_number = &FundsRow::executed},
    FieldInfo{.key = K::RowRate,
              .parent = P::Row,
              .type = T::Num,
              .json = "rate",
              .zh = "执行率",
              .en = "execution rate",
              .block = B::Funds,
              .row_number = &FundsRow::rate},
    FieldInfo{.key = K::RowScore,
              .parent = P::Row,
              .type = T::Num,
              .json = "score",
              .zh = "预算执行得分",
              .en = "budget score",
              .block = B::Funds,
              .aliases = kRowScoreAliases,
              .required = R::Required,
              .csv = "funds_score",
              .total_row_only = true,
              .row_number = &FundsRow::score},
    container(K::Goals, P::Form, T::Object, "goals", "年度总体目标", "overall goals", B::Goals),
    FieldInfo{.key = K::GoalsExpected,
              .parent = P::Goals,
              .type = T::Str,
              .json = "expected",
              .zh = "预期目标",
              .en = "expected goal",
              .block = B::Goals,
              .aliases = kGoalsExpectedAliases,
              .csv = "goals_expected",
              .form_text = &Form::goals_expected},
    FieldInfo{.key = K::GoalsAchieved,
              .parent = P::Goals,
              .type = T::Str,
              .json = "achieved",
              .zh = "实际完成情况",
              .en = "achieved goal",
              .block = B::Goals,
              .csv = "goals_achieved",
              .form_text = &Form::goals_achieved},
    FieldInfo{.key = K::Indicators,
              .parent = P::Form,
              .type = T::List,
              .json = "indicators",
              .zh = "绩效指标",
              .en = "indicators",
              .block = B::Indicators,
              .required = R::Required},
    container(K::Indicator, P::Indicators, T::Object, "", "绩效指标", "indicator", B::Indicators),
    FieldInfo{.key = K::Level1,
              .parent = P::Indicator,
              .type = T::Str,
              .json = "level1",
              .zh = "一级指标",
              .en = "level 1",
              .block = B::Indicators,
              .required = R::Required,
              .indicator_text = &Indicator::level1},
    FieldInfo{.key = K::Level2,
              .parent = P::Indicator,
              .type = T::Str,
              .json = "level2",
              .zh = "二级指标",
              .en = "level 2",
              .block = B::Indicators,
              .required = R::Required,
              .indicator_text = &Indicator::level2},
    FieldInfo{.key = K::Name,
              .parent = P::Indicator,
              .type = T::Str,
              .json = "name",
              .zh = "三级指标",
              .en = "indicator",
              .block = B::Indicators,
              .required = R::Required,
              .required_of_sub_items = true,
              .indicator_text = &Indicator::name},
    FieldInfo{.key = K::Target,
              .parent = P::Indicator,
              .type = T::Str,
              .json = "target",
              .zh = "年度指标值",
              .en = "target",
              .block = B::Indicators,
              .indicator_text = &Indicator::target},
    FieldInfo{.key = K::Actual,
              .parent = P::Indicator,
              .type = T::Str,
              .json = "actual",
              .zh = "实际完成值",
              .en = "actual",
              .block = B::Indicators,
              .required = R::Required,
              .indicator_text = &Indicator::actual},
    FieldInfo{.key = K::Weight,
              .parent = P::Indicator,
              .type = T::Num,
              .json = "weight",
              .zh = "分值",
              .en = "weight",
              .block = B::Indicators,
              .required = R::Required,
              .indicator_number = &Indicator::weight},
    FieldInfo{.key = K::Score,
              .parent = P::Indicator,
              .type = T::Num,
              .json = "score",
              .zh = "得分",
              .en = "score",
              .block = B::Indicators,
              .required = R::Required,
              .indicator_number = &Indicator::score},
    FieldInfo{.key = K::Reason,
              .parent = P::Indicator,
              .type = T::Str,
              .json = "reason",
              .zh = "偏差原因分析及改进措施",
              .en = "reason for the gap",
              .block = B::Indicators,
              .indicator_text = &Indicator::reason},
    FieldInfo{.key = K::SubItem,
              .parent = P::Indicator,
              .type = T::Bool,
              .json = "sub_item",
              .zh = "不计分子项",
              .en = "unscored sub-item",
              .block = B::Indicators,
              .indicator_flag = &Indicator::sub_item},
    FieldInfo{.key = K::Total,
              .parent = P::Form,
              .type = T::Num,
              .json = "total",
              .zh = "总分",
              .en = "total",
              .block = B::Totals,
              .required = R::Required,
              .form_number = &Form::total},
    FieldInfo{.key = K::Grade,
              .parent = P::Form,
              .type = T::Str,
              .json = "grade",
              .zh = "评分等级",
              .en = "grade",
              .block = B::Totals,
              .required = R::IfTemplateHas,
              .form_text = &Form::grade},
};

// The labels of each kind of funds row, as templates print them (normalized: no white space,
// half-width signs). find_funds_row_label() also sets aside a leading 其中 and a trailing colon.
constexpr std::array<sv, 2> kTotalAliases = {"总额", "资金总额"};
constexpr std::array<sv, 6> kFiscalAliases = {
    "本年财政拨款", "本年一般公共预算拨款", "当年一般公共预算拨款", "一般公共预算拨款", "财政拨款",
    "财政资金"};
constexpr std::array<sv, 3> kCarryoverAliases = {"上年结转", "结转资金", "上年结转结余资金"};
constexpr std::array<sv, 1> kSpecialAccountAliases = {"财政专户资金"};
constexpr std::array<sv, 2> kUnitFundsAliases = {"单位自有资金", "自有资金"};

constexpr std::array kRows = {
    FundsRowInfo{FundsRowId::Total, "total", "年度资金总额", "total funds", kTotalAliases},
    FundsRowInfo{FundsRowId::Fiscal, "fiscal", "当年财政拨款", "fiscal appropriation",
                 kFiscalAliases},
    FundsRowInfo{FundsRowId::Carryover, "carryover", "上年结转资金", "carried over",
                 kCarryoverAliases},
    FundsRowInfo{FundsRowId::SpecialAccount, "special_account", "财政专户管理资金",
                 "special fiscal account", kSpecialAccountAliases},
    FundsRowInfo{FundsRowId::UnitFunds, "unit_funds", "单位资金", "the unit's own funds",
                 kUnitFundsAliases},
    FundsRowInfo{FundsRowId::Other, "other", "其他资金", "other funds"},
};

// Each key's row, and the value fields of each parent, built once from the table.
struct Index {
  std::array<const FieldInfo*, kFieldKeyCount> by_key{};
  std::array<std::vector<const FieldInfo*>, 7> by_parent;

  Index() {
    for (const FieldInfo& f : kFields) {
      by_key[static_cast<std::size_t>(f.key)] = &f;
      if (f.is_value()) by_parent[static_cast<std::size_t>(f.parent)].push_back(&f);
    }
  }
};

const Index& index() {
  static const Index i;
  return i;
}

constexpr bool rows_in_order() {
  for (std::size_t i = 0; i < kRows.size(); ++i) {
    if (static_cast<std::size_t>(kRows[i].id) != i) return false;
  }
  return kRows.size() == kFundsRowCount;
}
static_assert(rows_in_order(), "kRows must list every funds row in FundsRowId order");

}  // namespace

std::span<const FieldInfo> fields() { return kFields; }

const FieldInfo& field_info(FieldKey key) { return *index().by_key[static_cast<std::size_t>(key)]; }

std::span<const FieldInfo* const> fields_of(FieldParent parent) {
  return index().by_parent[static_cast<std::size_t>(parent)];
}

const FieldInfo* find_field(FieldParent parent, std::string_view json) {
  for (const FieldInfo* f : fields_of(parent)) {
    if (f->json == json) return f;
  }
  return nullptr;
}

const FieldInfo* find_field(FieldParent parent, std::string_view json, std::size_t& next) {
  const std::span<const FieldInfo* const> fields = fields_of(parent);
  // From `next` to the end, then from the start to `next`: no division per member.
  const std::size_t from = next < fields.size() ? next : 0;
  for (std::size_t i = from; i < fields.size(); ++i) {
    if (fields[i]->json == json) {
      next = i + 1;
      return fields[i];
    }
  }
  for (std::size_t i = 0; i < from; ++i) {
    if (fields[i]->json == json) {
      next = i + 1;
      return fields[i];
    }
  }
  return nullptr;
}

std::span<const FundsRowInfo> funds_rows() { return kRows; }

const FundsRowInfo& funds_row_info(FundsRowId id) { return kRows[static_cast<std::size_t>(id)]; }

const FundsRowInfo* find_funds_row(std::string_view json) {
  for (const FundsRowInfo& r : kRows) {
    if (r.json == json) return &r;
  }
  return nullptr;
}

std::optional<FundsRowId> find_funds_row_label(std::string_view label) {
  std::string scratch;
  std::string_view s = normalize_label(label, scratch);
  if (s.starts_with("其中")) s.remove_prefix(sv("其中").size());
  while (s.starts_with(":")) s.remove_prefix(1);
  while (s.ends_with(":")) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  for (const FundsRowInfo& r : kRows) {
    if (s == r.zh) return r.id;
    for (sv a : r.aliases) {
      if (s == a) return r.id;
    }
  }
  return std::nullopt;
}

bool form_requires(const Form& form, const FieldInfo& field) {
  switch (field.required) {
    case Requirement::Optional:
      return false;
    case Requirement::Required:
      return form.tmpl.has(field.key);
    case Requirement::IfTemplateHas:
      return form.template_name.ok() && !is_blank_label(form.template_name.value) &&
             form.tmpl.has(field.key);
  }
  return false;
}

namespace {

// The path of a field from the form down, as pes/1 keys: {"funds", "total", "rate"}.
void path_of(const FieldRef& ref, FieldKey key, std::vector<std::string>& out) {
  const FieldInfo& f = field_info(key);
  switch (f.parent) {
    case P::None:
      return;
    case P::Form:
      break;
    case P::Funds:
      path_of(ref, K::Funds, out);
      break;
    case P::Row:
      path_of(ref, K::Row, out);
      break;
    case P::Goals:
      path_of(ref, K::Goals, out);
      break;
    case P::Indicators:
      path_of(ref, K::Indicators, out);
      break;
    case P::Indicator:
      path_of(ref, K::Indicator, out);
      break;
  }
  if (key == K::Row) {
    out.emplace_back(row_name(ref.row));
  } else if (key == K::Indicator) {
    out.push_back(std::to_string(ref.indicator));
  } else {
    out.emplace_back(f.json);
  }
}

// The token of a field in a text: its pes/1 key (its English name, spaces as '_', for a
// container or a column with no key), after its parent's name where that is not the form.
std::string token_of(const FieldInfo& f) {
  std::string name(f.json.empty() ? f.en : f.json);
  if (f.json.empty()) std::replace(name.begin(), name.end(), ' ', '_');
  switch (f.parent) {
    case P::Funds:
      return "funds." + name;
    case P::Row:
      return "row." + name;
    case P::Goals:
      return "goals." + name;
    case P::Indicator:
      return "indicator." + name;
    case P::None:
    case P::Form:
    case P::Indicators:
      return name;
  }
  return name;
}

struct Tokens {
  std::vector<std::pair<std::string, sv>> labels;  // token, label

  Tokens() {
    for (const FieldInfo& f : kFields) labels.emplace_back(token_of(f), f.zh);
    for (const FundsRowInfo& r : kRows) labels.emplace_back(fmt::format("funds.{}", r.json), r.zh);
  }
};

const Tokens& tokens() {
  static const Tokens t;
  return t;
}

constexpr sv kOpen = "‹";
constexpr sv kClose = "›";

}  // namespace

std::optional<std::string_view> label_of_token(std::string_view token) {
  for (const auto& [name, label] : tokens().labels) {
    if (name == token) return label;
  }
  return std::nullopt;
}

std::string with_labels(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (true) {
    const std::size_t open = text.find(kOpen);
    const std::size_t close = open == sv::npos ? sv::npos : text.find(kClose, open + kOpen.size());
    if (close == sv::npos) break;
    const sv token = text.substr(open + kOpen.size(), close - open - kOpen.size());
    out.append(text.substr(0, open));
    if (const auto label = label_of_token(token)) {
      out.append(*label);
    } else {
      out.append(text.substr(open, close + kClose.size() - open));
    }
    text.remove_prefix(close + kClose.size());
  }
  out.append(text);
  return out;
}

std::string json_pointer(const FieldRef& ref) {
  std::vector<std::string> path;
  path_of(ref, ref.key, path);
  std::string out;
  for (const std::string& p : path) {
    out += '/';
    out += p;
  }
  return out;
}

std::string field_name(const FieldRef& ref) {
  if (ref.key == K::Form) return "form";
  std::vector<std::string> path;
  path_of(ref, ref.key, path);
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i > 0 && path[i - 1] == "indicators") {
      out += fmt::format("[{}]", path[i]);
      continue;
    }
    if (!out.empty()) out += '.';
    out += path[i];
  }
  return out;
}

namespace {

// The one body behind the const and non-const accessors.
template <class F>
auto* text_in(F& form, const FieldInfo& field, FieldRef where) {
  decltype(&(form.*field.form_text)) none = nullptr;
  if (field.form_text != nullptr) return &(form.*field.form_text);
  if (field.row_text != nullptr) return &(form.row(where.row).*field.row_text);
  if (field.indicator_text != nullptr && where.indicator < form.indicators.size()) {
    return &(form.indicators[where.indicator].*field.indicator_text);
  }
  return none;
}

template <class F>
auto* flag_in(F& form, const FieldInfo& field, FieldRef where) {
  decltype(&(form.indicators[0].*field.indicator_flag)) none = nullptr;
  if (field.indicator_flag != nullptr && where.indicator < form.indicators.size()) {
    return &(form.indicators[where.indicator].*field.indicator_flag);
  }
  return none;
}

template <class F>
auto* number_in(F& form, const FieldInfo& field, FieldRef where) {
  decltype(&(form.*field.form_number)) none = nullptr;
  if (field.form_number != nullptr) return &(form.*field.form_number);
  if (field.row_number != nullptr) return &(form.row(where.row).*field.row_number);
  if (field.indicator_number != nullptr && where.indicator < form.indicators.size()) {
    return &(form.indicators[where.indicator].*field.indicator_number);
  }
  return none;
}

}  // namespace

const Text* text_field(const Form& form, const FieldInfo& field, FieldRef where) {
  return text_in(form, field, where);
}
Text* text_field(Form& form, const FieldInfo& field, FieldRef where) {
  return text_in(form, field, where);
}
const Number* number_field(const Form& form, const FieldInfo& field, FieldRef where) {
  return number_in(form, field, where);
}
Number* number_field(Form& form, const FieldInfo& field, FieldRef where) {
  return number_in(form, field, where);
}
const Flag* flag_field(const Form& form, const FieldInfo& field, FieldRef where) {
  return flag_in(form, field, where);
}
Flag* flag_field(Form& form, const FieldInfo& field, FieldRef where) {
  return flag_in(form, field, where);
}

}  // namespace pes
