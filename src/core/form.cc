#include "pes/form.h"

#include <fmt/format.h>

namespace pes {

void Form::clear() {
  index = 0;
  offset = 0;
  year = {};
  for (Text* t : {&project, &department, &implementer, &unit, &goals_expected, &goals_achieved,
                  &grade}) {
    t->value.clear();
    t->state = FieldState::Missing;
    t->offset = 0;
  }
  funds_weight = {};
  funds = {};
  indicators.clear();
  indicators_state = FieldState::Missing;
  total = {};
}

std::string_view row_name(FundsRowId row) {
  switch (row) {
    case FundsRowId::Total: return "total";
    case FundsRowId::Fiscal: return "fiscal";
    case FundsRowId::Carryover: return "carryover";
    case FundsRowId::Other: return "other";
  }
  return "total";
}

std::string_view row_label_zh(FundsRowId row) {
  switch (row) {
    case FundsRowId::Total: return "年度资金总额";
    case FundsRowId::Fiscal: return "当年财政拨款";
    case FundsRowId::Carryover: return "上年结转资金";
    case FundsRowId::Other: return "其他资金";
  }
  return "年度资金总额";
}

namespace {

std::string_view key_name(FieldKey key) {
  switch (key) {
    case FieldKey::Form: return "";
    case FieldKey::Year: return "year";
    case FieldKey::Project: return "project";
    case FieldKey::Department: return "department";
    case FieldKey::Implementer: return "implementer";
    case FieldKey::Unit: return "unit";
    case FieldKey::Funds: return "funds";
    case FieldKey::FundsWeight: return "weight";
    case FieldKey::Row: return "";
    case FieldKey::RowInitial: return "initial";
    case FieldKey::RowAnnual: return "annual";
    case FieldKey::RowExecuted: return "executed";
    case FieldKey::RowRate: return "rate";
    case FieldKey::RowScore: return "score";
    case FieldKey::Goals: return "goals";
    case FieldKey::Indicators: return "indicators";
    case FieldKey::Indicator: return "";
    case FieldKey::Level1: return "level1";
    case FieldKey::Level2: return "level2";
    case FieldKey::Name: return "name";
    case FieldKey::Target: return "target";
    case FieldKey::Actual: return "actual";
    case FieldKey::Weight: return "weight";
    case FieldKey::Score: return "score";
    case FieldKey::Reason: return "reason";
    case FieldKey::Total: return "total";
    case FieldKey::Grade: return "grade";
  }
  return "";
}

bool is_row_field(FieldKey key) {
  return key == FieldKey::Row || key == FieldKey::RowInitial || key == FieldKey::RowAnnual ||
         key == FieldKey::RowExecuted || key == FieldKey::RowRate || key == FieldKey::RowScore;
}

bool is_indicator_field(FieldKey key) {
  return key == FieldKey::Indicator || (key >= FieldKey::Level1 && key <= FieldKey::Reason);
}

}  // namespace

std::string json_pointer(const FieldRef& ref) {
  if (ref.key == FieldKey::Form) return "";
  if (ref.key == FieldKey::FundsWeight) return "/funds/weight";
  if (is_row_field(ref.key)) {
    std::string p = fmt::format("/funds/{}", row_name(ref.row));
    if (ref.key != FieldKey::Row) p += fmt::format("/{}", key_name(ref.key));
    return p;
  }
  if (is_indicator_field(ref.key)) {
    std::string p = fmt::format("/indicators/{}", ref.indicator);
    if (ref.key != FieldKey::Indicator) p += fmt::format("/{}", key_name(ref.key));
    return p;
  }
  return fmt::format("/{}", key_name(ref.key));
}

std::string field_name(const FieldRef& ref) {
  if (ref.key == FieldKey::Form) return "form";
  if (ref.key == FieldKey::FundsWeight) return "funds.weight";
  if (is_row_field(ref.key)) {
    if (ref.key == FieldKey::Row) return fmt::format("funds.{}", row_name(ref.row));
    return fmt::format("funds.{}.{}", row_name(ref.row), key_name(ref.key));
  }
  if (is_indicator_field(ref.key)) {
    if (ref.key == FieldKey::Indicator) return fmt::format("indicators[{}]", ref.indicator);
    return fmt::format("indicators[{}].{}", ref.indicator, key_name(ref.key));
  }
  return std::string(key_name(ref.key));
}

std::string_view field_label_zh(FieldKey key) {
  switch (key) {
    case FieldKey::Form: return "自评表";
    case FieldKey::Year: return "年度";
    case FieldKey::Project: return "项目名称";
    case FieldKey::Department: return "主管部门";
    case FieldKey::Implementer: return "实施单位";
    case FieldKey::Unit: return "金额单位";
    case FieldKey::Funds: return "项目资金";
    case FieldKey::FundsWeight: return "预算执行分值";
    case FieldKey::Row: return "资金行";
    case FieldKey::RowInitial: return "年初预算数";
    case FieldKey::RowAnnual: return "全年预算数";
    case FieldKey::RowExecuted: return "全年执行数";
    case FieldKey::RowRate: return "执行率";
    case FieldKey::RowScore: return "预算执行得分";
    case FieldKey::Goals: return "年度总体目标";
    case FieldKey::Indicators: return "绩效指标";
    case FieldKey::Indicator: return "绩效指标";
    case FieldKey::Level1: return "一级指标";
    case FieldKey::Level2: return "二级指标";
    case FieldKey::Name: return "三级指标";
    case FieldKey::Target: return "年度指标值";
    case FieldKey::Actual: return "实际完成值";
    case FieldKey::Weight: return "分值";
    case FieldKey::Score: return "得分";
    case FieldKey::Reason: return "偏差原因分析及改进措施";
    case FieldKey::Total: return "总分";
    case FieldKey::Grade: return "评分等级";
  }
  return "";
}

}  // namespace pes
