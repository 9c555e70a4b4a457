#include "report/form_digest.h"

#include <string>

#include "pes/fields.h"
#include "report/fingerprint.h"

namespace pes {
namespace {

// Hashes values with a separator that text cannot hold, so that ("ab", "c") ≠ ("a", "bc").
class Hasher {
 public:
  void add(std::string_view text) {
    h_ = fnv1a(text, h_);
    h_ = fnv1a(std::string_view("\x1f", 1), h_);
  }
  void missing() { add("\x1e"); }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ull;
};

template <class T, class Show>
void add_field(Hasher& h, const Field<T>& f, Show show) {
  if (f.ok()) {
    h.add(show(f.value));
  } else {
    h.missing();
  }
}

void add_value(Hasher& h, const Form& form, const FieldInfo& fi, FieldRef ref) {
  switch (fi.type) {
    case FieldType::Year:
      add_field(h, form.year, [](std::int32_t y) { return std::to_string(y); });
      break;
    case FieldType::Num:
      if (const Number* n = number_field(form, fi, ref)) {
        add_field(h, *n, [](Decimal d) { return d.with_digits(0).str(); });
      }
      break;
    case FieldType::Str:
      if (const Text* t = text_field(form, fi, ref)) {
        add_field(h, *t, [](const std::string& s) { return s; });
      }
      break;
    case FieldType::Bool:
      if (const Flag* b = flag_field(form, fi, ref)) {
        add_field(h, *b, [](bool v) { return std::string(v ? "1" : "0"); });
      }
      break;
    case FieldType::Ordinal:  // the form's number in its file: where it is, not what it says
    case FieldType::Object:
    case FieldType::List:
      break;
  }
}

}  // namespace

FormDigest form_digest(const Form& form) {
  Hasher identity;
  for (const FieldKey key : {FieldKey::Project, FieldKey::Year, FieldKey::Implementer}) {
    add_value(identity, form, field_info(key), FieldRef{key});
  }
  Hasher content;
  for (const FieldInfo* fi : fields_of(FieldParent::Form)) {
    add_value(content, form, *fi, FieldRef{fi->key});
  }
  for (const FieldParent parent : {FieldParent::Funds, FieldParent::Goals}) {
    for (const FieldInfo* fi : fields_of(parent)) add_value(content, form, *fi, FieldRef{fi->key});
  }
  for (const FundsRowInfo& r : funds_rows()) {
    if (!form.row(r.id).present) continue;
    content.add(r.json);
    for (const FieldInfo* fi : fields_of(FieldParent::Row)) {
      add_value(content, form, *fi, FieldRef{fi->key, r.id, 0});
    }
  }
  for (std::size_t i = 0; i < form.indicators.size(); ++i) {
    content.add("indicator");
    for (const FieldInfo* fi : fields_of(FieldParent::Indicator)) {
      add_value(content, form, *fi,
                FieldRef{fi->key, FundsRowId::Total, static_cast<std::uint32_t>(i)});
    }
  }
  return {identity.value(), content.value()};
}

}  // namespace pes
