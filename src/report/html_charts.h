// Charts for the HTML report, drawn as inline SVG by pes (no script, no network): columns for a
// distribution, horizontal bars for a ranking, each stacked by series.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pes {

/// One layer of a stack: its name (for the legend) and colour.
struct ChartSeries {
  std::string_view name;
  std::string_view color;
};

/// One column or bar: its label and a value per series.
struct ChartBar {
  std::string label;
  std::vector<std::uint64_t> values;
  std::string_view color;  ///< when set, the colour of the bar's first series
};

/// Columns side by side, labels below (a distribution: grades, a histogram of rates).
std::string column_chart(std::string_view title, std::span<const ChartBar> bars,
                         std::span<const ChartSeries> series);

/// One bar a row, labels to the left, the total at the end (a ranking: rules, departments).
std::string bar_chart(std::string_view title, std::span<const ChartBar> bars,
                      std::span<const ChartSeries> series);

}  // namespace pes
