#include "read/layout/layout_reader.h"

#include <fmt/format.h>

#include <array>
#include <bit>
#include <optional>
#include <string>

#include "layout_parser.h"
#include "layout_text.h"
#include "pes/fields.h"
#include "pes/labels.h"
#include "read/field_errors.h"
#include "read/layout/column_reader.h"
#include "read/layout/template_detect.h"

namespace pes::layout {

// The title every form of the template starts with.
constexpr std::string_view kTitle = "财政项目支出绩效自评表";

namespace {

// The funds row a label names: it holds the row's label or one of its aliases.
std::optional<FundsRowId> funds_row_of(std::string_view norm) {
  for (const FundsRowInfo& r : funds_rows()) {
    if (norm.find(r.zh) != std::string_view::npos) return r.id;
    for (std::string_view a : r.aliases) {
      if (norm.find(a) != std::string_view::npos) return r.id;
    }
  }
  return std::nullopt;
}

// The labels that stand before a value in the header, goals and totals rows.
bool is_label(std::string_view norm) {
  for (FieldKey k : {FieldKey::Project, FieldKey::Department, FieldKey::Implementer,
                     FieldKey::Grade, FieldKey::Total, FieldKey::Goals, FieldKey::GoalsExpected,
                     FieldKey::GoalsAchieved}) {
    if (norm == field_label_zh(k)) return true;
  }
  return false;
}

}  // namespace

void Parser::grid(const Grid& g) {
  rows(g, 0, g.rows.size());
  finish();
}

void Parser::rows(const Grid& g, std::size_t begin, std::size_t end) {
  for (std::size_t r = begin; r < end && r < g.rows.size(); ++r) {
    if (!g.rows[r].blank()) row(g.rows[r]);
  }
}

FindingSink Parser::sink() { return FindingSink(form_.index, doc_.findings); }

void Parser::repair(std::uint64_t offset, FieldRef ref, std::string en, std::string zh) {
  sink().add(RuleId::LayoutRepair, ref, offset, {std::move(en), std::move(zh)});
}

void Parser::start(std::uint64_t offset) {
  finish();
  form_.reset(offset);
  form_.index = static_cast<std::uint32_t>(doc_.forms.size());
  active_ = true;
  state_ = State::Header;
  exp_col_ = ach_col_ = -1;
  header_l1_col_ = 0;
  have_cols_ = false;
}

void Parser::finish() {
  if (!active_) return;
  active_ = false;
  const bool any = form_.project.present() || !form_.indicators.empty() ||
                   form_.row(FundsRowId::Total).present || form_.total.present();
  if (!any) {  // a title with nothing under it: forget it and what it said
    std::erase_if(doc_.findings, [&](const Finding& f) { return f.form == form_.index; });
    return;
  }
  doc_.forms.push_back(std::move(form_));
}

// The first cell after `i` that holds a value rather than the label again.
std::optional<Item> Parser::value_after(const std::vector<Item>& items, std::size_t i) const {
  for (std::size_t j = i + 1; j < items.size(); ++j) {
    const std::string norm = normalize_label(items[j].text);
    if (norm == normalize_label(items[i].text)) continue;  // a merged label spread out
    if (is_label(norm)) return std::nullopt;
    return items[j];
  }
  return std::nullopt;
}

void Parser::set_text(Text& field, const std::optional<Item>& item, std::uint64_t fallback) {
  if (item) {
    field.set(item->text, item->offset);
  } else {
    field.reset(fallback);
  }
}

void Parser::set_number(Number& field, const Item& item, FieldRef ref) {
  FindingSink s = sink();
  read_number(s, ref, item.offset, item.text, field);
}

void Parser::row(const GridRow& row) {
  row_ = &row;
  std::vector<Item> items;
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    if (row.cells[c].copy_left) continue;  // a merged cell is read once, from its left
    std::string text = clean_cell(row.cells[c].text);
    if (!text.empty()) {
      items.push_back({static_cast<int>(c), std::move(text), row.cells[c].offset});
    }
  }
  std::vector<std::string> norm;
  for (const Item& it : items) norm.push_back(normalize_label(it.text));
  auto find = [&](std::string_view label) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < norm.size(); ++i) {
      if (norm[i] == label) return i;
    }
    return std::nullopt;
  };

  // The unit of the amounts, where a row above the funds block states it: the title's
  // （单位：元）, a line of its own (金额单位：元), 项目资金(万元).
  auto note_unit = [&] {
    if (form_.unit.present() || (state_ != State::Header && state_ != State::Funds)) return;
    for (std::size_t i = 0; i < norm.size(); ++i) {
      if (const auto unit = stated_unit(norm[i])) {
        form_.unit.set(std::string(*unit), items[i].offset);
        return;
      }
    }
  };
  for (std::size_t i = 0; i < norm.size(); ++i) {
    if (norm[i].find(kTitle) != std::string::npos) {
      start(items[i].offset);
      if (auto y = year_in(norm[i])) form_.year.set(*y, items[i].offset);
      note_unit();
      return;
    }
  }
  const auto project = find(field_label_zh(FieldKey::Project));
  if (project && (!active_ || form_.project.present())) start(row.offset);
  if (!active_) return;
  note_unit();

  if (state_ == State::Header && !form_.year.present()) {
    for (std::size_t i = 0; i < norm.size(); ++i) {
      if (auto y = year_in(norm[i])) {
        form_.year.set(*y, items[i].offset);
        return;
      }
    }
  }
  if (project) {
    set_text(form_.project, value_after(items, *project), items[*project].offset);
    return;
  }
  const auto department = find(field_label_zh(FieldKey::Department));
  const auto implementer = find(field_label_zh(FieldKey::Implementer));
  if (department || implementer) {
    if (department) {
      set_text(form_.department, value_after(items, *department), items[*department].offset);
    }
    if (implementer) {
      set_text(form_.implementer, value_after(items, *implementer), items[*implementer].offset);
    }
    return;
  }
  for (std::size_t i = 0; i < norm.size(); ++i) {
    if (norm[i].starts_with(field_label_zh(FieldKey::Funds))) {
      state_ = State::Funds;
      bool row_follows = false;  // the label merged over the rows spreads into each of them
      for (std::size_t j = i + 1; j < norm.size(); ++j)
        row_follows |= funds_row_of(norm[j]).has_value();
      if (row_follows) continue;
      return;
    }
    if (state_ == State::Header || state_ == State::Funds) {
      if (auto id = funds_row_of(norm[i])) {
        funds_row(*id, items, i, row.offset);
        state_ = State::Funds;
        return;
      }
    }
  }
  if (const auto expected = find(field_label_zh(FieldKey::GoalsExpected))) {
    exp_col_ = items[*expected].col;
    const auto achieved = find(field_label_zh(FieldKey::GoalsAchieved));
    ach_col_ = achieved ? items[*achieved].col : -1;
    state_ = State::Goals;
    return;
  }
  const auto level1 = find(field_label_zh(FieldKey::Level1));
  if (level1 || (find(field_label_zh(FieldKey::Name)) && find(field_label_zh(FieldKey::Weight)))) {
    header_l1_col_ = level1 ? items[*level1].col : 0;
    state_ = State::Indicators;
    form_.indicators_state = FieldState::Valid;
    return;
  }
  if (const auto total = find(field_label_zh(FieldKey::Total))) {
    std::optional<Item> last;
    for (std::size_t j = *total + 1; j < items.size(); ++j) {
      if (norm[j] != field_label_zh(FieldKey::Total)) last = items[j];
    }
    if (last) set_number(form_.total, *last, {FieldKey::Total, {}, 0});
    state_ = State::Done;
    return;
  }
  if (const auto grade = find(field_label_zh(FieldKey::Grade))) {
    set_text(form_.grade, value_after(items, *grade), items[*grade].offset);
    state_ = State::Done;
    return;
  }
  if (find(field_label_zh(FieldKey::Goals))) {
    state_ = State::Goals;
    if (exp_col_ < 0) return;
  }
  if (state_ == State::Goals) goals_row(items, norm);
  if (state_ == State::Indicators) indicator_row(items, row.offset);
}

