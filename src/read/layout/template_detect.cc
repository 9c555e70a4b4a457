#include "read/layout/template_detect.h"

#include <algorithm>

#include "pes/labels.h"
#include "read/layout/layout_text.h"

namespace pes::layout {
namespace {

// The length of the longest of the profile's title patterns the row holds (0: none).
std::size_t title_in(const GridRow& row, const TemplateProfile& p) {
  std::size_t best = 0;
  for (const GridCell& cell : row.cells) {
    if (cell.copy_left || cell.text.empty()) continue;
    const std::string norm = normalize_label(cell.text);
    for (const std::string& t : p.titles) {
      if (t.size() > best && norm.find(t) != std::string::npos) best = t.size();
    }
  }
  return best;
}

}  // namespace

std::vector<GridSpan> split_at_titles(const Grid& grid, const TemplateSet& set) {
  std::vector<GridSpan> spans;
  GridSpan current;
  for (std::size_t r = 0; r < grid.rows.size(); ++r) {
    bool title = false;
    for (const auto& p : set.profiles()) title = title || title_in(grid.rows[r], *p) > 0;
    if (!title) continue;
    if (r > current.begin || current.titled) {
      current.end = r;
      spans.push_back(current);
    }
    current = {r, r, true};
  }
  current.end = grid.rows.size();
  spans.push_back(current);
  return spans;
}

TemplateFit fit(const Grid& grid, const GridSpan& span, const TemplateProfile& profile) {
  TemplateFit out;
  out.profile = &profile;
  if (span.titled) out.title = title_in(grid.rows[span.begin], profile);
  const std::vector<std::string_view> labels = profile.all_labels();
  std::vector<std::string> seen;
  for (std::size_t r = span.begin; r < span.end; ++r) {
    for (const GridCell& cell : grid.rows[r].cells) {
      if (cell.copy_left || cell.text.empty()) continue;
      const std::string norm = normalize_label(cell.text);
      const std::string base = label_base(cell.text);
      out.weight_label = out.weight_label || label_in(norm, base, profile.funds_weight_labels);
      if (std::find(labels.begin(), labels.end(), norm) != labels.end() ||
          std::find(labels.begin(), labels.end(), base) != labels.end()) {
        ++out.labels;
        seen.push_back(base);
        seen.push_back(norm);
      }
    }
  }
  // The main labels: the first of each block's, row's and column's.
  auto main = [&](const std::vector<std::string>& v) {
    if (v.empty()) return;
    for (const std::string& l : v) {
      if (std::find(seen.begin(), seen.end(), l) != seen.end()) return;
    }
    if (std::find(out.missing.begin(), out.missing.end(), v.front()) == out.missing.end())
      out.missing.push_back(v.front());
  };
  main(profile.project);
  main(profile.funds_block);
  for (const TemplateRow& row : profile.funds_rows) main(row.labels);
  for (const TemplateColumn& c : profile.funds_columns) main(c.labels);
  main(profile.goals_block);
  for (const TemplateColumn& c : profile.indicator_columns) main(c.labels);
  main(profile.total_labels);
  return out;
}

TemplateFit best_fit(const Grid& grid, const GridSpan& span, const TemplateSet& set) {
  TemplateFit best;
  for (const auto& p : set.profiles()) {
    TemplateFit f = fit(grid, span, *p);
    const bool tie = !f.better_than(best) && !best.better_than(f);
    if (best.profile == nullptr || f.better_than(best) ||
        (tie && p->reader == TemplateReader::Printed &&
         best.profile->reader != TemplateReader::Printed)) {
      best = std::move(f);
    }
  }
  return best;
}

}  // namespace pes::layout
