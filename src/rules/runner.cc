// Runs the rules of the table over a recomputed form, and applies the settings to findings.
#include "pes/rules.h"

namespace pes {

void check(const CheckContext& ctx, std::vector<Finding>& out) {
  FindingSink sink(ctx.form.index, out);
  for (const Rule& r : rules()) {
    if (r.check != nullptr && ctx.options.rules.on(r.id)) r.check(ctx, sink);
  }
}

void apply_settings(const RuleSettings& settings, std::vector<Finding>& findings) {
  std::erase_if(findings, [&](const Finding& f) { return !settings.on(f.rule); });
  for (Finding& f : findings) f.severity = settings.level(f.rule);
}

}  // namespace pes
