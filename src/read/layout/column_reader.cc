// The layout reader of templates read by column: blocks by their labels, values by the column
// their header names. What the form holds besides (placeholder rows, footnotes, 其他需要说明
// 事项, unscored 其中 sub-rows, a header repeated after a page break) becomes a notice.
#include "read/layout/column_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "layout_text.h"
#include "pes/fields.h"
#include "pes/label_format.h"
#include "pes/labels.h"
#include "read/field_errors.h"
#include "read/grid_place.h"

namespace pes::layout {
namespace {

enum class Block : std::uint8_t { Header, Funds, Goals, Indicators, Done };

struct Cell {
  int col = 0;
  std::string text;  // cleaned
  std::string norm;  // normalize_label(text)
  std::string base;  // label_base(text)
  std::uint64_t offset = 0;
};

bool is_dash(std::string_view t) {
  return t == "-" || t == "—" || t == "/" || t == "——" || t == "－" || t == "--";
}

// 指标2, ……, ..., 指标: what a template prints where a filer may add an indicator.
bool is_placeholder(std::string_view norm) {
  if (norm.empty() || norm == "……" || norm == "…" || norm == "..." || norm == "......") return true;
  if (!norm.starts_with("指标")) return false;
  const std::string_view rest = norm.substr(std::string_view("指标").size());
  return std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class ColumnParser {
 public:
  ColumnParser(const TemplateProfile& p, Document& doc) : p_(p), doc_(doc) {}

  void row(const GridRow& row) {
    row_ = &row;
    std::vector<Cell> cells;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (row.cells[c].copy_left) continue;
      std::string text = clean_cell(row.cells[c].text);
      if (text.empty()) continue;
      Cell cell{static_cast<int>(c), text, normalize_label(text), label_base(text),
                row.cells[c].offset};
      cells.push_back(std::move(cell));
    }
    if (cells.empty()) return;
    if (title(cells)) {
      note_unit(cells);  // 2022年度项目支出绩效自评表（单位：元）
      return;
    }
    if (!active_) {
      // Rows before the title (附件1, 报表编号, …) are not the form's; without a title, the
      // form starts at its 项目名称.
      const bool project = std::any_of(cells.begin(), cells.end(), [&](const Cell& c) {
        return label_in(c.norm, c.base, p_.project);
      });
      if (!project) return;
      start(row.offset);
    }
    note_unit(cells);
    if (block_ == Block::Header && !form_.year.present()) {
      for (const Cell& c : cells) {
        if (auto y = year_in(c.norm)) {
          form_.year.set(*y, c.offset);
          return;
        }
      }
    }
    if (header_fields(cells, row.offset)) return;
    if (notice(cells)) return;
    if (block_ != Block::Indicators && funds_header(cells)) return;
    if (!funds_cols_.empty() && (block_ == Block::Funds || block_ == Block::Header) &&
        funds_row(cells, row.offset))
      return;
    if (goals_header(cells)) return;
    if (indicator_header(cells)) return;
    if (total_row(cells)) return;
    if (grade_row(cells)) return;
    if (block_ == Block::Goals) {
      goals_row(cells);
    } else if (block_ == Block::Indicators) {
      indicator_row(cells, row.offset);
    } else {
      unread(cells);
    }
  }

  void finish() {
    if (!active_) return;
    active_ = false;
    const bool any = form_.project.present() || !form_.indicators.empty() ||
                     form_.row(FundsRowId::Total).present || form_.total.present();
    if (!any) {
      std::erase_if(doc_.findings, [&](const Finding& f) { return f.form == form_.index; });
      return;
    }
    doc_.forms.push_back(std::move(form_));
  }

 private:
  FindingSink sink() { return FindingSink(form_.index, doc_.findings); }

  void notice(std::uint64_t offset, FieldRef ref, std::string en, std::string zh) {
    sink().add(RuleId::LayoutRepair, ref, offset, {std::move(en), std::move(zh)});
  }

  void start(std::uint64_t offset) {
    finish();
    form_.reset(offset);
    form_.index = static_cast<std::uint32_t>(doc_.forms.size());
    active_ = true;
    block_ = Block::Header;
    funds_cols_.clear();
    ind_cols_.clear();
    header_rows_ = 0;
    exp_col_ = ach_col_ = -1;
    level1_.clear();
    level2_.clear();
    score_col_ = -1;
  }

  bool title(const std::vector<Cell>& cells) {
    for (const Cell& c : cells) {
      for (const std::string& t : p_.titles) {
        if (c.norm.find(t) == std::string::npos) continue;
        if (active_ && block_ == Block::Header && !form_.project.present()) return true;
        start(c.offset);
        if (auto y = year_in(c.norm)) form_.year.set(*y, c.offset);
        return true;
      }
    }
    return false;
  }

  // The first cell after `i` that is not a label of the header block.
  std::optional<Cell> value_after(const std::vector<Cell>& cells, std::size_t i) const {
    for (std::size_t j = i + 1; j < cells.size(); ++j) {
      if (cells[j].norm == cells[i].norm) continue;  // a merged label spread out
      if (header_label(cells[j]) != nullptr) return std::nullopt;
      return cells[j];
    }
    return std::nullopt;
  }

  Text* header_label(const Cell& c) {
    if (label_in(c.norm, c.base, p_.project)) return &form_.project;
    if (label_in(c.norm, c.base, p_.department)) return &form_.department;
    if (label_in(c.norm, c.base, p_.implementer)) return &form_.implementer;
    return nullptr;
  }
  const Text* header_label(const Cell& c) const {
    return const_cast<ColumnParser*>(this)->header_label(c);
  }

  bool header_fields(const std::vector<Cell>& cells, std::uint64_t offset) {
    bool any = false;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      Text* field = header_label(cells[i]);
      if (field == nullptr) continue;
      if (field == &form_.project && form_.project.present()) {
        start(offset);  // a second 项目名称: the next form, without a title of its own
        return header_fields(cells, offset);
      }
      any = true;
      if (auto v = value_after(cells, i)) {
        field->set(v->text, v->offset);
      } else {
        field->reset(cells[i].offset);
      }
    }
    return any;
  }

