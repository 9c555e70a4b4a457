#include "read/json/form_reader.h"

#include "read/field_errors.h"
#include "read/json/json_syntax.h"

namespace pes::json {
namespace {

// A field given as null is not given; any kind of value a field cannot hold makes it invalid,
// with a finding naming what it wants.
template <class F>
void not_given_or_wrong(FindingSink& sink, od::json_type t, F& out, FieldRef ref, std::uint64_t at,
                        std::string_view want_en, std::string_view want_zh) {
  if (t == od::json_type::null) {
    out.reset(out.offset);
    return;
  }
  out.state = FieldState::Invalid;
  out.offset = at;
  bad_kind(sink, ref, at, want_en, want_zh, kind_en(t), kind_zh(t));
}

}  // namespace

bool FormReader::fail(simdjson::error_code e) {
  if (e == simdjson::SUCCESS) return false;
  error = e;
  return true;
}

bool FormReader::member_name(od::field& field, std::string_view& out) {
  // The name's closing quote is there: simdjson has checked the structure of the document.
  const char* const start = field.key().raw();
  const char* end = start;
  while (*end != '"' && *end != '\\') ++end;
  if (*end == '"') {
    out = std::string_view(start, static_cast<std::size_t>(end - start));
    return true;
  }
  return !fail(field.unescaped_key().get(out));
}

std::uint64_t FormReader::offset_of(od::value& v) {
  return static_cast<std::uint64_t>(v.raw_json_token().data() - base_);
}

bool FormReader::kind(od::value& v, od::json_type& t) {
  if (fail(v.type().get(t))) return false;
  if (t != od::json_type::null && t != od::json_type::boolean) return true;
  // On-Demand tells an atom by its first letter: "nul" or "tru" is no JSON.
  const std::string_view atom = trim_token(v.raw_json_token());
  if (atom == "null" || atom == "true" || atom == "false") return true;
  error = atom.starts_with('n')   ? simdjson::N_ATOM_ERROR
          : atom.starts_with('t') ? simdjson::T_ATOM_ERROR
                                  : simdjson::F_ATOM_ERROR;
  return false;
}

bool FormReader::skip(od::value& v) {
  od::json_type t{};
  if (!kind(v, t)) return false;
  const char* const start = v.raw_json_token().data();
  return !fail(check_passed_value(std::string_view(start, static_cast<std::size_t>(end_ - start))));
}

bool FormReader::number_token(od::value& v, std::string_view& raw) {
  raw = trim_token(v.raw_json_token());
  if (is_json_number(raw)) return true;
  error = simdjson::NUMBER_ERROR;  // not JSON: "0x10", "NaN"
  return false;
}

bool FormReader::read(od::object object, std::uint64_t at) {
  form_.reset(at);
  std::size_t next = 0;
  for (auto member : object) {
    od::field field;
    std::string_view key;
    if (fail(std::move(member).get(field)) || !member_name(field, key)) return false;
    od::value v = field.value();
    bool ok = true;
    if (const FieldInfo* f = find_field(FieldParent::Form, key, next)) {
      ok = value(v, *f, {f->key});
    } else if (key == field_info(FieldKey::Funds).json) {
      ok = funds(v);
    } else if (key == field_info(FieldKey::Goals).json) {
      ok = goals(v);
    } else if (key == field_info(FieldKey::Indicators).json) {
      ok = indicators(v);
    } else {
      ok = skip(v);
    }
    if (!ok) return false;
  }
  return true;
}

bool FormReader::value(od::value& v, const FieldInfo& field, FieldRef ref) {
  ref.key = field.key;
  switch (field.type) {
    case FieldType::Str:
      return text(v, *text_field(form_, field, ref), ref);
    case FieldType::Num:
      return number(v, *number_field(form_, field, ref), ref);
    case FieldType::Year:
      return year(v);
    case FieldType::Bool:
      return flag(v, *flag_field(form_, field, ref), ref);
    case FieldType::Ordinal:
    case FieldType::Object:
    case FieldType::List:
      break;
  }
  return true;
}

bool FormReader::number(od::value& v, Number& out, FieldRef ref) {
  od::json_type t{};
  if (!kind(v, t)) return false;
  const std::uint64_t at = offset_of(v);
  std::string_view raw;
  if (t == od::json_type::number) {
    if (!number_token(v, raw)) return false;
  } else if (t == od::json_type::string) {
    if (fail(v.get_string().get(raw))) return false;
  } else {
    not_given_or_wrong(sink_, t, out, ref, at, "a number", "数字");
    return skip(v);
  }
  read_number(sink_, ref, at, raw, out);
  return true;
}

bool FormReader::text(od::value& v, Text& out, FieldRef ref) {
  od::json_type t{};
  if (!kind(v, t)) return false;
  const std::uint64_t at = offset_of(v);
  std::string_view s;
  if (t == od::json_type::string) {
    if (fail(v.get_string().get(s))) return false;
    out.assign(s, at);
  } else if (t == od::json_type::number) {
    if (!number_token(v, s)) return false;
    out.assign(s, at);
  } else {
    not_given_or_wrong(sink_, t, out, ref, at, "a text", "文本");
    return skip(v);
  }
  return true;
}

bool FormReader::flag(od::value& v, Flag& out, FieldRef ref) {
  od::json_type t{};
  if (!kind(v, t)) return false;
  const std::uint64_t at = offset_of(v);
  std::string_view raw;
  if (t == od::json_type::boolean) {
    bool b = false;
    if (fail(v.get_bool().get(b))) return false;
    out.set(b, at);
    return true;
  }
  if (t == od::json_type::string) {
    if (fail(v.get_string().get(raw))) return false;
  } else if (t == od::json_type::number) {
    if (!number_token(v, raw)) return false;
  } else {
    not_given_or_wrong(sink_, t, out, ref, at, "true or false", "true 或 false");
    return skip(v);
  }
  read_flag(sink_, ref, at, raw, out);
  return true;
}

bool FormReader::year(od::value& v) {
  od::json_type t{};
  if (!kind(v, t)) return false;
  const FieldRef ref{FieldKey::Year};
  const std::uint64_t at = offset_of(v);
  std::string_view raw;
  if (t == od::json_type::number) {
    if (!number_token(v, raw)) return false;
  } else if (t == od::json_type::string) {
    if (fail(v.get_string().get(raw))) return false;
  } else if (t == od::json_type::null) {
    form_.year.reset(form_.year.offset);
    return true;
  } else {
    form_.year.state = FieldState::Invalid;
    form_.year.offset = at;
    bad_kind(sink_, ref, at, "a number", "数字", kind_en(t), kind_zh(t));
    return skip(v);
  }
  read_year(sink_, ref, at, raw, form_.year);
  return true;
}

bool FormReader::object(od::value& v, FieldRef ref, std::optional<od::object>& out) {
  od::json_type t{};
  if (!kind(v, t)) return false;
  if (t == od::json_type::null) return true;
  if (t != od::json_type::object) {
    bad_kind(sink_, ref, offset_of(v), "an object", "对象", kind_en(t), kind_zh(t));
    return skip(v);
  }
  od::object o;
  if (fail(v.get_object().get(o))) return false;
  out = o;
  return true;
}

bool FormReader::members(od::object o, FieldParent parent, FieldRef at) {
  std::size_t next = 0;
  for (auto member : o) {
    od::field field;
    std::string_view key;
    if (fail(std::move(member).get(field)) || !member_name(field, key)) return false;
    od::value v = field.value();
    const FieldInfo* f = find_field(parent, key, next);
    if (f == nullptr) {  // a member pes does not know (a judgement, a note)
      if (!skip(v)) return false;
      continue;
    }
    if (at.key == FieldKey::Row && f->total_row_only && at.row != FundsRowId::Total) continue;
    if (!value(v, *f, at)) return false;
  }
  return true;
}

bool FormReader::funds(od::value& v) {
  const std::uint64_t at = offset_of(v);
  std::optional<od::object> o;
  if (!object(v, {FieldKey::Funds}, o)) return false;
  if (!o) return true;
  for (FundsRow& row : form_.funds) row.reset(at);
  form_.funds_weight.reset(at);
  for (auto member : *o) {
    od::field field;
    std::string_view key;
    if (fail(std::move(member).get(field)) || !member_name(field, key)) return false;
    od::value value_of_key = field.value();
    bool ok = true;
    if (const FieldInfo* f = find_field(FieldParent::Funds, key)) {
      ok = value(value_of_key, *f, {f->key});
    } else if (const FundsRowInfo* row = find_funds_row(key)) {
      ok = funds_row(value_of_key, row->id);
    } else {
      ok = skip(value_of_key);
    }
    if (!ok) return false;
  }
  return true;
}

bool FormReader::funds_row(od::value& v, FundsRowId id) {
  FundsRow& row = form_.row(id);
  const std::uint64_t at = offset_of(v);
  std::optional<od::object> o;
  if (!object(v, {FieldKey::Row, id}, o)) return false;
  if (!o) return true;
  row.reset(at);
  row.present = true;
  return members(*o, FieldParent::Row, {FieldKey::Row, id});
}

bool FormReader::goals(od::value& v) {
  std::optional<od::object> o;
  if (!object(v, {FieldKey::Goals}, o)) return false;
  if (!o) return true;
  return members(*o, FieldParent::Goals, {FieldKey::Goals});
}

bool FormReader::indicators(od::value& v) {
  od::json_type t{};
  if (!kind(v, t)) return false;
  if (t == od::json_type::null) return true;
  if (t != od::json_type::array) {
    form_.indicators_state = FieldState::Invalid;
    bad_kind(sink_, {FieldKey::Indicators}, offset_of(v), "an array", "数组", kind_en(t),
             kind_zh(t));
    return skip(v);
  }
  form_.indicators_state = FieldState::Valid;
  form_.indicators.reserve(16);  // one allocation for a typical form, not one per doubling
  od::array a;
  if (fail(v.get_array().get(a))) return false;
  for (auto element : a) {
    od::value item;
    if (fail(element.get(item))) return false;
    const auto index = static_cast<std::uint32_t>(form_.indicators.size());
    Indicator& ind = form_.indicators.emplace_back();
    ind.reset(offset_of(item));
    const FieldRef ref{FieldKey::Indicator, {}, index};
    std::optional<od::object> o;
    if (!object(item, ref, o)) return false;
    if (o && !members(*o, FieldParent::Indicator, ref)) return false;
  }
  return true;
}

}  // namespace pes::json
