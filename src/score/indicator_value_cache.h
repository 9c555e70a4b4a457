// Targets and actuals repeat from form to form ("≥95.00(%)", "100.00(%)", "达成指标"): each
// thread reads each distinct text once and keeps what it read.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pes/target.h"

namespace pes {

class IndicatorValueCache {
 public:
  /// Kept texts at most; one more and the cache starts over (memory stays bounded).
  static constexpr std::size_t kMaxEntries = 4096;
  /// Longer texts are read every time: long ones seldom repeat.
  static constexpr std::size_t kMaxText = 64;

  /// parse_indicator_value(text), read once per distinct text. Valid until the next call.
  const IndicatorValue& get(std::string_view text);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, IndicatorValue, Hash, std::equal_to<>> values_;
  IndicatorValue uncached_;
};

/// The calling thread's cache.
IndicatorValueCache& indicator_value_cache();

}  // namespace pes