  bool notice(const std::vector<Cell>& cells) {
    const Cell& first = cells.front();
    if (first.col != 0) return false;
    for (const std::string& n : p_.notices) {
      if (!first.norm.starts_with(n)) continue;
      notice(first.offset, {FieldKey::Form, {}, 0},
             fmt::format("row “{}” is not part of the form's data: left out", first.text),
             fmt::format("“{}”一行不属于自评表数据，未读入", first.text));
      return true;
    }
    return false;
  }

  // 项目资金 (万元) | 年初预算数 | 全年预算数 | … : the columns of the funds block.
  bool funds_header(const std::vector<Cell>& cells) {
    std::map<int, FieldKey> cols;
    bool block = false;
    for (const Cell& c : cells) {
      if (label_in(c.norm, c.base, p_.funds_block)) block = true;
      for (const TemplateColumn& col : p_.funds_columns) {
        if (label_in(c.norm, c.base, col.labels)) {
          cols.emplace(c.col, col.key);
          break;
        }
      }
    }
    if (cols.size() < 2 || (!block && cols.size() < 3)) return false;
    std::size_t indicator_labels = 0;
    for (const Cell& c : cells) {
      for (const TemplateColumn& col : p_.indicator_columns) {
        if (label_in(c.norm, c.base, col.labels)) {
          ++indicator_labels;
          break;
        }
      }
    }
    if (!block && indicator_labels >= 3) return false;  // the indicator table's header
    funds_cols_ = std::move(cols);
    block_ = Block::Funds;
    note_unit(cells);  // 项目资金(万元), 年度预算数(万元), wherever the block stands
    return true;
  }

  // The unit of the amounts, where the form's head or the funds block's header states it: the
  // title's （单位：元）, a line of its own (金额单位：元), 项目资金(万元) or (单位:元).
  void note_unit(const std::vector<Cell>& cells) {
    if (form_.unit.present() || (block_ != Block::Header && block_ != Block::Funds)) return;
    for (const Cell& c : cells) {
      if (const auto unit = stated_unit(c.norm)) {
        form_.unit.set(std::string(*unit), c.offset);
        return;
      }
    }
  }

  const TemplateRow* funds_row_of(const Cell& c) const {
    for (const TemplateRow& r : p_.funds_rows) {
      if (label_in(c.norm, c.base, r.labels)) return &r;
    }
    // a label with more around it (其中：当年财政拨款资金): the longest label it holds
    const TemplateRow* best = nullptr;
    std::size_t best_size = 0;
    for (const TemplateRow& r : p_.funds_rows) {
      for (const std::string& l : r.labels) {
        if (l.size() > best_size && c.norm.find(l) != std::string::npos) {
          best = &r;
          best_size = l.size();
        }
      }
    }
    return best;
  }

