#include "write/fix_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "pes/fields.h"
#include "pes/grade.h"
#include "pes/label_format.h"
#include "pes/recompute.h"
#include "pes/rules.h"
#include "pes/text.h"
#include "write/fix_notation.h"

namespace pes {
namespace {

// Calls f(field, ref) for every value field of a form the field table lists: the form's own,
// the funds block's, each present funds row's and each indicator's.
template <class F>
void each_value(const Form& form, F f) {
  for (const FieldInfo* fi : fields_of(FieldParent::Form)) f(*fi, FieldRef{fi->key});
  for (const FieldInfo* fi : fields_of(FieldParent::Funds)) f(*fi, FieldRef{fi->key});
  for (const FundsRowInfo& r : funds_rows()) {
    if (!form.row(r.id).present) continue;
    for (const FieldInfo* fi : fields_of(FieldParent::Row)) {
      if (fi->total_row_only && r.id != FundsRowId::Total) continue;
      f(*fi, FieldRef{fi->key, r.id, 0});
    }
  }
  for (std::size_t i = 0; i < form.indicators.size(); ++i) {
    for (const FieldInfo* fi : fields_of(FieldParent::Indicator)) {
      f(*fi, FieldRef{fi->key, FundsRowId::Total, static_cast<std::uint32_t>(i)});
    }
  }
}

// The state and offset of any value field.
struct ValueState {
  FieldState state = FieldState::Missing;
  std::uint64_t offset = 0;
};

ValueState state_of(const Form& form, const FieldInfo& fi, FieldRef ref) {
  if (fi.type == FieldType::Year) return {form.year.state, form.year.offset};
  if (fi.type == FieldType::Num) {
    if (const Number* n = number_field(form, fi, ref)) return {n->state, n->offset};
  }
  if (fi.type == FieldType::Str) {
    if (const Text* t = text_field(form, fi, ref)) return {t->state, t->offset};
  }
  return {};
}

// Whether a derived value is one of the values the filer's rounding gives, as the rules hold
// it: under `auto` either rounding is right.
bool right(Decimal reported, Decimal expected, const std::optional<Decimal>& other,
           RoundingPolicy policy) {
  return reported == expected || (policy == RoundingPolicy::Auto && other && reported == *other);
}

// "全年执行数 of 年度资金总额" and its English, for notes.
Message field_words(FieldRef ref) {
  const FieldInfo& fi = field_info(ref.key);
  if (fi.parent == FieldParent::Row) {
    return {fmt::format("{} ({})", field_name(ref), fi.zh),
            fmt::format("{}的{}", row_label_zh(ref.row), fi.zh)};
  }
  if (fi.parent == FieldParent::Indicator) {
    return {fmt::format("{} ({})", field_name(ref), fi.zh),
            fmt::format("第 {} 个指标的{}", ref.indicator + 1, fi.zh)};
  }
  return {fmt::format("{} ({})", field_name(ref), fi.zh), std::string(fi.zh)};
}

// The values every derived value depends on.
bool is_dependency(FieldKey key) {
  return key == FieldKey::RowAnnual || key == FieldKey::RowExecuted ||
         key == FieldKey::FundsWeight || key == FieldKey::Score || key == FieldKey::Indicators;
}

class Planner {
 public:
  Planner(const Form& form, const std::vector<Finding>& reader, const RawValue& raw,
          const FixOptions& options)
      : form_(form), reader_(reader), raw_(raw), options_(options) {}

  FormPlan run() {
    notation();
    if (const auto blocked = unreadable_dependency()) {
      const Message what = field_words(blocked->first);
      const std::string shown =
          blocked->second.empty() ? "" : fmt::format(" (“{}”)", blocked->second);
      plan_.note = {fmt::format("not touched: {}{} cannot be read, and the values pes mends "
                                "depend on it",
                                what.en, shown),
                    fmt::format("未作改动：{}{}无法读取，而需修正的数值依赖于它", what.zh, shown)};
      return std::move(plan_);
    }
    if (options_.unsafe) lower_scores();
    derived();
    for (auto& [offset, edit] : edits_) plan_.edits.push_back(std::move(edit));
    note();
    return std::move(plan_);
  }

