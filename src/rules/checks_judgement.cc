// Checks of each indicator's target and actual against its score (the MoF scoring rules),
// and of the indicator list's shape: duplicates, level-1 weights.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "checks.h"
#include "pes/labels.h"
#include "pes/text.h"

namespace pes::checks {
namespace {

FieldRef at(FieldKey key, std::size_t i) {
  return {key, FundsRowId::Total, static_cast<std::uint32_t>(i)};
}

// An indicator whose score, weight and judgement a score check needs.
struct Scored {
  std::size_t index;
  const Indicator& ind;
  const Judgement& j;
  Decimal score;
  Decimal weight;
};

// Calls f for every indicator with a judgement, a score and a weight, the score within [0, weight]
// (outside it, score-out-of-range speaks).
template <class F>
void each_scored(const CheckContext& ctx, F f) {
  const auto& inds = ctx.form.indicators;
  for (std::size_t i = 0; i < inds.size() && i < ctx.re.judgements.size(); ++i) {
    const Indicator& ind = inds[i];
    const Judgement& j = ctx.re.judgements[i];
    if (j.kind == JudgementKind::NotJudged || !ind.score.ok() || !ind.weight.ok()) continue;
    if (ind.score.value.is_negative() || ind.score.value > ind.weight.value) continue;
    f(Scored{i, ind, j, ind.score.value, ind.weight.value});
  }
}

// True if the full weight is the MoF rule's own score for a missed quantitative target, rounded
// either way (≥95 → 94.99 with weight 15: 14.998…, 15.00 half-up; > 95 → 95: 15 × 95 ÷ 95).
bool rule_gives_full(const Scored& s) {
  const Decimal full = s.weight.with_digits(2);
  return s.j.kind == JudgementKind::Quantitative &&
         ((s.j.rule_score && *s.j.rule_score == full) ||
          (s.j.rule_score_other && *s.j.rule_score_other == full));
}

// A missed target scored the full weight the rule does not give: target-missed-full-score's
// case, which the other score checks leave to it while it is on.
bool missed_full(const CheckContext& ctx, const Scored& s) {
  return !s.j.met && s.score == s.weight && !rule_gives_full(s) &&
         ctx.options.rules.on(RuleId::TargetMissedFullScore);
}

// "≥95.00(%) → 90.00(%)" or "健全 → 部分达成", as the form writes them.
std::string target_to_actual(const Indicator& ind) {
  return fmt::format("{} → {}", shorten(ind.target.value), shorten(ind.actual.value));
}

std::string_view completion_zh(Completion c) {
  switch (c) {
    case Completion::Achieved:
      return "达成";
    case Completion::Partial:
      return "部分达成";
    case Completion::NotAchieved:
      return "未达成";
  }
  return "达成";
}

// A message with the judgement's hint after it, where it has one.
Message hinted(Message m, const Judgement& j) {
  if (!j.hint.en.empty()) {
    m.en += "; " + j.hint.en;
    m.zh += "；" + j.hint.zh;
  }
  return m;
}

std::string band_text(const Judgement& j) {
  return fmt::format("[{}, {}{}", j.band_low.str(), j.band_high.str(),
                     j.band_high_inclusive ? "]" : ")");
}

}  // namespace

void target_missed_full_score(const CheckContext& ctx, FindingSink& sink) {
  each_scored(ctx, [&](const Scored& s) {
    if (s.j.met || s.score != s.weight || rule_gives_full(s)) return;
    sink.add(
        RuleId::TargetMissedFullScore, at(FieldKey::Score, s.index), s.ind.score.offset,
        hinted({fmt::format("“{}” missed its target ({}) yet scored the full {}",
                            shorten(s.ind.name.value), target_to_actual(s.ind), s.weight.str()),
                lformat("“{}”未达到‹indicator.target›（{}），却得满分 {}",
                        shorten(s.ind.name.value), target_to_actual(s.ind), s.weight.str())},
               s.j),
        s.score.str(), fmt::format("< {}", s.weight.str()));
  });
}

void score_above_rule(const CheckContext& ctx, FindingSink& sink) {
  each_scored(ctx, [&](const Scored& s) {
    if (s.j.kind != JudgementKind::Quantitative || s.j.met || !s.j.rule_score) return;
    if (missed_full(ctx, s)) return;
    const Decimal rule = *s.j.rule_score;
    const Decimal highest = s.j.rule_score_other ? std::max(rule, *s.j.rule_score_other) : rule;
    if (s.score <= highest) return;
    const std::string formula = s.j.negative
                                    ? fmt::format("{} × {} ÷ {}", s.weight.str(),
                                                  s.j.target.number.str(), s.j.actual.number.str())
                                    : fmt::format("{} × {} ÷ {}", s.weight.str(),
                                                  s.j.actual.number.str(), s.j.target.number.str());
    sink.add(
        RuleId::ScoreAboveRule, at(FieldKey::Score, s.index), s.ind.score.offset,
        hinted(
            {fmt::format("“{}” missed its target ({}): the MoF rule gives {} ({}), but it "
                         "scored {}",
                         shorten(s.ind.name.value), target_to_actual(s.ind), rule.str(), formula,
                         s.score.str()),
             lformat("“{}”未达到‹indicator.target›（{}）：按财政部评分规则应得 {}（{}），实得 {}",
                     shorten(s.ind.name.value), target_to_actual(s.ind), rule.str(), formula,
                     s.score.str())},
            s.j),
        s.score.str(), fmt::format("≤ {}", highest.str()));
  });
}

void qualitative_band(const CheckContext& ctx, FindingSink& sink) {
  each_scored(ctx, [&](const Scored& s) {
    if (s.j.kind != JudgementKind::Qualitative || missed_full(ctx, s)) return;
    // The lower bound at the form's 2 decimals, rounded down: 80% of 3.33 is 2.664, and 2.66
    // is in the band. The upper bound of an open band is exact: "under 80%".
    const bool below = s.score < s.j.band_low.round(2, Rounding::Truncate);
    const bool above = s.j.band_high_inclusive ? s.score > s.j.band_high : s.score >= s.j.band_high;
    if (!below && !above) return;
    const std::string band = band_text(s.j);
    sink.add(
        RuleId::QualitativeBand, at(FieldKey::Score, s.index), s.ind.score.offset,
        {fmt::format("“{}” is {} ({}), which scores {} of {}, but it scored {}",
                     shorten(s.ind.name.value), completion_name(s.j.completion), s.ind.actual.value,
                     band, s.weight.str(), s.score.str()),
         lformat("“{}”{}（{}），‹indicator.score›应在 {} 之间（‹indicator.weight› {}），实得 {}",
                 shorten(s.ind.name.value), completion_zh(s.j.completion), s.ind.actual.value, band,
                 s.weight.str(), s.score.str())},
        s.score.str(), band);
  });
}

void target_met_deducted(const CheckContext& ctx, FindingSink& sink) {
  each_scored(ctx, [&](const Scored& s) {
    // Quantitative only: when a number meets its target the MoF rule gives the full weight. A
    // qualitative 达成 may score anywhere in 80–100% (qualitative-band judges that).
    if (s.j.kind != JudgementKind::Quantitative || !s.j.met || s.score >= s.weight) return;
    sink.add(
        RuleId::TargetMetDeducted, at(FieldKey::Score, s.index), s.ind.score.offset,
        {fmt::format("“{}” met its target ({}) yet scored {} of {}", shorten(s.ind.name.value),
                     target_to_actual(s.ind), s.score.str(), s.weight.str()),
         lformat(
             "“{}”已达到‹indicator.target›（{}），‹indicator.score› {}（‹indicator.weight› {}）",
             shorten(s.ind.name.value), target_to_actual(s.ind), s.score.str(), s.weight.str())},
        s.score.str(), s.weight.str());
  });
}

void unit_mismatch(const CheckContext& ctx, FindingSink& sink) {
  const auto& inds = ctx.form.indicators;
  for (std::size_t i = 0; i < inds.size() && i < ctx.re.judgements.size(); ++i) {
    const Judgement& j = ctx.re.judgements[i];
    if (j.target.kind != ValueKind::Quantity || j.actual.kind != ValueKind::Quantity) continue;
    if (j.target.unit.empty() || j.actual.unit.empty() || j.target.unit == j.actual.unit) continue;
    const Indicator& ind = inds[i];
    sink.add(
        RuleId::UnitMismatch, at(FieldKey::Actual, i), ind.actual.offset,
        {fmt::format("“{}”: the target {} is in {}, the actual {} in {}", shorten(ind.name.value),
                     ind.target.value, j.target.unit, ind.actual.value, j.actual.unit),
         lformat("“{}”：‹indicator.target› {} 单位为{}，‹indicator.actual› {} 单位为{}",
                 shorten(ind.name.value), ind.target.value, j.target.unit, ind.actual.value,
                 j.actual.unit)},
        j.actual.unit, j.target.unit);
  }
}

void unreadable_value(const CheckContext& ctx, FindingSink& sink) {
  const auto& inds = ctx.form.indicators;
  for (std::size_t i = 0; i < inds.size() && i < ctx.re.judgements.size(); ++i) {
    const Judgement& j = ctx.re.judgements[i];
    if (j.kind != JudgementKind::NotJudged) continue;
    const Indicator& ind = inds[i];
    const struct {
      const Text& cell;
      ValueKind kind;
      FieldKey key;
      std::string_view en;
    } cells[] = {{ind.target, j.target.kind, FieldKey::Target, "target"},
                 {ind.actual, j.actual.kind, FieldKey::Actual, "actual"}};
    for (const auto& c : cells) {
      // A spreadsheet's error value too: only a table's reader reports it as spreadsheet-error,
      // and no format may leave an indicator unjudged in silence.
      if (c.kind != ValueKind::Unreadable || !c.cell.ok()) continue;
      const std::string name = ind.name.ok() && !ind.name.value.empty()
                                   ? fmt::format("“{}”", shorten(ind.name.value))
                                   : fmt::format("indicator {}", i + 1);
      const std::string name_zh = ind.name.ok() && !ind.name.value.empty()
                                      ? fmt::format("“{}”", shorten(ind.name.value))
                                      : fmt::format("第 {} 个指标", i + 1);
      sink.add(RuleId::UnreadableValue, at(c.key, i), c.cell.offset,
               {fmt::format("{} is not judged: its {} ({}) “{}” cannot be read as a number with "
                            "its comparison and unit, a qualitative target or a completion",
                            name, c.en, field_label_zh(c.key), shorten(c.cell.value)),
                fmt::format("{}未予评判：其{}“{}”无法识别为带比较符和单位的数值、定性目标或完成"
                            "情况",
                            name_zh, field_label_zh(c.key), shorten(c.cell.value))},
               shorten(c.cell.value), "");
    }
  }
}

void add_duplicate(FindingSink& sink, const Indicator& ind, std::size_t first, std::size_t i) {
  sink.add(RuleId::DuplicateIndicator, at(FieldKey::Name, i), ind.name.offset,
           {fmt::format("“{}” appears twice under {} (indicators {} and {})",
                        shorten(ind.name.value), shorten(ind.level2.value), first + 1, i + 1),
            fmt::format("“{}”在{}下出现两次（第 {} 和第 {} 个指标）", shorten(ind.name.value),
                        shorten(ind.level2.value), first + 1, i + 1)},
           shorten(ind.name.value), "");
}

void duplicate_indicator(const CheckContext& ctx, FindingSink& sink) {
  const auto& inds = ctx.form.indicators;
  constexpr std::size_t kFew = 32;
  if (inds.size() <= kFew) {
    // A form's few indicators: each is compared with those before it, on the labels as written
    // where they have nothing to normalize (no copy), else on their normalized copies.
    std::array<std::string_view, kFew> names;
    std::array<std::string_view, kFew> level2s;
    std::vector<std::string> folded;  // only when a label needs folding
    auto normalized = [&](const std::string& label, std::size_t slot) -> std::string_view {
      if (is_plain_label(label)) return label;
      if (folded.empty()) folded.resize(2 * inds.size());
      return normalize_label(label, folded[slot]);
    };
    for (std::size_t i = 0; i < inds.size(); ++i) {
      // Sub-items (其中…) repeat under each indicator they belong to: not compared.
      names[i] = inds[i].name.ok() && !inds[i].is_sub_item() ? normalized(inds[i].name.value, 2 * i)
                                                             : std::string_view();
      level2s[i] = normalized(inds[i].level2.value, 2 * i + 1);
    }
    for (std::size_t i = 0; i < inds.size(); ++i) {
      if (names[i].empty()) continue;
      for (std::size_t j = 0; j < i; ++j) {
        if (names[j] == names[i] && level2s[j] == level2s[i]) {
          add_duplicate(sink, inds[i], j, i);
          break;
        }
      }
    }
    return;
  }
  std::unordered_map<std::string, std::size_t> seen;  // level 2 + name → first index
  for (std::size_t i = 0; i < inds.size(); ++i) {
    const Indicator& ind = inds[i];
    if (!ind.name.ok() || ind.is_sub_item()) continue;
    const std::string name = normalize_label(ind.name.value);
    if (name.empty()) continue;
    std::string key = normalize_label(ind.level2.value);
    key += '\n';
    key += name;
    const auto [it, first] = seen.try_emplace(std::move(key), i);
    if (!first) add_duplicate(sink, ind, it->second, i);
  }
}

void level1_weights(const CheckContext& ctx, FindingSink& sink) {
  const auto& inds = ctx.form.indicators;
  if (inds.empty()) return;
  for (Level1 l : {Level1::Output, Level1::Benefit, Level1::Satisfaction}) {
    const int suggested = *level1_suggested_weight(l);
    Decimal weight = Decimal::of(0, 2);
    std::optional<std::size_t> first;
    for (const LevelSum& level : ctx.re.levels) {
      if (level.category != l) continue;
      if (!level.weights_complete) return;  // a weight could not be read: no sum to judge
      if (!first) first = level.first;
      weight = weight + level.weight;
    }
    if (weight == Decimal::of(suggested)) continue;
    const FieldRef field = first ? at(FieldKey::Level1, *first) : FieldRef{FieldKey::Indicators};
    const std::uint64_t offset = first ? inds[*first].level1.offset : inds.front().offset;
    sink.add(
        RuleId::Level1Weights, field, offset,
        {fmt::format("{} weighs {}; the MoF suggests {}", level1_label(l), weight.str(), suggested),
         lformat("{}‹indicator.weight›合计 {}，财政部建议 {}", level1_label(l), weight.str(),
                 suggested)},
        weight.str(), std::to_string(suggested));
  }
}

void level1_declared_weight(const CheckContext& ctx, FindingSink& sink) {
  const auto& inds = ctx.form.indicators;
  for (const LevelSum& level : ctx.re.levels) {
    if (!level.declared || !level.weights_complete) continue;
    if (level.weight == *level.declared) continue;
    const Indicator& ind = inds[level.first];
    const std::string declared = level.declared->str();
    sink.add(RuleId::Level1DeclaredWeight, at(FieldKey::Level1, level.first), ind.level1.offset,
             {fmt::format("“{}” declares {} points, but the weights of its indicators add up to {}",
                          shorten(ind.level1.value), declared, level.weight.str()),
              lformat("“{}”标注 {} 分，但其下指标‹indicator.weight›之和为 {}",
                      shorten(ind.level1.value), declared, level.weight.str())},
             level.weight.str(), declared);
  }
}

}  // namespace pes::checks