void Parser::funds_row(FundsRowId id, const std::vector<Item>& items, std::size_t label,
                       std::uint64_t offset) {
  FundsRow& r = form_.row(id);
  r.present = true;
  r.offset = offset;
  const std::string label_norm = normalize_label(items[label].text);
  std::vector<const Item*> values;
  for (std::size_t j = label + 1; j < items.size(); ++j) {
    if (normalize_label(items[j].text) != label_norm) values.push_back(&items[j]);
  }
  // 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分; a sub-row without its dashes
  // holds only the four amounts and the rate.
  std::array<FieldKey, 6> keys = {FieldKey::RowInitial,  FieldKey::RowAnnual, FieldKey::RowExecuted,
                                  FieldKey::FundsWeight, FieldKey::RowRate,   FieldKey::RowScore};
  if (values.size() == 4)
    keys = {FieldKey::RowInitial, FieldKey::RowAnnual, FieldKey::RowExecuted,
            FieldKey::RowRate,    FieldKey::Form,      FieldKey::Form};
  for (std::size_t k = 0; k < values.size() && k < keys.size(); ++k) {
    const Item& v = *values[k];
    if (v.text == "-" || v.text == "—" || v.text == "/") continue;
    const FieldRef ref{keys[k], id, 0};
    switch (keys[k]) {
      case FieldKey::RowInitial:
        set_number(r.initial, v, ref);
        break;
      case FieldKey::RowAnnual:
        set_number(r.annual, v, ref);
        break;
      case FieldKey::RowExecuted:
        set_number(r.executed, v, ref);
        break;
      case FieldKey::RowRate:
        set_number(r.rate, v, ref);
        break;
      case FieldKey::RowScore:
        if (id == FundsRowId::Total) set_number(r.score, v, ref);
        break;
      case FieldKey::FundsWeight:
        if (id == FundsRowId::Total)
          set_number(form_.funds_weight, v, {FieldKey::FundsWeight, {}, 0});
        break;
      default:
        break;
    }
  }
}

