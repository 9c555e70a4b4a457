// Paths as CI systems want them: relative to the repository's root when they lie below it.
#pragma once

#include <string>

namespace pes {

/// `path` relative to `root` (an absolute folder; "" for none) when it lies below it, else as
/// given; either way normalized with forward slashes.
std::string relative_path(const std::string& path, const std::string& root);

}  // namespace pes
