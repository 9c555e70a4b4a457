#include "pes/form_digest.h"

#include <algorithm>
#include <cstring>
#include <span>
#include <string_view>
#include <type_traits>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "pes/fields.h"

namespace pes {
namespace {

// Writes each value as a kind byte, then its bytes (a text: its length first), so that
// ("ab", "c") and ("a", "bc") differ, and so do a missing value and an empty text. All of a
// form's values are then hashed at once: a form's texts run to kilobytes, and one call over
// them costs less than one per value. The buffer grows by doubling and is kept between forms,
// so that writing a value is a bounds check and a copy.
class Values {
 public:
  explicit Values(std::string& out) : out_(out) {
    out_.resize(std::max<std::size_t>(out_.size(), 4096));
  }

  void text(std::string_view t) {
    const auto n = static_cast<std::uint32_t>(t.size());
    char* p = room(1 + sizeof n + t.size());
    *p = 't';
    std::memcpy(p + 1, &n, sizeof n);
    std::memcpy(p + 1 + sizeof n, t.data(), t.size());
  }
  template <class T>
  void bytes(char kind, const T& v) {
    char* p = room(1 + sizeof v);
    *p = kind;
    std::memcpy(p + 1, &v, sizeof v);
  }
  void mark(char m) { *room(1) = m; }
  void missing() { mark('-'); }

  void text(const Text& t) { t.ok() ? text(t.value) : missing(); }
  void number(const Number& n) { n.ok() ? bytes('n', n.value.units()) : missing(); }
  void flag(const Flag& b) { b.ok() ? mark(b.value ? '1' : '0') : missing(); }

  std::string_view written() const { return {out_.data(), size_}; }

 private:
  // The bounds check inline, the growth (once in a while) not: room() is called for every
  // value of every form.
  char* room(std::size_t n) {
    if (size_ + n > out_.size()) [[unlikely]] grow(n);
    char* p = out_.data() + size_;
    size_ += n;
    return p;
  }
  [[gnu::noinline]] void grow(std::size_t n) {
    out_.resize(std::max(out_.size() * 2, size_ + n));
  }

  std::string& out_;
  std::size_t size_ = 0;
};

// The value of `fi` in `of` (a form, a funds row, an indicator: its member pointer says
// which), written to `v`. The form's number in its file is where it is, not what it says.
template <class Of>
void add_value(Values& v, const Of& of, const FieldInfo& fi) {
  if constexpr (std::is_same_v<Of, Form>) {
    if (fi.form_text != nullptr) return v.text(of.*fi.form_text);
    if (fi.form_number != nullptr) return v.number(of.*fi.form_number);
    if (fi.form_year != nullptr) {
      const Field<std::int32_t>& y = of.*fi.form_year;
      return y.ok() ? v.bytes('y', y.value) : v.missing();
    }
  } else if constexpr (std::is_same_v<Of, FundsRow>) {
    if (fi.row_text != nullptr) return v.text(of.*fi.row_text);
    if (fi.row_number != nullptr) return v.number(of.*fi.row_number);
  } else {
    if (fi.indicator_text != nullptr) return v.text(of.*fi.indicator_text);
    if (fi.indicator_number != nullptr) return v.number(of.*fi.indicator_number);
    if (fi.indicator_flag != nullptr) return v.flag(of.*fi.indicator_flag);
  }
}

}  // namespace

FormDigest FormDigester::operator()(const Form& form) {
  Values v(bytes_);
  for (const FieldParent parent : {FieldParent::Form, FieldParent::Funds, FieldParent::Goals}) {
    for (const FieldInfo* fi : fields_of(parent)) add_value(v, form, *fi);
  }
  const std::span<const FieldInfo* const> row_fields = fields_of(FieldParent::Row);
  for (const FundsRowInfo& r : funds_rows()) {
    const FundsRow& row = form.row(r.id);
    if (!row.present) continue;
    v.text(r.json);
    for (const FieldInfo* fi : row_fields) add_value(v, row, *fi);
  }
  const std::span<const FieldInfo* const> indicator_fields = fields_of(FieldParent::Indicator);
  for (const Indicator& ind : form.indicators) {
    v.mark('i');
    for (const FieldInfo* fi : indicator_fields) add_value(v, ind, *fi);
  }
  const std::string_view bytes = v.written();
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  return {h.low64, h.high64};
}

}  // namespace pes
