// Check functions, one per rule; the table in rules.cc names them.
#pragma once

#include "pes/label_format.h"
#include "pes/rules.h"

namespace pes::checks {

void rate_mismatch(const CheckContext& ctx, FindingSink& sink);
void budget_score_mismatch(const CheckContext& ctx, FindingSink& sink);
void funding_sum_mismatch(const CheckContext& ctx, FindingSink& sink);
void zero_budget(const CheckContext& ctx, FindingSink& sink);
void over_execution(const CheckContext& ctx, FindingSink& sink);
void weights_sum(const CheckContext& ctx, FindingSink& sink);
void score_out_of_range(const CheckContext& ctx, FindingSink& sink);
void total_mismatch(const CheckContext& ctx, FindingSink& sink);
void grade_mismatch(const CheckContext& ctx, FindingSink& sink);
void deduction_without_reason(const CheckContext& ctx, FindingSink& sink);
void unknown_category(const CheckContext& ctx, FindingSink& sink);
void required_fields(const CheckContext& ctx, FindingSink& sink);
void target_missed_full_score(const CheckContext& ctx, FindingSink& sink);
void score_above_rule(const CheckContext& ctx, FindingSink& sink);
void qualitative_band(const CheckContext& ctx, FindingSink& sink);
void target_met_deducted(const CheckContext& ctx, FindingSink& sink);
void duplicate_indicator(const CheckContext& ctx, FindingSink& sink);
void level1_weights(const CheckContext& ctx, FindingSink& sink);
void unit_mismatch(const CheckContext& ctx, FindingSink& sink);
void budget_weight(const CheckContext& ctx, FindingSink& sink);
void level1_declared_weight(const CheckContext& ctx, FindingSink& sink);
void unreadable_value(const CheckContext& ctx, FindingSink& sink);

}  // namespace pes::checks