  bool funds_row(const std::vector<Cell>& cells, std::uint64_t offset) {
    const int first_value = funds_cols_.begin()->first;
    const Cell* label = nullptr;
    const TemplateRow* kind = nullptr;
    for (const Cell& c : cells) {
      if (c.col >= first_value) break;
      if ((kind = funds_row_of(c)) != nullptr) {
        label = &c;
        break;
      }
    }
    if (kind == nullptr) return false;
    if (!kind->row) {
      notice(label->offset, {FieldKey::Funds, {}, 0},
             fmt::format("funds row “{}” ({}) has no place in pes/1: left out", label->text,
                         kind->kind),
             fmt::format("资金行“{}”（{}）在 pes/1 中没有对应项，未读入", label->text, kind->kind));
      return true;
    }
    const FundsRowId id = *kind->row;
    FundsRow& r = form_.row(id);
    bool any = false;
    for (const Cell& c : cells) {
      auto it = funds_cols_.find(c.col);
      if (it == funds_cols_.end() || is_dash(c.norm)) continue;
      const FieldRef ref{it->second, id, 0};
      FindingSink s = sink();
      Number* target = nullptr;
      switch (it->second) {
        case FieldKey::RowInitial:
          target = &r.initial;
          break;
        case FieldKey::RowAnnual:
          target = &r.annual;
          break;
        case FieldKey::RowExecuted:
          target = &r.executed;
          break;
        case FieldKey::RowRate:
          target = &r.rate;
          break;
        case FieldKey::RowScore:
          if (id == FundsRowId::Total) target = &r.score;
          break;
        case FieldKey::FundsWeight:
          if (id == FundsRowId::Total) {
            read_number(s, {FieldKey::FundsWeight, {}, 0}, c.offset, c.text, form_.funds_weight);
          }
          break;
        default:
          break;
      }
      if (target != nullptr) {
        read_number(s, ref, c.offset, c.text, *target);
        any = true;
      }
    }
    if (any) {
      r.present = true;
      r.offset = offset;
    }
    block_ = Block::Funds;
    return true;
  }

  bool goals_header(const std::vector<Cell>& cells) {
    std::size_t at = cells.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (label_in(cells[i].norm, cells[i].base, p_.goals_block)) {
        at = i;
        break;
      }
    }
    int exp = -1;
    int ach = -1;
    for (const Cell& c : cells) {
      if (exp < 0 && label_in(c.norm, c.base, p_.goals_expected)) exp = c.col;
      if (ach < 0 && label_in(c.norm, c.base, p_.goals_achieved)) ach = c.col;
    }
    if (at == cells.size() && exp < 0) return false;
    block_ = Block::Goals;
    if (exp >= 0) {
      exp_col_ = exp;
      ach_col_ = ach;
      return true;
    }
    // No 预期目标 / 实际完成情况 headers: the values stand beside the label.
    std::vector<const Cell*> values;
    for (std::size_t j = at + 1; j < cells.size(); ++j) {
      if (cells[j].norm != cells[at].norm) values.push_back(&cells[j]);
    }
    exp_col_ = values.empty() ? cells[at].col + 1 : values.front()->col;
    ach_col_ = values.size() > 1 ? values[1]->col : exp_col_ + 1;
    if (!values.empty()) goals_row(cells);
    return true;
  }

  void goals_row(const std::vector<Cell>& cells) {
    for (const Cell& c : cells) {
      if (c.col < exp_col_) {
        // the block's label merged down, or a heading of the template's own (2.项目实施内容…)
        if (!label_in(c.norm, c.base, p_.goals_block)) {
          notice(c.offset, {FieldKey::Goals, {}, 0},
                 fmt::format("“{}” stands left of the goals' columns: left out", c.text),
                 fmt::format("“{}”不在目标列中，未读入", c.text));
        }
        continue;
      }
      Text& f = (ach_col_ >= 0 && c.col >= ach_col_) ? form_.goals_achieved : form_.goals_expected;
      const std::string text = strip_markup(c.text);
      if (f.present() && !f.value.empty()) {
        std::string joined = f.value;
        join_text(joined, text);
        f.set(std::move(joined), f.offset);
      } else {
        f.set(text, c.offset);
      }
    }
  }