 private:
  void edit(FieldRef ref, std::uint64_t offset, std::string text, FixKind kind, bool number) {
    edits_[offset] = {ref, offset, std::move(text), kind, number};
  }

  // Numbers and years written in another notation.
  void notation() {
    each_value(form_, [&](const FieldInfo& fi, FieldRef ref) {
      if (fi.type != FieldType::Num && fi.type != FieldType::Year) return;
      const ValueState s = state_of(form_, fi, ref);
      if (s.state == FieldState::Missing) return;
      const std::optional<std::string> raw = raw_(s.offset);
      if (!raw) return;
      const auto normal = fi.type == FieldType::Num ? normal_number(*raw) : normal_year(*raw);
      if (!normal) return;
      if (*normal != *raw) edit(ref, s.offset, *normal, FixKind::Notation, true);
      if (s.state == FieldState::Invalid) {
        cured_.insert(s.offset);
        if (fi.type == FieldType::Year) {
          form_.year.set(std::stoi(*normal), s.offset);
        } else if (Number* n = number_field(form_, fi, ref)) {
          n->set(*Decimal::parse(*normal).value, s.offset);
        }
      }
    });
  }

  // The first value a derived value depends on that cannot be read, with its text.
  std::optional<std::pair<FieldRef, std::string>> unreadable_dependency() const {
    std::optional<std::pair<FieldRef, std::string>> found;
    auto consider = [&](FieldRef ref, std::uint64_t offset) {
      if (found) return;
      found = std::make_pair(ref, raw_(offset).value_or(""));
    };
    if (form_.indicators_state == FieldState::Invalid) {
      found = std::make_pair(FieldRef{FieldKey::Indicators}, std::string());
    }
    each_value(form_, [&](const FieldInfo& fi, FieldRef ref) {
      if (!is_dependency(fi.key)) return;
      const ValueState s = state_of(form_, fi, ref);
      if (s.state == FieldState::Invalid) consider(ref, s.offset);
    });
    // A value read, but which another cell of the same form contradicts (CSV).
    for (const Finding& f : reader_) {
      if (f.rule != RuleId::InvalidField || !is_dependency(f.field.key)) continue;
      if (cured_.count(f.offset) > 0) continue;
      consider(f.field, f.offset);
    }
    return found;
  }

  // --unsafe: a missed quantitative target scored above the MoF rule gets the rule's score.
  void lower_scores() {
    Recomputed re;
    recompute(form_, options_.options, re);
    for (std::size_t i = 0; i < form_.indicators.size() && i < re.judgements.size(); ++i) {
      Indicator& ind = form_.indicators[i];
      const Judgement& j = re.judgements[i];
      if (j.kind != JudgementKind::Quantitative || j.met || !j.rule_score) continue;
      if (!ind.score.ok() || !ind.weight.ok() || ind.score.value.is_negative() ||
          ind.score.value > ind.weight.value) {
        continue;  // out of range: score-out-of-range, for a person
      }
      const Decimal highest =
          j.rule_score_other ? std::max(*j.rule_score, *j.rule_score_other) : *j.rule_score;
      if (ind.score.value <= highest) continue;
      const FieldRef ref{FieldKey::Score, FundsRowId::Total, static_cast<std::uint32_t>(i)};
      edit(ref, ind.score.offset, j.rule_score->str(), FixKind::Unsafe, true);
      ind.score.set(*j.rule_score, ind.score.offset);
    }
  }

  // Replaces a derived number that is not right (or cannot be read) with the recomputed one.
  void derived_number(Number& n, FieldRef ref, const std::optional<Decimal>& expected,
                      const std::optional<Decimal>& other, bool exact) {
    if (!n.present() || !expected) return;
    const RoundingPolicy policy = exact ? RoundingPolicy::Truncate : options_.options.rounding;
    if (n.ok() && right(n.value, *expected, other, policy)) return;
    edit(ref, n.offset, expected->str(), FixKind::Derived, true);
    n.set(*expected, n.offset);
  }

