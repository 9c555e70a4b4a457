#include "pes/walk_filter.h"

#include "pes/glob.h"

namespace pes {

void WalkFilter::exclude(std::string glob, std::filesystem::path base) {
  while (glob.size() > 1 && glob.back() == '/') glob.pop_back();
  if (glob.starts_with("./")) glob.erase(0, 2);
  const bool anchored = glob.find('/') != std::string::npos;
  globs_.push_back({std::move(glob), std::move(base), anchored});
}

bool WalkFilter::is_clutter(std::string_view name, bool directory) {
  if (name.starts_with('.')) return true;   // hidden, macOS's ._x, WPS's .~x lock files
  if (name.starts_with("~$")) return true;  // Excel's and Word's lock files
  return directory && name == "__MACOSX";
}

bool WalkFilter::skips(std::string_view path, bool directory) const {
  std::string_view name = path;
  while (name.size() > 1 && name.back() == '/') name.remove_suffix(1);
  if (const auto slash = name.rfind('/'); slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  if (is_clutter(name, directory)) return true;
  if (globs_.empty()) return false;
  const std::filesystem::path full = (cwd_ / std::filesystem::path(path)).lexically_normal();
  for (const Glob& g : globs_) {
    if (!g.anchored) {
      if (glob_match(g.pattern, name)) return true;
      continue;
    }
    const std::string rel = full.lexically_relative(g.base.lexically_normal()).generic_string();
    if (rel.empty() || rel.starts_with("..")) {
      if (g.pattern.starts_with("**/") && glob_match(g.pattern, full.generic_string().substr(1))) {
        return true;
      }
      continue;
    }
    if (glob_match(g.pattern, rel)) return true;
    // `dir/**` also names the folder itself, so the walk need not enter it.
    if (directory && g.pattern.ends_with("/**") &&
        glob_match(std::string_view(g.pattern).substr(0, g.pattern.size() - 3), rel)) {
      return true;
    }
  }
  return false;
}

}  // namespace pes