  // 一级指标 | 二级指标 | 三级指标 | 年度指标值 | …; a second row of headers under the first
  // (指标性质 | 指标值 | 度量单位) refines it.
  bool indicator_header(const std::vector<Cell>& cells) {
    std::map<int, FieldKey> cols;
    for (const Cell& c : cells) {
      for (const TemplateColumn& col : p_.indicator_columns) {
        if (label_in(c.norm, c.base, col.labels)) {
          cols.emplace(c.col, col.key);
          break;
        }
      }
    }
    // a second header row stands right under the first
    const bool refines =
        block_ == Block::Indicators && header_rows_ == 1 && right_after_header_ && cols.size() >= 2;
    if (cols.size() < 3 && !refines) return false;
    if (block_ == Block::Indicators && !refines) {
      if (data_rows_ > 0) {
        notice(cells.front().offset, {FieldKey::Indicators, {}, 0},
               "the indicator table's header repeated (a page break): skipped",
               "指标表表头重复出现（分页所致），已跳过");
      }
      return true;
    }
    if (refines) {
      for (const auto& [col, key] : cols) ind_cols_[col] = key;
      header_rows_ = 2;
    } else {
      ind_cols_ = std::move(cols);
      header_rows_ = 1;
      data_rows_ = 0;
    }
    block_ = Block::Indicators;
    right_after_header_ = true;
    form_.indicators_state = FieldState::Valid;
    score_col_ = -1;
    for (const auto& [col, key] : ind_cols_) {
      if (key == FieldKey::Score) score_col_ = col;
    }
    return true;
  }

  bool total_row(const std::vector<Cell>& cells) {
    const Cell& first = cells.front();
    if (!label_in(first.norm, first.base, p_.total_labels)) return false;
    block_ = Block::Done;
    // 总分 | 96 | 评分等级 | 优, as a filer may write the row by hand: the grade after its label,
    // the total before it.
    std::size_t end = cells.size();
    for (std::size_t i = 1; i < cells.size() && p_.grade != GradePlace::None; ++i) {
      if (!label_in(cells[i].norm, cells[i].base, p_.grade_labels)) continue;
      end = i;
      if (i + 1 < cells.size() && !form_.grade.present()) {
        form_.grade.set(cells[i + 1].text, cells[i + 1].offset);
      }
      break;
    }
    bool read = false;
    for (std::size_t i = 1; i < end; ++i) {
      const Cell& c = cells[i];
      if (score_col_ >= 0 && c.col == score_col_) {
        FindingSink s = sink();
        read_number(s, {FieldKey::Total, {}, 0}, c.offset, c.text, form_.total);
        read = true;
      } else if (score_col_ >= 0 && c.col > score_col_ && p_.grade != GradePlace::None &&
                 !form_.grade.present()) {
        form_.grade.set(c.text, c.offset);  // the grade inside the total row
      }
    }
    // No indicator table, or the row written by hand with its grade: the last value before
    // the grade. (A total row with nothing in the score column is otherwise unscored.)
    if (!read && end > 1 && (score_col_ < 0 || end < cells.size())) {
      FindingSink s = sink();
      read_number(s, {FieldKey::Total, {}, 0}, cells[end - 1].offset, cells[end - 1].text,
                  form_.total);
    }
    return true;
  }

