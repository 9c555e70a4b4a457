// The indicator rows of the layout: each read from its 分值 and 得分, levels inherited or
// inferred, and rows cut by a page break joined back to the row above.
#include <fmt/format.h>

#include <bit>

#include "layout_parser.h"
#include "layout_text.h"
#include "pes/fields.h"
#include "pes/label_format.h"
#include "pes/labels.h"
#include "read/grid_place.h"

namespace pes::layout {

void Parser::indicator_row(const std::vector<Item>& items, std::uint64_t offset) {
  // 分值 and 得分 are the rightmost two numbers side by side; the rest is read from them.
  std::optional<std::size_t> score;
  for (std::size_t p = items.size(); p-- > 1;) {
    if (is_number(items[p].text) && is_number(items[p - 1].text)) {
      score = p;
      break;
    }
  }
  if (!score) {
    continuation(items);
    return;
  }
  const std::size_t p = *score;
  Indicator ind;
  ind.offset = offset;
  const auto index = static_cast<std::uint32_t>(form_.indicators.size());
  std::array<int, kRoles> cols;
  cols.fill(-1);
  cols[kWeight] = items[p - 1].col;
  cols[kScore] = items[p].col;
  cols[kReason] = items[p].col + 1;
  set_number(ind.weight, items[p - 1], {FieldKey::Weight, {}, index});
  set_number(ind.score, items[p], {FieldKey::Score, {}, index});
  std::string reason;
  for (std::size_t j = p + 1; j < items.size(); ++j) {
    if (j == p + 1) cols[kReason] = items[j].col;
    join_text(reason, items[j].text);
  }
  // A blank reason: the cell right of 得分, the one a person must fill in.
  const auto reason_col = static_cast<std::size_t>(items[p].col) + 1;
  ind.reason.set(reason, p + 1 < items.size() ? items[p + 1].offset
                         : row_ != nullptr    ? grid_cell_offset(doc_, *row_, reason_col)
                                              : offset);
  auto take = [&](Text& field, Role role, std::size_t k) {
    field.set(items[k].text, items[k].offset);
    cols[role] = items[k].col;
  };
  const std::size_t before = p - 1;  // items[0, before) hold the texts
  if (before >= 1) take(ind.actual, kActual, before - 1);
  if (before >= 2) take(ind.target, kTarget, before - 2);
  if (before >= 3) take(ind.name, kName, before - 3);
  if (!ind.actual.present()) ind.actual.reset(offset);
  if (!ind.target.present()) ind.target.reset(offset);
  if (!ind.name.present()) ind.name.reset(offset);

  const std::size_t levels = before >= 3 ? before - 3 : 0;
  const Item* l1 = levels >= 2 ? &items[levels - 2] : nullptr;
  const Item* l2 = levels >= 1 ? &items[levels - 1] : nullptr;
  if (levels == 1) {  // one of the two level cells is filled: which?
    const std::string n = normalize_label(l2->text);
    if (find_level1(n) || (!parents(n) && l2->col <= header_l1_col_)) std::swap(l1, l2);
  }
  const Indicator* prev = form_.indicators.empty() ? nullptr : &form_.indicators.back();
  std::string level1 = l1 ? normalize_label(l1->text) : std::string();
  std::string level2 = l2 ? normalize_label(l2->text) : std::string();
  if (l1 && !find_level1(level1) && parents(level1)) {
    // A level-1 cell holding a level-2 name: it is the level 2 when that cell is empty.
    if (!l2) {
      level2 = level1;
      l2 = l1;
    }
    repair(l1->offset, {FieldKey::Level1, {}, index},
           lformat("the ‹indicator.level1› cell holds “{}”, a level-2 name: read as "
                   "‹indicator.level2› {}, "
                   "its level 1 taken from the rows above",
                   l1->text, level2),
           lformat("‹indicator.level1›单元格填的是‹indicator.level2›名“{}”：按‹indicator.level2›“{}"
                   "”读取，‹indicator.level1›沿用上方",
                   l1->text, level2));
    l1 = nullptr;
    level1.clear();
  }
  if (!l1 && l2 && l2->col <= header_l1_col_ && parents(level2)) {
    // The level-2 name stands in the 一级指标 column, the 二级指标 cell beside it empty.
    repair(l2->offset, {FieldKey::Level1, {}, index},
           lformat("the ‹indicator.level1› cell holds “{}”, a level-2 name: read as "
                   "‹indicator.level2› {}, "
                   "its level 1 taken from the rows above",
                   l2->text, level2),
           lformat("‹indicator.level1›单元格填的是‹indicator.level2›名“{}”：按‹indicator.level2›“{}"
                   "”读取，‹indicator.level1›沿用上方",
                   l2->text, level2));
  }
  if (l1) cols[kLevel1] = l1->col;
  if (l2) cols[kLevel2] = l2->col;
  const std::uint64_t level_at = l1 ? l1->offset : (l2 ? l2->offset : ind.name.offset);
  if (!l1) {
    const unsigned up = l2 ? parents(level2) : 0;
    const bool fits =
        prev && prev->level1.ok() &&
        (!up || (find_level1(prev->level1.value) &&
                 (up >> static_cast<unsigned>(*find_level1(prev->level1.value)) & 1u)));
    if (fits) {
      level1 = prev->level1.value;
    } else if (std::popcount(up) == 1) {
      level1 = std::string(level1_label(static_cast<Level1>(std::countr_zero(up))));
      repair(
          level_at, {FieldKey::Level1, {}, index},
          lformat("‹indicator.level1› {} inferred from the ‹indicator.level2› {}", level1, level2),
          lformat("‹indicator.level1›“{}”由‹indicator.level2›“{}”推定", level1, level2));
    } else if (prev && prev->level1.ok()) {
      level1 = prev->level1.value;
    }
  }
  if (!l2 && prev && prev->level2.ok() && prev->level1.ok() && prev->level1.value == level1) {
    level2 = prev->level2.value;
  }
  if (level1.empty())
    ind.level1.reset(offset);
  else
    ind.level1.set(level1, level_at);
  if (level2.empty())
    ind.level2.reset(offset);
  else
    ind.level2.set(level2, l2 ? l2->offset : level_at);
  form_.indicators.push_back(std::move(ind));
  cols_ = cols;
  have_cols_ = true;
}

// A row with no 分值/得分 under the indicators: the rest of the row above, cut by a page break
// or a line wrap. Each cell joins the part of the row above whose column it stands in.
void Parser::continuation(const std::vector<Item>& items) {
  if (form_.indicators.empty() || !have_cols_) return;
  Indicator& ind = form_.indicators.back();
  const auto index = static_cast<std::uint32_t>(form_.indicators.size() - 1);
  std::string joined_en;
  std::string joined_zh;
  for (const Item& it : items) {
    int best = -1;
    int first = -1;
    for (std::size_t r = 0; r < kRoles; ++r) {
      if (cols_[r] < 0) continue;
      if (first < 0 || cols_[r] < cols_[static_cast<std::size_t>(first)])
        first = static_cast<int>(r);
      if (cols_[r] <= it.col && (best < 0 || cols_[r] >= cols_[static_cast<std::size_t>(best)])) {
        best = static_cast<int>(r);
      }
    }
    if (best < 0) best = first;
    const auto role = static_cast<Role>(best);
    Text* field = nullptr;
    FieldKey key = FieldKey::Reason;
    switch (role) {
      case kLevel1:
        key = FieldKey::Level1;
        break;
      case kLevel2:
        key = FieldKey::Level2;
        break;
      case kName:
        key = FieldKey::Name;
        break;
      case kTarget:
        key = FieldKey::Target;
        break;
      case kActual:
        key = FieldKey::Actual;
        break;
      case kWeight:
      case kScore:
      case kReason:
        key = FieldKey::Reason;
        break;
    }
    field = text_field(form_, field_info(key), {key, {}, index});
    const std::string_view en = field_label_zh(key);
    const std::string_view zh = en;
    std::string value = field->present() ? field->value : std::string();
    join_text(value, it.text);
    if (role == kLevel1 || role == kLevel2) value = normalize_label(value);
    field->set(std::move(value), field->present() ? field->offset : it.offset);
    if (!joined_en.empty()) {
      joined_en += ", ";
      joined_zh += "、";
    }
    joined_en += en;
    joined_zh += zh;
  }
  if (joined_en.empty()) return;
  repair(items.front().offset, {FieldKey::Indicator, {}, index},
         fmt::format("row taken as the continuation of indicator “{}” above (a page break or "
                     "line wrap split it): joined to its {}",
                     ind.name.value, joined_en),
         fmt::format("此行被视为上方指标“{}”的续行（分页或换行所致），已接入其{}", ind.name.value,
                     joined_zh));
}

}  // namespace pes::layout
