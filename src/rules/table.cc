#include <array>
#include <string>

#include "checks.h"
#include "pes/fields.h"
#include "pes/rules.h"

namespace pes {
namespace {

using S = Severity;
using G = RuleGroup;

constexpr std::array<Rule, kRuleCount> kRules = {{
    {RuleId::RateMismatch,
     "rate-mismatch",
     G::Funds,
     S::Error,
     true,
     {"A funds row's reported ‹row.rate› is not ‹row.executed› ÷ ‹row.annual› × 100 (÷ "
      "‹row.initial› on a form "
      "with no ‹row.annual›).",
      "资金行填报的‹row.rate›不等于 ‹row.executed› ÷ ‹row.annual› × "
      "100（表中没有‹row.annual›时除以‹row.initial›）。"},
     {"The execution rate decides the budget score. It is computed from the adjusted "
      "whole-year budget (‹row.annual›), not the start-of-year one, and shown with 2 decimals; "
      "only "
      "a form without ‹row.annual› divides by ‹row.initial›. A rate written in whole percent (86 "
      "for "
      "86.20) is named as such, and a budget score that is only the wrong rate × "
      "‹indicator.weight› is said in "
      "the same finding, not in a second one.",
      "‹row.rate›决定‹row.score›。它以调整后的‹row.annual›（而非‹row.initial›）为分母计算，保留 2 "
      "位小数；"
      "只有表中没有‹row.annual›时才以‹row.initial›为分母。取整到百分之一的‹row.rate›（86.20 写作 "
      "86）会被指出；"
      "若‹row.score›只是错误‹row.rate› × "
      "‹indicator.weight›的结果，在同一条提示中说明，不另报一条。"},
     {"‹funds.total› 19.80 / 19.50 with ‹row.rate› 98.49 (truncated it is 98.48). Mend: write "
      "98.48, or "
      "98.49 if the filer rounds half-up (--rounding half-up).",
      "‹funds.total› ‹row.annual› 19.80、‹row.executed› 19.50，‹row.rate›填 98.49（截断应为 "
      "98.48）。"
      "修正：填 98.48；若该单位按四舍五入，则 98.49 正确（--rounding half-up）。"},
     &checks::rate_mismatch},
    {RuleId::BudgetScoreMismatch,
     "budget-score-mismatch",
     G::Funds,
     S::Error,
     true,
     {"The budget score is not rate × ‹indicator.weight›, capped at the ‹indicator.weight›.",
      "‹row.score›不等于 ‹row.rate› × ‹indicator.weight›（且不超过‹indicator.weight›）。"},
     {"The budget-execution block is worth its ‹indicator.weight› (10) in the ‹total›. Spending "
      "more than the "
      "budget earns no extra points.",
      "预算执行部分按‹indicator.weight›（10 分）计入‹total›；超预算执行不加分。"},
     {"‹row.rate› 98.48% with ‹indicator.weight› 10 and ‹indicator.score› 9.85. Mend: 9.84 "
      "(98.4848…% × 10, truncated).",
      "‹row.rate› 98.48%、‹indicator.weight› 10，‹indicator.score›填 9.85。修正：9.84（98.4848…% × "
      "10，截断）。"},
     &checks::budget_score_mismatch},
    {RuleId::FundingSumMismatch,
     "funding-sum-mismatch",
     G::Funds,
     S::Error,
     true,
     {"‹funds.total› is not the sum of the source rows the form has (‹funds.fiscal›, "
      "‹funds.carryover›, "
      "‹funds.special_account›, ‹funds.unit_funds›, ‹funds.other›, by whatever label) in some "
      "column.",
      "某一列的‹funds.total›不等于表中各资金来源行（‹funds.fiscal›、‹funds.carryover›、‹funds."
      "special_account›、"
      "‹funds.unit_funds›、‹funds.other›，无论表中如何命名）之和。"},
     {"The total row must be the sum of its sources; a gap means a figure was mistyped. A total "
      "10,000 times the sum (or a sum 10,000 times the total) is named: 元 written in a table "
      "in 万元, or the other way.",
      "‹funds.total›应为各资金来源之和；不相等说明有数字填错。总额恰为各行之和的 10000 倍（或反之）"
      "时会指出：可能在万元表中填了元，或反之。"},
     {"‹funds.total› 0 / 0 / 0 while ‹funds.fiscal› is 90 / 89.974 / 89.974. Mend: copy the sums "
      "into the total row.",
      "‹funds.total›填 0 / 0 / 0，而‹funds.fiscal›为 90 / 89.974 / "
      "89.974。修正：总额行填各列之和。"},
     &checks::funding_sum_mismatch},
    {RuleId::ZeroBudget,
     "zero-budget",
     G::Funds,
     S::Error,
     true,
     {"The total row's ‹row.annual› (‹row.initial› on a form without it) is 0, so no execution "
      "rate "
      "exists.",
      "‹funds.total›的‹row.annual›（表中没有‹row.annual›时为‹row.initial›）为 "
      "0，无法计算‹row.rate›。"},
     {"Without a whole-year budget neither the rate nor the budget score can be computed.",
      "没有‹row.annual›，就无法计算‹row.rate›和‹row.score›。"},
     {"‹funds.total› ‹row.annual› 0.00. Mend: enter the adjusted whole-year budget.",
      "‹funds.total›的‹row.annual›为 0.00。修正：填写调整后的‹row.annual›。"},
     &checks::zero_budget},
    {RuleId::OverExecution,
     "over-execution",
     G::Funds,
     S::Warning,
     true,
     {"A row's ‹row.executed› exceeds its ‹row.annual› (‹row.initial› on a form without it).",
      "某行‹row.executed›超过‹row.annual›（表中没有‹row.annual›时为‹row.initial›）。"},
     {"Spending beyond the adjusted budget needs an explanation, and earns no extra points.",
      "超出调整后预算的支出需要说明，且不加分。"},
     {"‹row.annual› 50.00, ‹row.executed› 52.00. Mend: check the figures, or record the budget "
      "adjustment in ‹row.annual›.",
      "‹row.annual› 50.00，‹row.executed› 52.00。修正：核对数字，或把预算调整反映到‹row.annual›。"},
     &checks::over_execution},
    {RuleId::WeightsSum,
     "weights-sum",
     G::Totals,
     S::Error,
     true,
     {"The budget ‹indicator.weight› plus the indicator weights is not 100.",
      "‹funds.weight›与各指标‹indicator.weight›之和不等于 100。"},
     {"A form is scored out of 100: 10 for budget execution and 90 for the indicators.",
      "自评表满分 100：预算执行 10 分，绩效指标 90 分。"},
     {"Indicator weights 15 + 15 + 15 + 15 + 15 + 10 = 85. Mend: give the indicators 90 in all.",
      "指标‹indicator.weight› 15 + 15 + 15 + 15 + 15 + 10 = 85。修正：使指标‹indicator.weight›合计 "
      "90。"},
     &checks::weights_sum},
    {RuleId::ScoreOutOfRange,
     "score-out-of-range",
     G::Indicators,
     S::Error,
     true,
     {"An indicator's score is below 0 or above its weight.",
      "指标‹indicator.score›小于 0 或大于‹indicator.weight›。"},
     {"Each indicator can earn between 0 and its weight.",
      "每个指标的‹indicator.score›应在 0 到‹indicator.weight›之间。"},
     {"‹indicator.weight› 15.00, ‹indicator.score› 16.00. Mend: at most 15.00.",
      "‹indicator.weight› 15.00，‹indicator.score› 16.00。修正：不超过 15.00。"},
     &checks::score_out_of_range},
    {RuleId::TotalMismatch,
     "total-mismatch",
     G::Totals,
     S::Error,
     true,
     {"The reported ‹total› is not the budget score + Σ indicator scores.",
      "填报的‹total›不等于 ‹row.score› + 各指标‹indicator.score›之和。"},
     {"The total decides the grade; it must add up exactly.", "‹total›决定‹grade›，必须准确相加。"},
     {"9.84 + 90.00 reported as ‹total› 99.85. Mend: 99.84.",
      "9.84 + 90.00，‹total›填 99.85。修正：99.84。"},
     &checks::total_mismatch},
    {RuleId::GradeMismatch,
     "grade-mismatch",
     G::Totals,
     S::Error,
     true,
     {"The reported ‹grade› is not the grade of the recomputed total.",
      "填报的‹grade›与重新计算的‹total›所对应的等级不符。"},
     {"优 90–100, 良 80 to under 90, 中 60 to under 80, 差 under 60 (MoF budget department). "
      "89.99 is 良, 90.00 is 优.",
      "优 90–100，良 80（含）至 90，中 60（含）至 80，差 60 以下（财政部预算司标准）。89.99 "
      "为良，90.00 为优。"},
     {"‹total› 89.99 graded 优. Mend: 良.", "‹total› 89.99，等级填优。修正：良。"},
     &checks::grade_mismatch},
    {RuleId::DeductionWithoutReason,
     "deduction-without-reason",
     G::Indicators,
     S::Warning,
     true,
     {"An indicator scored below its weight has no ‹indicator.reason›.",
      "指标‹indicator.score›低于‹indicator.weight›，但未填写‹indicator.reason›。"},
     {"The form asks for the reason of every gap and the remedy; reviewers reject deductions "
      "without one.",
      "自评表要求对每项扣分说明偏差原因和改进措施；评审不认可无理由的扣分。"},
     {"服务市场主体，营造良好的营商环境: 8.00 → 7.00, reason empty. Mend: write why the point was "
      "taken off and what will be done.",
      "服务市场主体，营造良好的营商环境：8.00 → 7.00，原因为空。修正：写明扣分原因及改进措施。"},
     &checks::deduction_without_reason},
    {RuleId::UnknownCategory,
     "unknown-category",
     G::Structure,
     S::Warning,
     true,
     {"A level-1 or level-2 name outside the standard table, or a level 2 under the wrong level 1.",
      "一级或‹indicator.level2›名称不在标准目录中，或‹indicator.level2›归在错误的‹indicator."
      "level1›下。"},
     {"Reviewers sum and compare indicators by category; a non-standard name breaks that. What "
      "templates print beside a standard name is no alarm: a declared weight (产出指标(50分)), "
      "letter spacing, a trailing 等 (服务对象满意度指标等), 成本指标 under 产出指标. A name that "
      "is a standard one without 指标 gets a hint (质量: did you mean 质量指标?).",
      "评审按指标类别汇总比较；不规范的名称会使其失效。模板在标准名称旁所印内容不报警：标注的‹indic"
      "ator.weight›"
      "（产出指标(50分)）、字间空格、结尾的“等”（服务对象满意度指标等）、产出指标下的成本指标。"
      "缺少“指标”二字的标准名称会得到提示（质量：是否应为质量指标？）。"},
     {"‹indicator.level1› 质量指标 (a level-2 name). Mend: 产出指标 / 质量指标.",
      "‹indicator.level1›填成“质量指标”（‹indicator.level2›名）。修正：产出指标 / 质量指标。"},
     &checks::unknown_category},
    {RuleId::InvalidField,
     "invalid-field",
     G::Structure,
     S::Error,
     true,
     {"A required field is missing, or a value cannot be read as what it must be.",
      "缺少必填字段，或某个值无法按应有类型读取。"},
     {"pes checks what it can read; the other checks still run without the bad field, and a "
      "check that needs it does not run (an unreadable score is never counted as 0). A field "
      "the form's template has no place for is not required: ‹grade› only of a form that names "
      "its template, ‹row.annual› not where ‹row.initial› is given, nothing of an unscored "
      "sub-item "
      "but its name. Where a hint mends the value, it is given (19,80: did you mean 19.80?).",
      "pes 只能检查能读取的内容；其余检查在缺少该字段时照常进行，依赖该字段的检查则不进行"
      "（无法读取的‹indicator.score›绝不按 0 "
      "计）。模板中没有的字段不是必填：‹grade›仅在表单注明模板时必填，"
      "已填‹row.initial›时‹row.annual›可缺，‹indicator.sub_item›只需名称。能纠正时给出提示（19,"
      "80：是否应为 19.80？）。"},
     {"\"annual\": \"19,80\" (a comma that is no thousands separator). Mend: 19.80.",
      "\"annual\": \"19,80\"（逗号不是千分位）。修正：19.80。"},
     &checks::required_fields},
    {RuleId::ParseError,
     "parse-error",
     G::Structure,
     S::Error,
     true,
     {"The file is not well-formed (JSON syntax, CSV quoting, or text encoding).",
      "文件格式不正确（JSON 语法、CSV 引号或文本编码）。"},
     {"Nothing in a file that does not parse can be checked.", "无法解析的文件无法检查。"},
     {"{\"year\": 2023,} (a trailing comma). Mend: remove the comma.",
      "{\"year\": 2023,}（多余的逗号）。修正：删除该逗号。"},
     nullptr},
    {RuleId::TargetMissedFullScore,
     "target-missed-full-score",
     G::Indicators,
     S::Warning,
     true,
     {"The actual misses the ‹indicator.target›, yet the indicator scored its full weight.",
      "‹indicator.actual›未达到‹indicator.target›，指标却得满分。"},
     {"Full marks say the target was met. A missed quantitative target scores weight × B ÷ A "
      "(≤ A: weight × A ÷ B); a qualitative one that is 部分达成 or 未达成 at most 80% of the "
      "weight.",
      "满分意味着达成目标。未达成的定量指标按 ‹indicator.weight› × B ÷ A（反向指标 "
      "‹indicator.weight› × A ÷ B）计分；"
      "部分达成或未达成的定性指标最多‹indicator.score›值的 80%。"},
     {"≥95.00(%) → 90.00(%), 15.00 of 15.00. Mend: 14.21 (15 × 90 ÷ 95), or correct the actual.",
      "≥95.00(%) → 90.00(%)，‹indicator.score› 15.00（‹indicator.weight› 15.00）。修正：14.21（15 "
      "× 90 ÷ 95），或更正‹indicator.actual›。"},
     &checks::target_missed_full_score},
    {RuleId::ScoreAboveRule,
     "score-above-rule",
     G::Indicators,
     S::Warning,
     true,
     {"A missed quantitative target scored above the MoF rule's score (weight × B ÷ A; for ≤ A, "
      "weight × A ÷ B).",
      "未达成的定量指标‹indicator.score›高于财政部规则的‹indicator.score›（‹indicator.weight› × B "
      "÷ A；反向指标 ‹indicator.weight› × A ÷ B）。"},
     {"The MoF's filling notes for the self-evaluation table score a missed target in proportion "
      "to how far it got. Scores are compared at 2 decimals: the rule's score truncated or "
      "rounded half-up is accepted.",
      "财政部自评表填报说明规定，未达成的指标按完成比例计分。按 2 "
      "位小数比较：规则‹indicator.score›截断或四舍五入均认可。"},
     {"≥95.00(%) → 90.00(%), weight 15.00, score 14.50. Mend: 14.21 (15 × 90 ÷ 95).",
      "≥95.00(%) → 90.00(%)，‹indicator.weight› 15.00，‹indicator.score› 14.50。修正：14.21（15 × "
      "90 ÷ 95）。"},
     &checks::score_above_rule},
    {RuleId::QualitativeBand,
     "qualitative-band",
     G::Indicators,
     S::Warning,
     true,
     {"A qualitative indicator's score lies outside its completion's band (达成 80–100% of the "
      "weight, 部分达成 50% to under 80%, 未达成 under 50%).",
      "定性指标‹indicator.score›不在其完成情况对应的区间内（达成 80%–100%，部分达成 "
      "50%–80%（不含），未达成 50% 以下）。"},
     {"A qualitative target is scored by the actual column's verdict; a score outside the band "
      "contradicts the verdict written beside it.",
      "定性指标按‹goals.achieved›分档计分；‹indicator.score›不在档内，与所填完成情况相矛盾。"},
     {"健全 → 达成指标, weight 15.00, score 10.00. Mend: at least 12.00, or write 部分达成.",
      "健全 → 达成指标，‹indicator.weight› 15.00，‹indicator.score› 10.00。修正：至少 "
      "12.00，或填写部分达成。"},
     &checks::qualitative_band},
    {RuleId::TargetMetDeducted,
     "target-met-deducted",
     G::Indicators,
     S::Info,
     true,
     {"A quantitative target was met, yet points were taken off.",
      "定量指标已达到‹indicator.target›，却被扣分。"},
     {"Allowed and common, but the MoF rule gives a met target its full weight, so a reviewer "
      "reads the reason. (A qualitative 达成 may score 80–100%: see qualitative-band.)",
      "允许且常见，但按财政部规则达成目标应得满分，评审需阅读扣分原因。（定性指标达成可得 "
      "80%–100%，见 qualitative-band。）"},
     {"=100.00(%) → 100.00(%), 15.00 → 13.00 with a reason. Mend: nothing, if the reason "
      "holds.",
      "=100.00(%) → 100.00(%)，15.00 → 13.00，已说明原因。修正：原因成立则无需修改。"},
     &checks::target_met_deducted},
    {RuleId::DuplicateIndicator,
     "duplicate-indicator",
     G::Structure,
     S::Warning,
     true,
     {"The same indicator name appears twice under one level 2.",
      "同一‹indicator.level2›下出现两个同名‹indicator.name›。"},
     {"A repeated row counts its weight twice, or is a copy where another indicator belonged.",
      "重复的指标会使‹indicator.weight›重复计入，或是误复制而遗漏了应有的指标。"},
     {"质量指标 lists 验收合格率 twice. Mend: remove or rename one.",
      "质量指标下两次出现“验收合格率”。修正：删除或改正其中一个。"},
     &checks::duplicate_indicator},
    {RuleId::Level1Weights,
     "level1-weights",
     G::Totals,
     S::Info,
     false,
     {"The level-1 weights differ from the MoF's suggestion: 产出 50, 效益 30, 满意度 10.",
      "‹indicator.level1›‹indicator.weight›与财政部建议（产出 50、效益 30、满意度 10）不同。"},
     {"A principle (原则上), not a law: most filers depart from it. Off by default.",
      "这是原则性建议而非强制规定，多数单位并未遵循。默认关闭。"},
     {"产出 45, 效益 30, 满意度 15. Mend: 50 / 30 / 10, where the project allows.",
      "产出 45、效益 30、满意度 15。修正：在项目允许时调整为 50 / 30 / 10。"},
     &checks::level1_weights},
    {RuleId::UnitMismatch,
     "unit-mismatch",
     G::Indicators,
     S::Warning,
     true,
     {"An indicator's target and actual use different units (% against 个).",
      "指标的‹indicator.target›与‹indicator.actual›单位不同（如 % 与 个）。"},
     {"A target and an actual in different units cannot be compared, so the indicator is not "
      "judged.",
      "单位不同的‹indicator.target›与‹indicator.actual›无法比较，该指标不予评判。"},
     {"≥50个 → 96.00(%). Mend: write the actual as a count (48个), or the target as a rate.",
      "≥50个 → 96.00(%)。修正：‹indicator.actual›填数量（48个），或‹indicator.target›改为比率。"},
     &checks::unit_mismatch},
    {RuleId::LayoutRepair,
     "layout-repair",
     G::Structure,
     S::Info,
     true,
     {"Reading the printed table layout, pes had to guess: a row continued after a page break, "
      "or a level 1 inferred.",
      "读取表格版式时 pes 做了推断：分页后续行已接回，或‹indicator.level1›由推断得出。"},
     {"Text extracted from a PDF splits cells across page breaks and shifts them; the reviewer "
      "should see each assumption made to put the form back together.",
      "从 PDF 提取的文字会在分页处断开单元格、错位；每一处为还原表格所做的推断都应让审阅人看到。"},
     {"满意 度指 | … then after the page break 标 | 满意度指标 | … | 作服务群众…. pes joins the "
      "two rows and says so. Mend: nothing, if the joined row is right; else correct it in the "
      "source.",
      "“满意 度指 | …”，分页后“标 | 满意度指标 | … | 作服务群众…”。pes 将两行合并并提示。"
      "修正：合并结果正确则无需处理，否则在源文件中更正。"},
     nullptr},
    {RuleId::NormalizedValue,
     "normalized-value",
     G::Structure,
     S::Info,
     true,
     {"A value was written in a way pes reads with a notice: full-width digits (９８.４８), an "
      "amount in 万 in a table in 元 (or in 元 in a table in 万元), or a number as a spreadsheet "
      "in a Chinese locale saves it (an apostrophe, a percent sign, thousands separators, "
      "full-width spaces), or a rate as a fraction of 1 (0.985 for 98.50%).",
      "某个值的写法需要转换后读取：全角数字（９８.４８），以元为单位的表中写了“万”（或以万元为单位"
      "的表中写了“元”），中文区域设置下电子表格保存的数字写法（单引号、百分号、千分位分隔符、"
      "全角空格），或以小数填写的‹row.rate›（0.985 即 98.50%）。"},
     {"pes reads what the filer meant, and says what it read, so that a reviewer can check that "
      "the reading is right.",
      "pes 按填报人的本意读取，并说明读取结果，便于审阅人核对。"},
     {"‹indicator.score› ９８.４８ (full-width) is read as 98.48. Mend: type the digits "
      "half-width.",
      "‹indicator.score›填 ９８.４８（全角），按 98.48 读取。修正：用半角数字填写。"},
     nullptr},
    {RuleId::BudgetWeight,
     "budget-weight",
     G::Funds,
     S::Error,
     true,
     {"The budget block's ‹indicator.weight› (权重) is not the one its template gives (10 unless a "
      "template "
      "says otherwise).",
      "预算执行部分的‹indicator.weight›（权重）与模板规定不符（除非模板另有规定，为 10 分）。"},
     {"Budget execution is worth a fixed share of the 100 points. The budget score is then "
      "recomputed with the template's ‹indicator.weight›, and weights-sum counts that "
      "‹indicator.weight›, so the one slip "
      "is reported once.",
      "预算执行在 100 "
      "分中占固定‹indicator.weight›。‹row.score›按模板‹indicator.weight›重新计算，‹indicator."
      "weight›合计也按模板‹indicator.weight›计算，"
      "同一处错误只报告一次。"},
     {"‹indicator.weight› 100 on the budget row, ‹indicator.score› 98 for 83.50% (Hubei). Mend: "
      "‹indicator.weight› 10, ‹indicator.score› 8.35.",
      "‹funds.weight›填 100，‹row.rate› 83.50% ‹indicator.score›填 98。修正：‹indicator.weight› "
      "10，‹indicator.score› 8.35。"},
     &checks::budget_weight},
    {RuleId::Level1DeclaredWeight,
     "level1-declared-weight",
     G::Totals,
     S::Error,
     true,
     {"A level-1 label declares a weight (产出指标(50分)) that is not the sum of its indicators' "
      "weights.",
      "‹indicator.level1›标注的‹indicator.weight›（如“产出指标(50分)”）不等于其下各指标‹indicator."
      "weight›之和。"},
     {"Templates print each level 1's share of the points in its label. When the indicators "
      "under it add up to something else, either the label or a weight is wrong.",
      "模板在‹indicator.level1›名称中标明其‹indicator.weight›。其下指标‹indicator."
      "weight›之和与之不符，说明名称或某个‹indicator.weight›有误。"},
     {"效益指标(30分) over 10 + 10 + 5. Mend: give the indicators 30 in all, or correct the label.",
      "效益指标(30分) 下‹indicator.weight›为 10 + 10 + 5。修正：使指标‹indicator.weight›合计 "
      "30，或更正标注。"},
     &checks::level1_declared_weight},
    {RuleId::SpreadsheetError,
     "spreadsheet-error",
     G::Structure,
     S::Error,
     true,
     {"A cell holds a spreadsheet's error value (#VALUE!, #NAME?, #REF!, #DIV/0!, #N/A, #NUM!, "
      "#NULL!, LibreOffice's Err:5xx, or an error cell of a workbook).",
      "单元格中是电子表格的错误值（#VALUE!、#NAME?、#REF!、#DIV/0!、#N/A、#NUM!、#NULL!、"
      "LibreOffice 的 Err:5xx，或工作簿中的错误单元格）。"},
     {"The value the filer wrote is lost: the spreadsheet turned the cell into a formula (a "
      "target such as =100.00(%) is one) or a formula failed, and saved what it showed. pes "
      "cannot check what it cannot see.",
      "填报的原值已丢失：电子表格把单元格当作公式（如 =100.00(%) "
      "这样的‹indicator.target›），或公式计算"
      "失败，保存下来的是它显示的错误值。pes 无法检查看不到的内容。"},
     {"‹indicator.target› Err:509 after a CSV was opened and saved in LibreOffice. Mend: re-enter "
      "=100.00(%) as text (with a leading apostrophe in the spreadsheet).",
      "CSV 在 LibreOffice 中打开并保存后，‹indicator.target›变为 Err:509。修正：以文本重新输入 "
      "=100.00(%)（在电子表格中开头加单引号）。"},
     nullptr},
    {RuleId::UnreadableValue,
     "unreadable-value",
     G::Indicators,
     S::Info,
     true,
     {"An indicator is not judged because its ‹indicator.target› or ‹indicator.actual› cannot be "
      "read.",
      "指标的‹indicator.target›或‹indicator.actual›无法识别，因而未予评判。"},
     {"pes judges an indicator from a number with its comparison and unit, a qualitative target, "
      "or a completion (达成 / 部分达成 / 未达成); a cell it cannot read leaves the score "
      "unchecked, which the reviewer should know.",
      "pes 依据带比较符和单位的数值、定性目标或完成情况（达成 / 部分达成 / 未达成）评判指标；"
      "无法识别的单元格使该指标‹indicator.score›无法核对，审阅人应当知道。"},
     {"‹indicator.target› “见附件”. Mend: write the target itself (≥95%, 及时, …).",
      "‹indicator.target›填“见附件”。修正：填写目标本身（≥95%、及时……）。"},
     &checks::unreadable_value},
    {RuleId::IdentityVariant,
     "identity-variant",
     G::Structure,
     S::Info,
     true,
     {"In a table (CSV), one row of a form spells ‹project›, ‹year› or ‹implementer› differently, "
      "and pes "
      "reads it as the same form; or a new form starts there without cells of its own.",
      "表格（CSV）中某张自评表的一行，‹project›、‹year›或‹implementer›写法不同，pes "
      "仍按同一张表读取；"
      "或由此开始的新表没有表级内容。"},
     {"A new form starts where these cells change; one edited cell (“（续）” added, 2023年 for "
      "2023) would otherwise split a form in two and cascade into errors. pes says where it "
      "assumed the rows belong together.",
      "这些单元格变化处即为新表的开始；若仅一个单元格被改动（加了“（续）”、2023 写成 2023年），"
      "表格会被一分为二并引出一连串错误。pes 指出它在何处认定这些行属于同一张表。"},
     {"‹project› 项目甲（续） on one row of 项目甲's rows. Mend: nothing, if the rows are one "
      "form; "
      "else give each form its ‹form_number›.",
      "项目甲的某一行‹project›为“项目甲（续）”。修正：若这些行确属一张表则无需处理；否则为每张表"
      "填写‹form_number›。"},
     nullptr},
}};

constexpr bool table_in_order() {
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    if (static_cast<std::size_t>(kRules[i].id) != i) return false;
  }
  return true;
}
static_assert(table_in_order(), "kRules must list rules in RuleId order");

// The table as people read it: each ‹token› of its texts replaced by the label the field table
// gives it (with_labels), built once.
struct Expanded {
  std::array<std::string, kRuleCount * 6> text;
  std::array<Rule, kRuleCount> rules = kRules;

