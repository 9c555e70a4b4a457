#include "report/form_digest.h"

#include <string>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "pes/fields.h"

namespace pes {
namespace {

// Hashes a sequence of values, each by XXH3 (xxHash: a form's texts run to kilobytes, and
// every form of a run is hashed) mixed with its place in the sequence, so that ("ab", "c") ≠
// ("a", "bc").
// Numbers by their exact value (units of 10⁻⁶), whatever digits they were written with.
class Hasher {
 public:
  void add(std::string_view text) {
    const std::uint64_t x = XXH3_64bits(text.data(), text.size()) + text.size();
    h_ = (h_ ^ x) * 0x100000001b3ull;
    h_ ^= h_ >> 29;
  }
  template <class T>
  void add_bytes(const T& v) {
    add(std::string_view(reinterpret_cast<const char*>(&v), sizeof v));
  }
  void missing() { add("\x1e"); }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ull;
};

void add_value(Hasher& h, const Form& form, const FieldInfo& fi, FieldRef ref) {
  switch (fi.type) {
    case FieldType::Year:
      form.year.ok() ? h.add_bytes(form.year.value) : h.missing();
      break;
    case FieldType::Num:
      if (const Number* n = number_field(form, fi, ref)) {
        n->ok() ? h.add_bytes(n->value.units()) : h.missing();
      }
      break;
    case FieldType::Str:
      if (const Text* t = text_field(form, fi, ref)) t->ok() ? h.add(t->value) : h.missing();
      break;
    case FieldType::Bool:
      if (const Flag* b = flag_field(form, fi, ref)) {
        b->ok() ? h.add(b->value ? "1" : "0") : h.missing();
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
