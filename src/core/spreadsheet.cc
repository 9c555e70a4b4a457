#include "pes/spreadsheet.h"

#include <fmt/format.h>

#include <array>

#include "pes/text.h"

namespace pes {
namespace {

// The characters after any leading apostrophes start like a formula.
bool apostrophes_then_formula(std::string_view text) {
  const auto first = text.find_first_not_of('\'');
  return first != std::string_view::npos && formula_start(text[first]);
}

constexpr Bilingual kAsText = {"re-enter it as text", "请以文本形式重新输入"};
constexpr Bilingual kValue = {"enter the value itself, not a formula", "请直接填写数值，而非公式"};

// A text that starts with = + - @ becomes a formula; these are what such formulas show.
constexpr Bilingual kBecameFormula = {"the cell became a formula that failed",
                                      "该单元格被当作公式计算，且计算失败"};

constexpr std::array kErrors = {
    SpreadsheetError{"#VALUE!", kBecameFormula, kAsText},
    SpreadsheetError{"#NAME?",
                     {"the cell became a formula with a name the spreadsheet does not know",
                      "该单元格被当作公式计算，其中有电子表格不认识的名称"},
                     kAsText},
    SpreadsheetError{
        "#REF!",
        {"a formula refers to a cell that no longer exists", "公式引用的单元格已不存在"},
        kValue},
    SpreadsheetError{"#DIV/0!", {"a formula divides by zero", "公式除以零"}, kValue},
    SpreadsheetError{"#N/A", {"a formula found no value", "公式找不到可用的值"}, kValue},
    SpreadsheetError{
        "#NUM!", {"a formula's number is out of range", "公式中的数值超出范围"}, kValue},
    SpreadsheetError{"#NULL!", {"a formula's ranges do not meet", "公式中的区域没有交集"}, kValue},
    SpreadsheetError{"#SPILL!", {"a formula's result has no room", "公式结果无处填放"}, kValue},
    SpreadsheetError{"#CALC!", {"a formula could not be computed", "公式无法计算"}, kValue},
    SpreadsheetError{
        "#GETTING_DATA", {"a formula was still waiting for its data", "公式仍在等待数据"}, kValue},
};

// LibreOffice shows its other errors by number, Err:501 to Err:5xx; Err:509 (a missing
// operator) is what a target such as =100.00(%) gives.
constexpr SpreadsheetError kLibreOffice = {"Err:5xx", kBecameFormula, kAsText};

}  // namespace

bool needs_neutralising(std::string_view text) { return apostrophes_then_formula(text); }

std::string neutralised(std::string_view text) {
  std::string out;
  if (needs_neutralising(text)) out += '\'';
  out += text;
  return out;
}

std::string_view unneutralised(std::string_view cell) {
  if (cell.starts_with('\'') && apostrophes_then_formula(cell.substr(1))) cell.remove_prefix(1);
  return cell;
}

const SpreadsheetError* spreadsheet_error(std::string_view cell) {
  const std::string_view s = trim_ascii(cell);
  if (s.size() < 4 || s.size() > 13) return nullptr;
  if (s.starts_with("Err:")) {
    const std::string_view code = s.substr(4);
    const bool digits = code.size() == 3 && code[0] == '5' && code[1] >= '0' && code[1] <= '9' &&
                        code[2] >= '0' && code[2] <= '9';
    return digits ? &kLibreOffice : nullptr;
  }
  if (s.front() != '#') return nullptr;
  for (const SpreadsheetError& e : kErrors) {
    if (s == e.value) return &e;
  }
  return nullptr;
}

const SpreadsheetError& spreadsheet_error_cell(std::string_view cell) {
  static constexpr SpreadsheetError kOther = {
      "", {"a formula failed", "公式计算失败"}, {"enter the value itself", "请直接填写原值"}};
  const SpreadsheetError* known = spreadsheet_error(cell);
  return known != nullptr ? *known : kOther;
}

Message spreadsheet_error_message(std::string_view where_en, std::string_view where_zh,
                                  std::string_view cell, const SpreadsheetError& error) {
  const std::string_view shown = trim_ascii(cell);
  return {fmt::format("{}: the spreadsheet shows {} here: {}; {}", where_en, shown, error.what.en,
                      error.mend.en),
          fmt::format("{}：电子表格在此显示 {}：{}；{}", where_zh, shown, error.what.zh,
                      error.mend.zh)};
}

}  // namespace pes