  Expanded() {
    std::size_t i = 0;
    for (Rule& r : rules) {
      for (Bilingual* b : {&r.summary, &r.why, &r.example}) {
        text[i] = with_labels(b->en);
        b->en = text[i++];
        text[i] = with_labels(b->zh);
        b->zh = text[i++];
      }
    }
  }
};

const Expanded& expanded() {
  static const Expanded e;
  return e;
}

}  // namespace

std::string_view group_name(RuleGroup g) {
  switch (g) {
    case RuleGroup::Funds:
      return "funds";
    case RuleGroup::Indicators:
      return "indicators";
    case RuleGroup::Totals:
      return "totals";
    case RuleGroup::Structure:
      return "structure";
  }
  return "structure";
}

std::span<const Rule> rules() { return expanded().rules; }

const Rule& rule_info(RuleId id) { return expanded().rules[static_cast<std::size_t>(id)]; }

Severity default_severity(RuleId id) { return kRules[static_cast<std::size_t>(id)].severity; }

std::optional<RuleId> find_rule(std::string_view name) {
  for (const Rule& r : kRules) {
    if (r.name == name) return r.id;
  }
  return std::nullopt;
}

RuleSettings RuleSettings::defaults() {
  RuleSettings s;
  for (const Rule& r : kRules) {
    s.enabled[static_cast<std::size_t>(r.id)] = r.enabled;
    s.severity[static_cast<std::size_t>(r.id)] = r.severity;
  }
  return s;
}

}  // namespace pes
