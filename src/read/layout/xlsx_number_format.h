// What a workbook's number formats change in what a cell shows: a rate kept as 0.9848 under the
// format 0.00% shows, and is meant as, 98.48%.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace pes::layout {

/// The percent formats of a workbook's cell styles (xl/styles.xml): for each style index, the
/// decimals its percent format shows, or nothing when the style shows no percent.
class PercentStyles {
 public:
  /// Reads <numFmts> and <cellXfs> of a styles part (a missing part: no percent styles).
  void read(const pugi::xml_document& styles);
  /// The decimals style `s` shows a percent with, if it shows one.
  std::optional<int> decimals(unsigned s) const;

 private:
  std::vector<std::optional<int>> styles_;
};

/// The decimals a number format code shows a percent with ("0.00%" → 2, "0%" → 0), or nothing
/// when its first section shows no percent.
std::optional<int> percent_decimals(std::string_view code);

/// A cell's stored number (plain decimal text, as excel_number() leaves it) as its percent
/// format shows it: × 100, rounded half-up to `decimals`, with "%" after it ("0.98484848" with
/// 2 → "98.48%"). Text that is no plain number is returned as it is.
std::string shown_percent(std::string_view number, int decimals);

}  // namespace pes::layout
