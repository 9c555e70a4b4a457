#include "pes/fingerprint.h"

#include "pes/fields.h"
#include "pes/labels.h"

namespace pes {
namespace {

std::string escaped(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

bool prefix_at_segment(std::string_view whole, std::string_view part) {
  if (part.empty() || !whole.starts_with(part)) return false;
  return whole.size() == part.size() || part.back() == '/' || whole[part.size()] == '/';
}

}  // namespace

std::string stable_field(const Form* form, const Finding& finding) {
  if (form == nullptr || finding.form == kWholeFile) return {};
  const FieldRef& ref = finding.field;
  const FieldInfo& fi = field_info(ref.key);
  const bool in_indicator = fi.parent == FieldParent::Indicator || ref.key == FieldKey::Indicator;
  if (!in_indicator || ref.indicator >= form->indicators.size()) return json_pointer(ref);
  // "/indicators/3/score" → "/indicators/<level 2>/<name>/score"
  const Indicator& ind = form->indicators[ref.indicator];
  const std::string level2 = normalize_label(ind.level2.value);
  const std::string name = normalize_label(ind.name.value);
  std::string out = json_pointer({FieldKey::Indicators});
  out += '/';
  out += escaped(level2);
  out += '/';
  out += escaped(name);
  if (ref.key != FieldKey::Indicator) {
    out += '/';
    out += fi.json;
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> form_identity(const Form& form) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const FieldInfo& fi : fields()) {
    // The form's number in its file (自评表序号) tells rows apart, not forms across edits.
    if (!fi.identity || !fi.is_value() || fi.type == FieldType::Ordinal) continue;
    std::string value;
    if (fi.type == FieldType::Year) {
      if (form.year.ok()) value = std::to_string(form.year.value);
    } else if (fi.type == FieldType::Str) {
      const Text* t = text_field(form, fi, {fi.key});
      if (t != nullptr && t->ok()) value = t->value;
    } else if (fi.type == FieldType::Num) {
      const Number* n = number_field(form, fi, {fi.key});
      if (n != nullptr && n->ok()) value = n->value.str();
    }
    out.emplace_back(std::string(fi.json), std::move(value));
  }
  return out;
}

bool field_matches(std::string_view field, const std::string& stable, const std::string& pointer) {
  return prefix_at_segment(stable, field) || prefix_at_segment(pointer, field);
}

}  // namespace pes
