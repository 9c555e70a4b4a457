#include "indicator_value_cache.h"

namespace pes {

const IndicatorValue& IndicatorValueCache::get(std::string_view text) {
  if (text.size() > kMaxText) {
    uncached_ = parse_indicator_value(text);
    return uncached_;
  }
  if (const auto it = values_.find(text); it != values_.end()) return it->second;
  if (values_.size() >= kMaxEntries) values_.clear();
  return values_.emplace(std::string(text), parse_indicator_value(text)).first->second;
}

IndicatorValueCache& indicator_value_cache() {
  thread_local IndicatorValueCache cache;
  return cache;
}

}  // namespace pes
