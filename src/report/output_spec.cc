#include "pes/output.h"

namespace pes {

std::optional<OutputSpec> parse_output_spec(std::string_view text) {
  const std::size_t colon = text.find(':');
  const ReporterInfo* reporter = find_reporter(text.substr(0, colon));
  if (reporter == nullptr) return std::nullopt;
  OutputSpec spec{reporter, ""};
  if (colon != std::string_view::npos) {
    spec.path = std::string(text.substr(colon + 1));
    if (spec.path.empty()) return std::nullopt;
    if (spec.path == "-") spec.path.clear();
  }
  return spec;
}

}  // namespace pes
