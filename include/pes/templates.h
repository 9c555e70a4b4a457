// Template profiles: how each province prints the form, as data. One TOML file a template
// (templates/*.toml in the source tree, built into pes), plus any a user adds with
// `--template FILE` or `templates = [...]` in pes.toml. The layout reader matches each form to
// the profile whose labels fit it best, or to the one a run forces.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pes/finding.h"

namespace pes {

struct TemplateProfile;

/// The profiles a run knows: the built-in ones, then the user's (a user profile of the same
/// name replaces a built-in one), and the one forced, if any.
class TemplateSet {
 public:
  TemplateSet();  ///< the built-in profiles
  ~TemplateSet();
  TemplateSet(const TemplateSet&);
  TemplateSet& operator=(const TemplateSet&);

  /// The built-in profiles alone, shared.
  static std::shared_ptr<const TemplateSet> builtins();

  /// Adds a profile from TOML text (`origin` names it in messages). False, with `error`
  /// naming the line at fault, when the text is not a valid profile.
  bool add_text(std::string_view text, const std::string& origin, Message& error);
  /// Adds a profile from a file.
  bool add_file(const std::filesystem::path& path, Message& error);
  /// Forces every form to be read with the profile `name`; false if there is none.
  bool force(std::string_view name);
  /// `--template`: a profile name, or the path of a profile file to add and force.
  bool choose(const std::string& name_or_path, Message& error);

  std::span<const std::shared_ptr<const TemplateProfile>> profiles() const { return profiles_; }
  const TemplateProfile* find(std::string_view name) const;
  const TemplateProfile* forced() const { return forced_; }

 private:
  std::vector<std::shared_ptr<const TemplateProfile>> profiles_;
  const TemplateProfile* forced_ = nullptr;
};

/// A profile's name, description, where it comes from ("built in" or its file) and reader.
struct TemplateSummary {
  std::string name;
  std::string description;
  std::string origin;
  std::string reader;
};
TemplateSummary template_summary(const TemplateProfile& profile);
/// The profile's TOML text as loaded.
std::string_view template_text(const TemplateProfile& profile);

}  // namespace pes