  bool grade_row(const std::vector<Cell>& cells) {
    if (p_.grade == GradePlace::None) return false;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (!label_in(cells[i].norm, cells[i].base, p_.grade_labels)) continue;
      for (std::size_t j = i + 1; j < cells.size(); ++j) {
        if (cells[j].norm == cells[i].norm) continue;
        form_.grade.set(cells[j].text, cells[j].offset);
        return true;
      }
      form_.grade.reset(cells[i].offset);
      return true;
    }
    return false;
  }

  void indicator_row(const std::vector<Cell>& cells, std::uint64_t offset) {
    right_after_header_ = false;
    std::map<FieldKey, std::string> text;
    std::map<FieldKey, std::uint64_t> at;
    for (const Cell& c : cells) {
      auto it = ind_cols_.find(c.col);
      if (it == ind_cols_.end()) continue;
      std::string& t = text[it->second];
      if (t.empty()) at[it->second] = c.offset;
      t += c.text;  // 指标性质 + 指标值 + 度量单位
    }
    auto get = [&](FieldKey k) -> const std::string& {
      static const std::string none;
      auto it = text.find(k);
      return it == text.end() ? none : it->second;
    };
    const std::string& l1 = get(FieldKey::Level1);
    const std::string& l2 = get(FieldKey::Level2);
    if (!l1.empty()) {
      level1_ = normalize_label(l1);
      level1_at_ = at[FieldKey::Level1];
      level2_.clear();
    }
    if (!l2.empty()) {
      level2_ = normalize_label(l2);
      level2_at_ = at[FieldKey::Level2];
    }
    const std::string& name = get(FieldKey::Name);
    const bool scored = !get(FieldKey::Weight).empty() || !get(FieldKey::Score).empty();
    const bool valued = scored || !get(FieldKey::Target).empty() || !get(FieldKey::Actual).empty();
    const auto index = static_cast<std::uint32_t>(form_.indicators.size());
    const std::uint64_t where = cells.front().offset;
    if (!valued) {
      if (is_placeholder(normalize_label(name))) {
        notice(where, {FieldKey::Indicators, {}, 0},
               name.empty() ? std::string("an indicator row with no indicator: left out")
                            : fmt::format("placeholder row “{}”: left out", name),
               name.empty() ? std::string("没有指标的指标行，未读入")
                            : fmt::format("占位行“{}”，未读入", name));
      } else if (normalize_label(name).starts_with("其中")) {
        notice(where, {FieldKey::Indicators, {}, 0},
               fmt::format("unscored sub-row “{}”: left out", name),
               fmt::format("未计分的子行“{}”，未读入", name));
      } else {
        notice(where, {FieldKey::Indicators, {}, 0},
               fmt::format("indicator row “{}” has no target, value, weight or score (the form "
                           "is cut here?): left out",
                           name),
               lformat("指标行“{}”没有指标值、完成值、‹indicator.weight›和‹indicator."
                       "score›（表格在此截断？），未读入",
                       name));
      }
      return;
    }
    if (!scored && normalize_label(name).starts_with("其中")) {
      notice(where, {FieldKey::Indicators, {}, 0},
             fmt::format("unscored sub-row “{}”: left out", name),
             fmt::format("未计分的子行“{}”，未读入", name));
      return;
    }
    ++data_rows_;
    Indicator ind;
    ind.reset(offset);
    ind.offset = offset;
    if (!level1_.empty()) ind.level1.set(level1_, level1_at_);
    if (!level2_.empty()) ind.level2.set(level2_, level2_at_);
    auto put_text = [&](Text& f, FieldKey k) {
      if (!get(k).empty()) f.set(get(k), at[k]);
    };
    put_text(ind.name, FieldKey::Name);
    put_text(ind.target, FieldKey::Target);
    put_text(ind.actual, FieldKey::Actual);
    ind.reason.set(get(FieldKey::Reason), text.count(FieldKey::Reason)
                                              ? at[FieldKey::Reason]
                                              : blank_cell(FieldKey::Reason, offset));
    FindingSink s = sink();
    if (!get(FieldKey::Weight).empty())
      read_number(s, {FieldKey::Weight, {}, index}, at[FieldKey::Weight], get(FieldKey::Weight),
                  ind.weight);
    if (!get(FieldKey::Score).empty())
      read_number(s, {FieldKey::Score, {}, index}, at[FieldKey::Score], get(FieldKey::Score),
                  ind.score);
    form_.indicators.push_back(std::move(ind));
  }

  // Where the blank cell of the current row under the column of `key` stands (the cell a
  // person must fill in), else `fallback`.
  std::uint64_t blank_cell(FieldKey key, std::uint64_t fallback) {
    for (const auto& [col, k] : ind_cols_) {
      if (k == key && row_ != nullptr) {
        return grid_cell_offset(doc_, *row_, static_cast<std::size_t>(col));
      }
    }
    return fallback;
  }

  void unread(const std::vector<Cell>& cells) {
    if (block_ == Block::Done || block_ == Block::Funds) {
      notice(cells.front().offset, {FieldKey::Form, {}, 0},
             fmt::format("row “{}” is not part of the {} template: left out", cells.front().text,
                         p_.name),
             fmt::format("“{}”一行不属于模板 {}，未读入", cells.front().text, p_.name));
    }
  }

  const TemplateProfile& p_;
  Document& doc_;
  Form form_;
  bool active_ = false;
  Block block_ = Block::Header;
  std::map<int, FieldKey> funds_cols_;
  std::map<int, FieldKey> ind_cols_;
  const GridRow* row_ = nullptr;  // the row being read
  int header_rows_ = 0;
  bool right_after_header_ = false;
  int data_rows_ = 0;
  int exp_col_ = -1;
  int ach_col_ = -1;
  int score_col_ = -1;
  std::string level1_;
  std::string level2_;
  std::uint64_t level1_at_ = 0;
  std::uint64_t level2_at_ = 0;
};

}  // namespace

void read_columns(const Grid& grid, std::size_t begin, std::size_t end,
                  const TemplateProfile& profile, Document& doc) {
  ColumnParser parser(profile, doc);
  for (std::size_t r = begin; r < end && r < grid.rows.size(); ++r) {
    if (!grid.rows[r].blank()) parser.row(grid.rows[r]);
  }
  parser.finish();
}

}  // namespace pes::layout
