#include "pes/form_digest.h"

#include <cstring>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "pes/fields.h"

namespace pes {
namespace {

// Appends each value as a kind byte, then its bytes (a text: its length first), so that
// ("ab", "c") and ("a", "bc") differ, and so do a missing value and an empty text. All of a
// form's values are then hashed at once: a form's texts run to kilobytes, and one call over
// them costs less than one per value.
class Values {
 public:
  explicit Values(std::string& out) : out_(out) {}

  void text(std::string_view t) {
    const auto n = static_cast<std::uint32_t>(t.size());
    out_.push_back('t');
    out_.append(reinterpret_cast<const char*>(&n), sizeof n);
    out_.append(t);
  }
  template <class T>
  void bytes(char kind, const T& v) {
    out_.push_back(kind);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void missing() { out_.push_back('-'); }
  void mark(char m) { out_.push_back(m); }

 private:
  std::string& out_;
};

void add_value(Values& h, const Form& form, const FieldInfo& fi, FieldRef ref) {
  switch (fi.type) {
    case FieldType::Year:
      form.year.ok() ? h.bytes('y', form.year.value) : h.missing();
      break;
    case FieldType::Num:
      // Units of 10⁻⁶: the value, whatever digits it was written with.
      if (const Number* n = number_field(form, fi, ref)) {
        n->ok() ? h.bytes('n', n->value.units()) : h.missing();
      }
      break;
    case FieldType::Str:
      if (const Text* t = text_field(form, fi, ref)) t->ok() ? h.text(t->value) : h.missing();
      break;
    case FieldType::Bool:
      if (const Flag* b = flag_field(form, fi, ref)) {
        b->ok() ? h.mark(b->value ? '1' : '0') : h.missing();
      }
      break;
    case FieldType::Ordinal:  // the form's number in its file: where it is, not what it says
    case FieldType::Object:
    case FieldType::List:
      break;
  }
}

}  // namespace

FormDigest FormDigester::operator()(const Form& form) {
  bytes_.clear();
  Values v(bytes_);
  for (const FieldParent parent : {FieldParent::Form, FieldParent::Funds, FieldParent::Goals}) {
    for (const FieldInfo* fi : fields_of(parent)) add_value(v, form, *fi, FieldRef{fi->key});
  }
  for (const FundsRowInfo& r : funds_rows()) {
    if (!form.row(r.id).present) continue;
    v.text(r.json);
    for (const FieldInfo* fi : fields_of(FieldParent::Row)) {
      add_value(v, form, *fi, FieldRef{fi->key, r.id, 0});
    }
  }
  for (std::size_t i = 0; i < form.indicators.size(); ++i) {
    v.mark('i');
    for (const FieldInfo* fi : fields_of(FieldParent::Indicator)) {
      add_value(v, form, *fi, FieldRef{fi->key, FundsRowId::Total, static_cast<std::uint32_t>(i)});
    }
  }
  const XXH128_hash_t h = XXH3_128bits(bytes_.data(), bytes_.size());
  return {h.low64, h.high64};
}

}  // namespace pes
