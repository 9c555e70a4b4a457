// Checks of each indicator row: score range, reasons and categories.
#include <fmt/format.h>

#include "checks.h"
#include "pes/labels.h"
#include "pes/text.h"

namespace pes::checks {
namespace {

FieldRef at(FieldKey key, std::size_t i) {
  return {key, FundsRowId::Total, static_cast<std::uint32_t>(i)};
}

bool blank(const Text& t) { return !t.ok() || is_blank_label(t.value); }

}  // namespace

void score_out_of_range(const CheckContext& ctx, FindingSink& sink) {
  const auto& inds = ctx.form.indicators;
  for (std::size_t i = 0; i < inds.size(); ++i) {
    const Indicator& ind = inds[i];
    if (!ind.score.ok()) continue;
    const Decimal s = ind.score.value;
    if (s.is_negative()) {
      sink.add(RuleId::ScoreOutOfRange, at(FieldKey::Score, i), ind.score.offset,
               {fmt::format("score {} of “{}” is below 0", s.str(), shorten(ind.name.value)),
                lformat("“{}”‹indicator.score› {} 小于 0", shorten(ind.name.value), s.str())},
               s.str(), "≥ 0");
    } else if (ind.weight.ok() && s > ind.weight.value) {
      sink.add(RuleId::ScoreOutOfRange, at(FieldKey::Score, i), ind.score.offset,
               {fmt::format("score {} of “{}” is above its weight {}", s.str(),
                            shorten(ind.name.value), ind.weight.value.str()),
                lformat("“{}”‹indicator.score› {} 超过‹indicator.weight› {}",
                        shorten(ind.name.value), s.str(), ind.weight.value.str())},
               s.str(), fmt::format("≤ {}", ind.weight.value.str()));
    }
  }
}

void deduction_without_reason(const CheckContext& ctx, FindingSink& sink) {
  const auto& inds = ctx.form.indicators;
  for (std::size_t i = 0; i < inds.size(); ++i) {
    const Indicator& ind = inds[i];
    if (!ind.score.ok() || !ind.weight.ok() || !(ind.score.value < ind.weight.value)) continue;
    if (!blank(ind.reason)) continue;
    const Decimal lost = (ind.weight.value - ind.score.value).with_digits(2);
    sink.add(RuleId::DeductionWithoutReason, at(FieldKey::Reason, i),
             ind.reason.present() ? ind.reason.offset : ind.score.offset,
             {lformat("“{}” lost {} points ({} → {}) with no ‹indicator.reason›",
                      shorten(ind.name.value), lost.str(), ind.weight.value.str(),
                      ind.score.value.str()),
              lformat("“{}”扣 {} 分（{} → {}），未填写‹indicator.reason›", shorten(ind.name.value),
                      lost.str(), ind.weight.value.str(), ind.score.value.str())},
             "", "");
  }
}

void unknown_category(const CheckContext& ctx, FindingSink& sink) {
  const auto& inds = ctx.form.indicators;
  // "did you mean 质量指标?" where the label with 指标 after it is standard.
  auto hint = [](std::string_view label, std::string& en, std::string& zh) {
    const std::string_view s = suggest_category(label);
    if (s.empty()) return;
    en += fmt::format("; did you mean {}?", s);
    zh += fmt::format("；是否应为“{}”？", s);
  };
  for (std::size_t i = 0; i < inds.size(); ++i) {
    const Indicator& ind = inds[i];
    std::optional<Level1> l1;
    if (ind.level1.ok() && !is_blank_label(ind.level1.value)) {
      // A label may carry its weight (产出指标(50分)) or be the weight alone ("(50分)"): the
      // category is its name's, and a bare weight names none to judge.
      const Level1Label label = parse_level1(ind.level1.value);
      l1 = label.category;
      if (!l1 && !label.name.empty()) {
        const bool is_level2 = level2_parents(ind.level1.value) != 0;
        std::string en =
            lformat("level 1 “{}” is not a standard ‹indicator.level1›{}",
                    shorten(ind.level1.value), is_level2 ? " (it is a level-2 name)" : "");
        std::string zh =
            lformat("‹indicator.level1›“{}”不在标准目录中{}", shorten(ind.level1.value),
                    is_level2 ? with_labels("（这是‹indicator.level2›名称）") : "");
        if (!is_level2) hint(label.name, en, zh);
        sink.add(RuleId::UnknownCategory, at(FieldKey::Level1, i), ind.level1.offset,
                 {std::move(en), std::move(zh)}, shorten(ind.level1.value),
                 "产出指标 | 效益指标 | 满意度指标 | 成本指标");
      }
    }
    if (!ind.level2.ok() || is_blank_label(ind.level2.value)) continue;
    const unsigned parents = level2_parents(ind.level2.value);
    if (parents == 0) {
      std::string en =
          lformat("level 2 “{}” is not a standard ‹indicator.level2›", shorten(ind.level2.value));
      std::string zh = lformat("‹indicator.level2›“{}”不在标准目录中", shorten(ind.level2.value));
      hint(ind.level2.value, en, zh);
      sink.add(RuleId::UnknownCategory, at(FieldKey::Level2, i), ind.level2.offset,
               {std::move(en), std::move(zh)}, shorten(ind.level2.value), "");
    } else if (l1 && (parents & (1u << static_cast<unsigned>(*l1))) == 0) {
      sink.add(RuleId::UnknownCategory, at(FieldKey::Level2, i), ind.level2.offset,
               {fmt::format("level 2 “{}” does not belong under “{}”", shorten(ind.level2.value),
                            level1_label(*l1)),
                lformat("‹indicator.level2›“{}”不属于“{}”", shorten(ind.level2.value),
                        level1_label(*l1))},
               shorten(ind.level2.value), "");
    }
  }
}

}  // namespace pes::checks