void Parser::goals_row(const std::vector<Item>& items, const std::vector<std::string>& norm) {
  std::array<std::string, 2> parts;
  std::array<std::uint64_t, 2> at = {0, 0};
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (is_label(norm[i])) continue;
    const std::size_t k = ach_col_ >= 0 && items[i].col >= ach_col_ ? 1 : 0;
    if (parts[k].empty()) at[k] = items[i].offset;
    join_text(parts[k], layout::strip_markup(items[i].text));
  }
  Text* fields[2] = {&form_.goals_expected, &form_.goals_achieved};
  constexpr FieldKey keys[2] = {FieldKey::GoalsExpected, FieldKey::GoalsAchieved};
  for (std::size_t k = 0; k < 2; ++k) {
    if (parts[k].empty()) continue;
    Text& f = *fields[k];
    if (f.present() && !f.value.empty()) {
      join_text(f.value, parts[k]);
      repair(
          at[k], {keys[k], {}, 0},
          fmt::format("text taken as the continuation of the {} ({}) from the row above (a page "
                      "break split it)",
                      field_info(keys[k]).en, field_label_zh(keys[k])),
          fmt::format("此行文字被视为上一行{}的续行（分页所致），已接在其后",
                      field_label_zh(keys[k])));
    } else {
      f.set(parts[k], at[k]);
    }
  }
}

}  // namespace pes::layout

namespace pes {

namespace {

// The one finding of a form no profile fits: the closest profile and what it missed.
void no_fit(const layout::TemplateFit& closest, std::uint64_t where, Document& doc) {
  std::string missing;
  for (const std::string& m : closest.missing) missing += (missing.empty() ? "" : ", ") + m;
  FindingSink sink(kWholeFile, doc.findings);
  sink.add(
      RuleId::ParseError, {}, where,
      {fmt::format("no template fits this form: the closest is {} ({} of its labels "
                   "found, no title {}; not found: {}); name one with --template",
                   closest.profile->name, closest.labels, closest.profile->titles.front(), missing),
       fmt::format("没有与此表相符的模板：最接近的是 {}（找到其 {} 个标签，没有标题“{}”；"
                   "未找到：{}）；可用 --template 指定",
                   closest.profile->name, closest.labels, closest.profile->titles.front(),
                   missing)});
}

}  // namespace

namespace {

// The forms from `first` on were read with `profile`: each names it.
void stamp(const TemplateProfile& profile, std::size_t first, Document& doc) {
  for (std::size_t i = first; i < doc.forms.size(); ++i) {
    doc.forms[i].template_name.set(profile.name, doc.forms[i].offset);
  }
}

}  // namespace

void read_layout(const std::vector<Grid>& grids, Document& doc, std::uint64_t where,
                 const TemplateSet& templates) {
  layout::Parser parser(doc);
  bool refused = false;
  for (const Grid& g : grids) {
    for (const layout::GridSpan& span : layout::split_at_titles(g, templates)) {
      const TemplateProfile* profile = templates.forced();
      layout::TemplateFit best;
      if (profile == nullptr) {
        best = layout::best_fit(g, span, templates);
        if (best.fits()) profile = best.profile;
      }
      if (profile == nullptr || profile->reader == TemplateReader::Printed) {
        const std::size_t before = doc.forms.size();
        parser.rows(g, span.begin, span.end);
        parser.finish();
        if (profile != nullptr) stamp(*profile, before, doc);
        if (profile == nullptr && doc.forms.size() == before && best.profile != nullptr &&
            best.labels > 0 && span.begin < g.rows.size()) {
          no_fit(best, g.rows[span.begin].offset, doc);
          refused = true;
        }
        continue;
      }
      const std::size_t before = doc.forms.size();
      layout::read_columns(g, span.begin, span.end, *profile, doc);
      stamp(*profile, before, doc);
    }
  }
  doc.parsed = !doc.forms.empty();
  doc.is_array = doc.forms.size() > 1;  // one form reads like one JSON object
  if (!doc.parsed && !refused) {
    FindingSink sink(kWholeFile, doc.findings);
    sink.add(RuleId::ParseError, {}, where,
             {fmt::format("no {} found: expected rows labelled {}, {}, {}, {} … {}, {}", layout::kTitle,
                          field_label_zh(FieldKey::Project), field_label_zh(FieldKey::Funds),
                          row_label_zh(FundsRowId::Total), field_label_zh(FieldKey::Level1),
                          field_label_zh(FieldKey::Total), field_label_zh(FieldKey::Grade)),
              fmt::format("未找到{}：应有“{}”“{}”“{}”“{}”……“{}”“{}”等行", layout::kTitle,
                          field_label_zh(FieldKey::Project), field_label_zh(FieldKey::Funds),
                          row_label_zh(FundsRowId::Total), field_label_zh(FieldKey::Level1),
                          field_label_zh(FieldKey::Total), field_label_zh(FieldKey::Grade))});
  }
}

}  // namespace pes
