// The model of one 财政项目支出绩效自评表, as read from any input format.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pes/decimal.h"

namespace pes {

/// Whether a field was given, and if so whether it could be read.
enum class FieldState : std::uint8_t { Missing, Valid, Invalid };

/// The unit an amount was written in, where its cell says so ("150万", "387664.62元"); the
/// readers bring it to the form's unit once the form is read.
enum class WrittenIn : std::uint8_t { Table, Wan, Yuan };

/// One value of the form, with where it stands in its source file.
template <class T>
struct Field {
  T value{};
  FieldState state = FieldState::Missing;
  WrittenIn written_in = WrittenIn::Table;  ///< amounts only
  std::uint64_t offset = 0;  ///< byte offset in the source (of the parent when missing)

  bool ok() const { return state == FieldState::Valid; }
  bool present() const { return state != FieldState::Missing; }
  void set(T v, std::uint64_t at) {
    value = std::move(v);
    state = FieldState::Valid;
    written_in = WrittenIn::Table;
    offset = at;
  }
  /// Sets the value in place from something it can be assigned from (a text from a view,
  /// keeping its buffer).
  template <class V>
  void assign(const V& v, std::uint64_t at) {
    value = v;
    state = FieldState::Valid;
    written_in = WrittenIn::Table;
    offset = at;
  }
  void reset(std::uint64_t at) {
    state = FieldState::Missing;
    written_in = WrittenIn::Table;
    offset = at;
  }
};

using Number = Field<Decimal>;
using Text = Field<std::string>;
using Flag = Field<bool>;

/// The kinds of row of the 项目资金 block: the total and the sources it sums. Templates name
/// them differently (当年财政拨款, 本年一般公共预算拨款, 财政资金 …); fields.h lists each kind's
/// labels. A form holds at most one row of each kind.
enum class FundsRowId : std::uint8_t {
  Total,           ///< 年度资金总额, 总额
  Fiscal,          ///< 当年财政拨款, 本年财政拨款, 本年一般公共预算拨款, 财政资金
  Carryover,       ///< 上年结转资金
  SpecialAccount,  ///< 财政专户管理资金
  UnitFunds,       ///< 单位资金
  Other,           ///< 其他资金
};
inline constexpr std::size_t kFundsRowCount = 6;
inline constexpr std::array<FundsRowId, kFundsRowCount> kFundsRows = {
    FundsRowId::Total,          FundsRowId::Fiscal,    FundsRowId::Carryover,
    FundsRowId::SpecialAccount, FundsRowId::UnitFunds, FundsRowId::Other};
/// The rows the total row sums.
inline constexpr std::array<FundsRowId, kFundsRowCount - 1> kSourceRows = {
    FundsRowId::Fiscal, FundsRowId::Carryover, FundsRowId::SpecialAccount, FundsRowId::UnitFunds,
    FundsRowId::Other};

struct FundsRow {
  /// The form has the row: it gives at least one of its values (a row with every value blank
  /// is the same as no row; readers drop it, see settle_form()).
  bool present = false;
  std::uint64_t offset = 0;
  Text label;       ///< the row's label as the form writes it (其中:本年财政拨款), if known
  Number initial;   ///< 年初预算数
  Number annual;    ///< 全年预算数
  Number executed;  ///< 全年执行数
  Number rate;      ///< 执行率, percent
  Number score;     ///< 得分 (total row only)

  /// Absent, every value missing at `at`.
  void reset(std::uint64_t at);
  /// True if any of its values is given (read or not).
  bool has_values() const {
    return initial.present() || annual.present() || executed.present() || rate.present() ||
           score.present();
  }
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
  /// An unscored sub-item (其中… under a ★ indicator): it has no weight and no score, and is
  /// not summed.
  Flag sub_item;

  bool is_sub_item() const { return sub_item.ok() && sub_item.value; }

  /// Every value missing at `at` (texts keep their capacity).
  void reset(std::uint64_t at);
};

enum class FieldKey : std::uint8_t;
/// A set of field keys (FieldKey values, fields.h).
using FieldSet = std::bitset<64>;

/// What a form's template prints, where it differs from plain pes/1: the fields it has no
/// place for (their absence is no finding; 评分等级 is required only of a template that has
/// it) and the budget block's 分值. Plain pes/1 forms have the defaults.
struct FormTemplate {
  FieldSet lacks;  ///< bit k: the template has no field with key k
  Decimal budget_weight = Decimal::of(10);

  bool has(FieldKey key) const { return !lacks.test(static_cast<std::size_t>(key)); }
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
  Text template_name;         ///< the template the form was filled in ("" for plain pes/1)
  FormTemplate tmpl;          ///< what that template prints
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
  Template,
  Year,
  Project,
  Department,
  Implementer,
  Unit,
  Funds,
  FundsWeight,
  Row,  // a whole funds row
  RowLabel,
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
  SubItem,
  Total,
  Grade,
  Count_,
};
inline constexpr std::size_t kFieldKeyCount = static_cast<std::size_t>(FieldKey::Count_);
static_assert(kFieldKeyCount <= FieldSet().size(), "FieldSet must hold every field key");

struct FieldRef {
  FieldKey key = FieldKey::Form;
  FundsRowId row = FundsRowId::Total;
  std::uint32_t indicator = 0;
};

}  // namespace pes
