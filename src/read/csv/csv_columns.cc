#include "pes/csv_columns.h"

#include <array>
#include <cctype>
#include <string>

#include "pes/labels.h"

namespace pes {
namespace {

using K = FieldKey;
using R = FundsRowId;

constexpr CsvColumn form_text(std::string_view name, std::string_view header, K key,
                              Text Form::*member) {
  return {.name = name, .header = header, .key = key, .form_text = member};
}
constexpr CsvColumn form_number(std::string_view name, std::string_view header, K key,
                                Number Form::*member) {
  return {.name = name, .header = header, .key = key, .form_number = member};
}
constexpr CsvColumn row_number(std::string_view name, std::string_view header, K key, R row,
                               Number FundsRow::*member) {
  return {.name = name, .header = header, .key = key, .row = row, .row_number = member};
}
constexpr CsvColumn indicator_text(std::string_view name, std::string_view header, K key,
                                   Text Indicator::*member) {
  return {.name = name, .header = header, .key = key, .text = member};
}
constexpr CsvColumn indicator_number(std::string_view name, std::string_view header, K key,
                                     Number Indicator::*member) {
  return {.name = name, .header = header, .key = key, .number = member};
}

#define PES_ROW(prefix, zh, row)                                                                 \
  row_number(prefix "_initial", zh "年初预算数", K::RowInitial, row, &FundsRow::initial),        \
      row_number(prefix "_annual", zh "全年预算数", K::RowAnnual, row, &FundsRow::annual),       \
      row_number(prefix "_executed", zh "全年执行数", K::RowExecuted, row, &FundsRow::executed), \
      row_number(prefix "_rate", zh "执行率", K::RowRate, row, &FundsRow::rate)

const std::array kColumns = {
    CsvColumn{.name = "form", .header = "自评表序号", .key = K::Form},
    form_text("project", "项目名称", K::Project, &Form::project),
    CsvColumn{.name = "year", .header = "年度", .key = K::Year, .year = true},
    form_text("department", "主管部门", K::Department, &Form::department),
    form_text("implementer", "实施单位", K::Implementer, &Form::implementer),
    form_text("unit", "金额单位", K::Unit, &Form::unit),
    form_number("funds_weight", "预算执行分值", K::FundsWeight, &Form::funds_weight),
    row_number("initial", "年初预算数", K::RowInitial, R::Total, &FundsRow::initial),
    row_number("annual", "全年预算数", K::RowAnnual, R::Total, &FundsRow::annual),
    row_number("executed", "全年执行数", K::RowExecuted, R::Total, &FundsRow::executed),
    row_number("rate", "执行率", K::RowRate, R::Total, &FundsRow::rate),
    row_number("funds_score", "预算执行得分", K::RowScore, R::Total, &FundsRow::score),
    PES_ROW("fiscal", "当年财政拨款", R::Fiscal),
    PES_ROW("carryover", "上年结转资金", R::Carryover),
    PES_ROW("other", "其他资金", R::Other),
    form_text("goals_expected", "预期目标", K::Goals, &Form::goals_expected),
    form_text("goals_achieved", "实际完成情况", K::Goals, &Form::goals_achieved),
    indicator_text("level1", "一级指标", K::Level1, &Indicator::level1),
    indicator_text("level2", "二级指标", K::Level2, &Indicator::level2),
    indicator_text("name", "三级指标", K::Name, &Indicator::name),
    indicator_text("target", "年度指标值", K::Target, &Indicator::target),
    indicator_text("actual", "实际完成值", K::Actual, &Indicator::actual),
    indicator_number("weight", "分值", K::Weight, &Indicator::weight),
    indicator_number("score", "得分", K::Score, &Indicator::score),
    indicator_text("reason", "偏差原因分析及改进措施", K::Reason, &Indicator::reason),
    form_number("total", "总分", K::Total, &Form::total),
    form_text("grade", "评分等级", K::Grade, &Form::grade),
};

#undef PES_ROW

// Other headers exports use for the total funds row.
struct Alias {
  std::string_view header;
  std::string_view name;
};
constexpr std::array kAliases = {
    Alias{"年度资金总额年初预算数", "initial"},  Alias{"年度资金总额全年预算数", "annual"},
    Alias{"年度资金总额全年执行数", "executed"}, Alias{"年度资金总额执行率", "rate"},
    Alias{"年度资金总额得分", "funds_score"},    Alias{"年度总体目标", "goals_expected"},
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::span<const CsvColumn> csv_columns() { return kColumns; }

const CsvColumn* find_csv_column(std::string_view header) {
  const std::string label = normalize_label(header);
  if (label.empty()) return nullptr;
  const std::string lower = lower_ascii(label);
  std::string_view name;
  for (const Alias& a : kAliases) {
    if (label == a.header) name = a.name;
  }
  for (const CsvColumn& c : kColumns) {
    if (label == c.header || lower == c.name || c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace pes
