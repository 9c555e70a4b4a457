#include "html_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "display_width.h"
#include "html_escape.h"
#include "pes/text.h"

namespace pes {
namespace {

std::uint64_t total_of(const ChartBar& b) {
  return std::accumulate(b.values.begin(), b.values.end(), std::uint64_t{0});
}

// A round step for gridlines: 1, 2 or 5 × 10^k, giving at most 5 lines up to `max`.
std::uint64_t grid_step(std::uint64_t max) {
  std::uint64_t step = 1;
  for (;;) {
    for (const std::uint64_t m : {1u, 2u, 5u}) {
      if (max / (step * m) <= 5) return step * m;
    }
    step *= 10;
  }
}

void open_svg(std::string& out, std::string_view kind, double width, double height,
              std::string_view title) {
  fmt::format_to(std::back_inserter(out),
                 "<svg class=\"chart {}\" viewBox=\"0 0 {} {:.0f}\" role=\"img\" "
                 "aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
                 kind, width, height, escaped(title), escaped(title));
}

void legend(std::string& out, std::span<const ChartSeries> series, double right) {
  if (series.size() < 2) return;
  double x = right;
  for (std::size_t i = series.size(); i-- > 0;) {
    const double w = 22 + 7.0 * static_cast<double>(series[i].name.size());
    x -= w;
    fmt::format_to(std::back_inserter(out),
                   "<rect x=\"{:.1f}\" y=\"4\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                   "<text x=\"{:.1f}\" y=\"13\" class=\"legend\">{}</text>",
                   x, series[i].color, x + 14, escaped(series[i].name));
  }
}

// The label cut to `columns` (a Chinese character takes two), with "…" when cut.
std::string fit(std::string_view label, std::size_t columns) {
  if (display_width(label) <= columns) return std::string(label);
  std::size_t chars = 0;
  while (display_width(shorten(label, chars + 1)) <= columns + 1) ++chars;  // "…" counts 1
  return shorten(label, chars);
}

}  // namespace

std::string column_chart(std::string_view title, std::span<const ChartBar> bars,
                         std::span<const ChartSeries> series) {
  constexpr double kHeight = 260, kRight = 10, kTop = 26, kBottom = 36;
  constexpr double kWidth = 480;
  std::string out;
  open_svg(out, "columns", kWidth, kHeight, title);
  legend(out, series, kWidth - kRight);
  std::uint64_t max = 1;
  for (const ChartBar& b : bars) max = std::max(max, total_of(b));
  const std::uint64_t step = grid_step(max);
  const std::uint64_t top = (max + step - 1) / step * step;
  // Room for the widest tick label (about 9 units a digit at the chart's 15 px text).
  const double kLeft = 14 + 9 * static_cast<double>(std::to_string(top).size());
  const double plot_h = kHeight - kTop - kBottom;
  const auto y_of = [&](std::uint64_t v) {
    return kTop + plot_h - plot_h * static_cast<double>(v) / static_cast<double>(top);
  };
  for (std::uint64_t v = 0; v <= top; v += step) {
    fmt::format_to(std::back_inserter(out),
                   "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" class=\"grid\"/>"
                   "<text x=\"{}\" y=\"{:.1f}\" class=\"tick\">{}</text>",
                   kLeft, kWidth - kRight, y_of(v), y_of(v), kLeft - 5, y_of(v) + 5, v);
  }
  const double slot =
      (kWidth - kLeft - kRight) / static_cast<double>(std::max<std::size_t>(1, bars.size()));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& b = bars[i];
    const double x = kLeft + slot * static_cast<double>(i) + slot * 0.15;
    const double w = slot * 0.7;
    std::uint64_t below = 0;
    fmt::format_to(std::back_inserter(out), "<g><title>{}: {}</title>", escaped(b.label),
                   total_of(b));
    for (std::size_t s = 0; s < b.values.size() && s < series.size(); ++s) {
      if (b.values[s] == 0) continue;
      const double y1 = y_of(below + b.values[s]);
      const double y0 = y_of(below);
      fmt::format_to(std::back_inserter(out),
                     "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                     "fill=\"{}\"/>",
                     x, y1, w, y0 - y1, s == 0 && !b.color.empty() ? b.color : series[s].color);
      below += b.values[s];
    }
    fmt::format_to(std::back_inserter(out),
                   "<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"value\">{}</text>"
                   "<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"label\">{}</text></g>",
                   x + w / 2, y_of(below) - 5, below, x + w / 2, kHeight - kBottom + 22,
                   escaped(b.label));
  }
  out += "</svg>";
  return out;
}

std::string bar_chart(std::string_view title, std::span<const ChartBar> bars,
                      std::span<const ChartSeries> series) {
  constexpr double kWidth = 760, kRow = 22, kTop = 22, kLabel = 250, kValue = 56;
  const double height =
      kTop + kRow * static_cast<double>(std::max<std::size_t>(1, bars.size())) + 6;
  std::string out;
  open_svg(out, "bars", kWidth, height, title);
  legend(out, series, kWidth - 4);
  std::uint64_t max = 1;
  for (const ChartBar& b : bars) max = std::max(max, total_of(b));
  const double plot_w = kWidth - kLabel - kValue;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& b = bars[i];
    const double y = kTop + kRow * static_cast<double>(i);
    fmt::format_to(std::back_inserter(out),
                   "<g><title>{}: {}</title><text x=\"{}\" y=\"{:.1f}\" class=\"name\">{}</text>",
                   escaped(b.label), total_of(b), kLabel - 6, y + 15, escaped(fit(b.label, 38)));
    double x = kLabel;
    for (std::size_t s = 0; s < b.values.size() && s < series.size(); ++s) {
      if (b.values[s] == 0) continue;
      const double w =
          std::max(1.0, plot_w * static_cast<double>(b.values[s]) / static_cast<double>(max));
      fmt::format_to(std::back_inserter(out),
                     "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>",
                     x, y + 3, w, kRow - 6, series[s].color);
      x += w;
    }
    fmt::format_to(std::back_inserter(out),
                   "<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"count\">{}</text></g>", x + 4, y + 15,
                   total_of(b));
  }
  out += "</svg>";
  return out;
}

}  // namespace pes
