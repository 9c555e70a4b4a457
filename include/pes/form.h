// The model of one 财政项目支出绩效自评表, as read from any input format.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pes/decimal.h"

namespace pes {

/// Whether a field was given, and if so whether it could be read.
enum class FieldState : std::uint8_t { Missing, Valid, Invalid };

/// One value of the form, with where it stands in its source file.
template <class T>
struct Field {
  T value{};
  FieldState state = FieldState::Missing;
  std::uint64_t offset = 0;  ///< byte offset in the source (of the parent when missing)

  bool ok() const { return state == FieldState::Valid; }
  bool present() const { return state != FieldState::Missing; }
  void set(T v, std::uint64_t at) {
    value = std::move(v);
    state = FieldState::Valid;
    offset = at;
  }
  void reset(std::uint64_t at) {
    state = FieldState::Missing;
    offset = at;
  }
};

using Number = Field<Decimal>;
using Text = Field<std::string>;

/// The rows of the 项目资金 block (fields.h names and labels them).
enum class FundsRowId : std::uint8_t { Total, Fiscal, Carryover, Other };
inline constexpr std::size_t kFundsRowCount = 4;
inline constexpr std::array<FundsRowId, kFundsRowCount> kFundsRows = {
    FundsRowId::Total, FundsRowId::Fiscal, FundsRowId::Carryover, FundsRowId::Other};

struct FundsRow {
  bool present = false;
  std::uint64_t offset = 0;
  Number initial;   ///< 年初预算数
  Number annual;    ///< 全年预算数
  Number executed;  ///< 全年执行数
  Number rate;      ///< 执行率, percent
  Number score;     ///< 得分 (total row only)

  /// Absent, every value missing at `at`.
  void reset(std::uint64_t at);
};

struct Indicator {
  std::uint64_t offset = 0;
  Text level1;  ///< 一级指标
  Text level2;  ///< 二级指标
  Text name;    ///< 三级指标
  Text target;  ///< 年度指标值
  Text actual;  ///< 实际完成值
  Number weight;  ///< 分值
  Number score;   ///< 得分
  Text reason;    ///< 偏差原因分析及改进措施

  /// Every value missing at `at` (texts keep their capacity).
  void reset(std::uint64_t at);
};

struct Form {
  std::uint32_t index = 0;    ///< position in its file, from 0
  std::uint64_t offset = 0;   ///< where the form starts in its source
  Field<std::int32_t> year;   ///< 年度
  Text project;               ///< 项目名称
  Text department;            ///< 主管部门
  Text implementer;           ///< 实施单位
  Text unit;                  ///< 金额单位: 万元 or 元
  Number funds_weight;        ///< 分值 of the funds block (10 when absent)
  std::array<FundsRow, kFundsRowCount> funds;
  Text goals_expected;        ///< 年度总体目标: 预期目标
  Text goals_achieved;        ///< 年度总体目标: 实际完成情况
  std::vector<Indicator> indicators;
  FieldState indicators_state = FieldState::Missing;  ///< whether the list was given
  Number total;               ///< 总分
  Text grade;                 ///< 评分等级

  FundsRow& row(FundsRowId id) { return funds[static_cast<std::size_t>(id)]; }
  const FundsRow& row(FundsRowId id) const { return funds[static_cast<std::size_t>(id)]; }

  /// Empties the form for reuse, keeping allocated capacity: every field missing at `at`
  /// (its index stays).
  void reset(std::uint64_t at = 0);
};

/// Names a field of a form: what a finding points at.
enum class FieldKey : std::uint8_t {
  Form,
  FormNumber,  // the form's number in its file, in tables
  Year,
  Project,
  Department,
  Implementer,
  Unit,
  Funds,
  FundsWeight,
  Row,  // a whole funds row
  RowInitial,
  RowAnnual,
  RowExecuted,
  RowRate,
  RowScore,
  Goals,
  GoalsExpected,
  GoalsAchieved,
  Indicators,
  Indicator,  // a whole indicator
  Level1,
  Level2,
  Name,
  Target,
  Actual,
  Weight,
  Score,
  Reason,
  Total,
  Grade,
  Count_,
};
inline constexpr std::size_t kFieldKeyCount = static_cast<std::size_t>(FieldKey::Count_);

struct FieldRef {
  FieldKey key = FieldKey::Form;
  FundsRowId row = FundsRowId::Total;
  std::uint32_t indicator = 0;
};

}  // namespace pes
