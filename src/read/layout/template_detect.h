// Which template a form is printed in: the grid is cut into forms at their titles, and each
// form is matched to the profile whose title and labels it holds most of.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pes/grid.h"
#include "pes/templates.h"
#include "read/layout/template_profile.h"

namespace pes::layout {

/// Rows [begin, end) of a grid: one form, or what stands before the first title.
struct GridSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool titled = false;  ///< starts at a title row
};

/// Cuts a grid at the rows that hold a title of any profile.
std::vector<GridSpan> split_at_titles(const Grid& grid, const TemplateSet& set);

/// How well a profile fits the rows of a span.
struct TemplateFit {
  const TemplateProfile* profile = nullptr;
  std::size_t title = 0;             ///< length of the title pattern found (0: none)
  std::size_t labels = 0;            ///< cells that hold one of the profile's labels
  std::vector<std::string> missing;  ///< the profile's main labels not found
  bool weight_label = false;         ///< the funds block's 分值 column headed as the profile's
  bool fits() const { return title > 0 || labels >= 4; }
  /// The funds weight column's own heading first: a title names no template on its own
  /// (财政项目支出绩效自评表 is printed in Shanghai, over 分数, and across the provinces, over
  /// 分值); then the longer title, then more labels.
  bool better_than(const TemplateFit& o) const {
    if (weight_label != o.weight_label) return weight_label;
    if (title != o.title) return title > o.title;
    return labels > o.labels;
  }
};

TemplateFit fit(const Grid& grid, const GridSpan& span, const TemplateProfile& profile);
/// The best-fitting profile of the set for the span (ties: the printed-text reader first, then
/// the set's order).
TemplateFit best_fit(const Grid& grid, const GridSpan& span, const TemplateSet& set);

}  // namespace pes::layout