  void derived() {
    Recomputed re;
    recompute(form_, options_.options, re);
    for (FundsRowId id : kFundsRows) {
      FundsRow& row = form_.row(id);
      if (!row.present) continue;
      const auto i = static_cast<std::size_t>(id);
      derived_number(row.rate, {FieldKey::RowRate, id, 0}, re.rate[i], re.rate_other[i], false);
    }
    FundsRow& total_row = form_.row(FundsRowId::Total);
    if (total_row.present) {
      derived_number(total_row.score, {FieldKey::RowScore, FundsRowId::Total, 0}, re.budget_score,
                     re.budget_score_other, false);
    }
    // 总分 and 评分等级 only when every indicator has a score: a blank score is a person's to give.
    if (const auto blank = blank_score()) {
      if (form_.total.present() || form_.grade.present()) {
        blank_note_ = {
            lformat("‹total› and ‹grade› not mended: indicator {} has no score", *blank + 1),
            lformat("‹total›和‹grade›未修正：第 {} 个指标没有‹indicator.score›", *blank + 1)};
      }
      return;
    }
    recompute(form_, options_.options, re);  // over the mended budget score
    derived_number(form_.total, {FieldKey::Total}, re.total, std::nullopt, true);
    if (form_.grade.present() && re.grade) {
      const auto reported = form_.grade.ok() ? parse_grade(form_.grade.value) : std::nullopt;
      if (reported != re.grade) {
        const std::string label(grade_label_zh(*re.grade));
        edit({FieldKey::Grade}, form_.grade.offset, label, FixKind::Derived, false);
        form_.grade.set(label, form_.grade.offset);
      }
    }
  }

  std::optional<std::size_t> blank_score() const {
    if (form_.indicators_state != FieldState::Valid) return std::size_t{0};
    for (std::size_t i = 0; i < form_.indicators.size(); ++i) {
      if (!form_.indicators[i].score.ok()) return i;
    }
    return std::nullopt;
  }

  // What is left for a person: the findings `pes check` would still report on the mended form.
  void note() {
    Recomputed re;
    recompute(form_, options_.options, re);
    std::vector<Finding> found;
    check({form_, re, options_.options}, found);
    for (const Finding& f : reader_) {
      if (f.rule == RuleId::InvalidField && cured_.count(f.offset) > 0) continue;
      if (options_.options.rules.on(f.rule)) found.push_back(f);
    }
    std::map<std::string_view, std::size_t> by_rule;
    for (const Finding& f : found) ++by_rule[rule_info(f.rule).name];
    std::string en;
    std::string zh;
    for (const auto& [name, n] : by_rule) {
      en += fmt::format("{}{} ×{}", en.empty() ? "" : ", ", name, n);
      zh += fmt::format("{}{} ×{}", zh.empty() ? "" : "，", name, n);
    }
    if (!en.empty()) {
      plan_.note = {fmt::format("left for a person: {}", en), fmt::format("留待人工处理：{}", zh)};
      if (!options_.unsafe && by_rule.count(rule_info(RuleId::ScoreAboveRule).name) > 0) {
        plan_.note.en += " (pes fix --unsafe lowers scores above the rule)";
        plan_.note.zh += with_labels(
            "（pes fix --unsafe 可将高于规则的‹indicator.score›降至规则‹indicator.score›）");
      }
    }
    if (!blank_note_.en.empty()) {
      plan_.note.en += plan_.note.en.empty() ? blank_note_.en : "; " + blank_note_.en;
      plan_.note.zh += plan_.note.zh.empty() ? blank_note_.zh : "；" + blank_note_.zh;
    }
  }

  Form form_;  // mended as the plan goes
  const std::vector<Finding>& reader_;
  const RawValue& raw_;
  const FixOptions& options_;
  std::map<std::uint64_t, ValueEdit> edits_;
  std::set<std::uint64_t> cured_;  // offsets of values only their notation made unreadable
  Message blank_note_;
  FormPlan plan_;
};

}  // namespace

FormPlan plan_form(const Form& form, const std::vector<Finding>& reader_findings,
                   const RawValue& raw, const FixOptions& options) {
  return Planner(form, reader_findings, raw, options).run();
}

std::string form_title(const Form& form, bool many) {
  const std::string name = form.project.ok() ? shorten(form.project.value, 30) : "?";
  return many ? fmt::format("#{} {}", std::uint64_t{form.index} + 1, name) : name;  // from 1
}

}  // namespace pes
