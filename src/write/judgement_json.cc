// The JSON shape of an indicator's judgement: shared by the JSON report and `pes score`.
#include "write/judgement_json.h"

#include "pes/target.h"

namespace pes {
namespace {

ojson decimal_or_null(const std::optional<Decimal>& d) { return d ? ojson(d->str()) : ojson(nullptr); }
ojson text_or_null(const Text& t) { return t.ok() ? ojson(t.value) : ojson(nullptr); }

ojson value_json(const IndicatorValue& v, const Text& cell) {
  ojson j;
  j["text"] = text_or_null(cell);
  j["kind"] = std::string(value_kind_name(v.kind));
  if (v.kind == ValueKind::Quantity) {
    const std::string_view cmp = comparison_ascii(v.comparison);
    j["comparison"] = cmp.empty() ? ojson(nullptr) : ojson(std::string(cmp));
    j["value"] = v.number.str();
    j["unit"] = v.unit.empty() ? ojson(nullptr) : ojson(v.unit);
  } else if (v.kind == ValueKind::Completion) {
    j["completion"] = std::string(completion_name(v.completion));
  }
  return j;
}

std::string_view kind_name(JudgementKind k) {
  switch (k) {
    case JudgementKind::NotJudged: return "not-judged";
    case JudgementKind::Quantitative: return "quantitative";
    case JudgementKind::Qualitative: return "qualitative";
  }
  return "not-judged";
}

}  // namespace

ojson judgement_json(const Indicator& ind, const Judgement& jd, bool chinese) {
  ojson j;
  j["target"] = value_json(jd.target, ind.target);
  j["actual"] = value_json(jd.actual, ind.actual);
  j["judged"] = std::string(kind_name(jd.kind));
  const bool judged = jd.kind != JudgementKind::NotJudged;
  j["met"] = judged ? ojson(jd.met) : ojson(nullptr);
  j["direction"] = jd.kind == JudgementKind::Quantitative
                       ? ojson(jd.negative ? "lower-is-better" : "higher-is-better")
                       : ojson(nullptr);
  j["rule_score"] = decimal_or_null(jd.rule_score);
  if (jd.kind == JudgementKind::Qualitative && ind.weight.ok()) {
    j["band"] = {{"completion", std::string(completion_name(jd.completion))},
                 {"low", jd.band_low.str()},
                 {"high", jd.band_high.str()},
                 {"high_inclusive", jd.band_high_inclusive}};
  } else {
    j["band"] = nullptr;
  }
  j["note"] = judged ? ojson(nullptr) : ojson(jd.note.in(chinese));
  return j;
}

}  // namespace pes
