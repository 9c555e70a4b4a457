#include "relative_path.h"

#include <filesystem>

namespace pes {

std::string relative_path(const std::string& path, const std::string& root) {
  std::filesystem::path p(path);
  if (p.is_absolute() && !root.empty()) {
    const std::filesystem::path rel = p.lexically_normal().lexically_relative(root);
    if (!rel.empty() && !rel.generic_string().starts_with("..")) p = rel;
  }
  return p.lexically_normal().generic_string();
}

}  // namespace pes
