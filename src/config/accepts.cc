#include "pes/accepts.h"

#include "pes/fields.h"
#include "pes/fingerprint.h"
#include "pes/glob.h"
#include "pes/labels.h"
#include "pes/rules.h"

namespace pes {
namespace {

bool rule_matches(const std::string& selector, RuleId id) {
  const Rule& r = rule_info(id);
  return selector == "ALL" || selector == r.name || selector == group_name(r.group);
}

// Whether a rule the selector names ran on the file.
bool any_ran(const std::string& selector, const RuleSettings& rules) {
  for (const Rule& r : pes::rules()) {
    if (rules.on(r.id) && rule_matches(selector, r.id)) return true;
  }
  return false;
}

}  // namespace

AcceptList::AcceptList(const std::optional<ConfigFile>& config, std::filesystem::path cwd)
    : cwd_(std::move(cwd)) {
  if (!config) return;
  root_ = config->path.parent_path().lexically_normal();
  for (const Accept& a : config->accepts) entries_.push_back({&a, normalize_label(a.field)});
}

void AcceptList::mark(FileResult& file) {
  if (entries_.empty() || !file.opened || file.path == "<stdin>") return;
  const std::filesystem::path path = (cwd_ / std::filesystem::path(file.path)).lexically_normal();
  const std::string rel = path.lexically_relative(root_).generic_string();
  if (rel.empty() || rel.starts_with("..")) return;
  std::vector<Entry*> here;
  for (Entry& e : entries_) {
    for (const std::string& glob : e.accept->paths) {
      if (glob_match(glob, rel)) {
        e.applied = e.applied || any_ran(e.accept->rule, file.rules);
        here.push_back(&e);
        break;
      }
    }
  }
  if (here.empty()) return;
  auto cover = [&](Finding& f, const Form* form) {
    for (Entry* e : here) {
      const Accept& a = *e->accept;
      if (!rule_matches(a.rule, f.rule)) continue;
      if (!a.form.empty()) {
        if (form == nullptr || !form->project.ok() ||
            normalize_label(form->project.value) != normalize_label(a.form)) {
          continue;
        }
      }
      if (!e->field.empty()) {
        if (form == nullptr || f.form == kWholeFile) continue;
        if (!field_matches(e->field, stable_field(form, f), json_pointer(f.field))) continue;
      }
      f.accepted = a.reason;
      ++e->used;
      return;
    }
  };
  for (Finding& f : file.file_findings) cover(f, nullptr);
  for (std::size_t i = 0; i < file.forms.size() && i < file.doc.forms.size(); ++i) {
    for (Finding& f : file.forms[i].findings) cover(f, &file.doc.forms[i]);
  }
}

std::vector<const Accept*> AcceptList::unused() const {
  std::vector<const Accept*> out;
  for (const Entry& e : entries_) {
    if (e.applied && e.used == 0) out.push_back(e.accept);
  }
  return out;
}

}  // namespace pes
