// The parts of the JSON reader shared by its JSON and JSON Lines modes: the reader of one
// form object and the locator of syntax errors. Internal to the library; include it only from
// files compiled with PES_READER_ARCH (see CMakeLists.txt), as simdjson picks its kernel from it.
#pragma once

#include <simdjson.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "read/field_errors.h"
#include "pes/json_reader.h"

namespace pes {

namespace od = simdjson::ondemand;
using simdjson::error_code;

struct JsonReader::Impl {
  od::parser parser;
};

namespace json_detail {


inline std::string_view kind_en(od::json_type t) {
  switch (t) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "true/false";
    case od::json_type::null: return "null";
  }
  return "a value";
}

inline std::string_view kind_zh(od::json_type t) {
  switch (t) {
    case od::json_type::array: return "数组";
    case od::json_type::object: return "对象";
    case od::json_type::number: return "数字";
    case od::json_type::string: return "字符串";
    case od::json_type::boolean: return "布尔值";
    case od::json_type::null: return "null";
  }
  return "值";
}

inline std::string_view trim_token(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// A JSON number token as RFC 8259 writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
inline bool is_json_number(std::string_view t) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i > start;
  };
  if (i < t.size() && t[i] == '-') ++i;
  if (i < t.size() && t[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == t.size();
}

// Reads the fields of one form. Every method returns false on a JSON syntax error
// (then `error` holds simdjson's code); unreadable values become findings instead.
class FormReader {
 public:
  FormReader(const char* base, Form& form, FindingSink& sink) : base_(base), form_(form), sink_(sink) {}

  error_code error = simdjson::SUCCESS;

  bool read(od::object object, std::uint64_t at) {
    form_.offset = at;
    reset_offsets(at);
    for (auto member : object) {
      od::field field;
      std::string_view key;
      if (fail(std::move(member).get(field)) || fail(field.unescaped_key().get(key))) return false;
      od::value v = field.value();
      bool ok = true;
      if (key == "year") ok = year(v);
      else if (key == "project") ok = text(v, form_.project, {FieldKey::Project});
      else if (key == "department") ok = text(v, form_.department, {FieldKey::Department});
      else if (key == "implementer") ok = text(v, form_.implementer, {FieldKey::Implementer});
      else if (key == "unit") ok = text(v, form_.unit, {FieldKey::Unit});
      else if (key == "funds") ok = funds(v);
      else if (key == "goals") ok = goals(v);
      else if (key == "indicators") ok = indicators(v);
      else if (key == "total") ok = number(v, form_.total, {FieldKey::Total});
      else if (key == "grade") ok = text(v, form_.grade, {FieldKey::Grade});
      if (!ok) return false;
    }
    return true;
  }

 private:
  bool fail(error_code e) {
    if (e == simdjson::SUCCESS) return false;
    error = e;
    return true;
  }

  std::uint64_t offset_of(od::value& v) {
    return static_cast<std::uint64_t>(v.raw_json_token().data() - base_);
  }

  void reset_offsets(std::uint64_t at) {
    for (Text* t : {&form_.project, &form_.department, &form_.implementer, &form_.unit,
                    &form_.goals_expected, &form_.goals_achieved, &form_.grade}) {
      t->reset(at);
    }
    form_.year.reset(at);
    form_.funds_weight.reset(at);
    form_.total.reset(at);
    for (FundsRow& row : form_.funds) {
      row.offset = at;
      for (Number* n : {&row.initial, &row.annual, &row.executed, &row.rate, &row.score}) n->reset(at);
    }
  }

  // Kind of a value, or false on a syntax error.
  bool kind(od::value& v, od::json_type& t) { return !fail(v.type().get(t)); }

  bool number(od::value& v, Number& out, FieldRef ref) {
    od::json_type t{};
    if (!kind(v, t)) return false;
    const std::uint64_t at = offset_of(v);
    std::string_view raw;
    if (t == od::json_type::number) {
      raw = trim_token(v.raw_json_token());
      if (!is_json_number(raw)) {
        error = simdjson::NUMBER_ERROR;  // not JSON: "0x10", "NaN"
        return false;
      }
    } else if (t == od::json_type::string) {
      if (fail(v.get_string().get(raw))) return false;
    } else if (t == od::json_type::null) {
      out.reset(out.offset);
      return true;
    } else {
      out.state = FieldState::Invalid;
      out.offset = at;
      bad_kind(sink_, ref, at, "a number", "数字", kind_en(t), kind_zh(t));
      return true;
    }
    const Decimal::Parsed p = Decimal::parse(raw);
    if (p.value) {
      out.set(*p.value, at);
    } else {
      out.state = FieldState::Invalid;
      out.offset = at;
      bad_number(sink_, ref, at, raw, p.error);
    }
    return true;
  }

  bool text(od::value& v, Text& out, FieldRef ref) {
    od::json_type t{};
    if (!kind(v, t)) return false;
    const std::uint64_t at = offset_of(v);
    std::string_view s;
    if (t == od::json_type::string) {
      if (fail(v.get_string().get(s))) return false;
      out.set(std::string(s), at);
    } else if (t == od::json_type::number) {
      const std::string_view raw = trim_token(v.raw_json_token());
      if (!is_json_number(raw)) {
        error = simdjson::NUMBER_ERROR;
        return false;
      }
      out.set(std::string(raw), at);
    } else if (t == od::json_type::null) {
      out.reset(out.offset);
    } else {
      out.state = FieldState::Invalid;
      out.offset = at;
      bad_kind(sink_, ref, at, "a text", "文本", kind_en(t), kind_zh(t));
    }
    return true;
  }

  bool year(od::value& v) {
    Number n;
    n.offset = form_.year.offset;
    if (!number(v, n, {FieldKey::Year})) return false;
    form_.year.offset = n.offset;
    form_.year.state = n.state;
    if (!n.ok()) return true;
    const Decimal d = n.value;
    if (!d.fits(0) || d < Decimal::of(1000) || d > Decimal::of(9999)) {
      form_.year.state = FieldState::Invalid;
      bad_year(sink_, {FieldKey::Year}, n.offset, d.str());
    } else {
      form_.year.value = static_cast<std::int32_t>(d.units() / Decimal::kUnit);
    }
    return true;
  }

  // Expects an object; on another kind reports it and returns no object.
  bool object(od::value& v, FieldRef ref, std::optional<od::object>& out) {
    od::json_type t{};
    if (!kind(v, t)) return false;
    if (t == od::json_type::null) return true;
    if (t != od::json_type::object) {
      bad_kind(sink_, ref, offset_of(v), "an object", "对象", kind_en(t), kind_zh(t));
      return true;
    }
    od::object o;
    if (fail(v.get_object().get(o))) return false;
    out = o;
    return true;
  }

  bool funds(od::value& v) {
    const std::uint64_t at = offset_of(v);
    std::optional<od::object> o;
    if (!object(v, {FieldKey::Funds}, o)) return false;
    if (!o) return true;
    for (FundsRow& row : form_.funds) {
      row.offset = at;
      for (Number* n : {&row.initial, &row.annual, &row.executed, &row.rate, &row.score}) n->reset(at);
    }
    form_.funds_weight.reset(at);
    for (auto member : *o) {
      od::field field;
      std::string_view key;
      if (fail(std::move(member).get(field)) || fail(field.unescaped_key().get(key))) return false;
      od::value value = field.value();
      bool ok = true;
      if (key == "weight") ok = number(value, form_.funds_weight, {FieldKey::FundsWeight});
      else if (key == "total") ok = funds_row(value, FundsRowId::Total);
      else if (key == "fiscal") ok = funds_row(value, FundsRowId::Fiscal);
      else if (key == "carryover") ok = funds_row(value, FundsRowId::Carryover);
      else if (key == "other") ok = funds_row(value, FundsRowId::Other);
      if (!ok) return false;
    }
    return true;
  }

  bool funds_row(od::value& v, FundsRowId id) {
    FundsRow& row = form_.row(id);
    const std::uint64_t at = offset_of(v);
    std::optional<od::object> o;
    if (!object(v, {FieldKey::Row, id}, o)) return false;
    if (!o) return true;
    row.present = true;
    row.offset = at;
    for (Number* n : {&row.initial, &row.annual, &row.executed, &row.rate, &row.score}) n->reset(at);
    for (auto member : *o) {
      od::field field;
      std::string_view key;
      if (fail(std::move(member).get(field)) || fail(field.unescaped_key().get(key))) return false;
      od::value value = field.value();
      bool ok = true;
      if (key == "initial") ok = number(value, row.initial, {FieldKey::RowInitial, id});
      else if (key == "annual") ok = number(value, row.annual, {FieldKey::RowAnnual, id});
      else if (key == "executed") ok = number(value, row.executed, {FieldKey::RowExecuted, id});
      else if (key == "rate") ok = number(value, row.rate, {FieldKey::RowRate, id});
      else if (key == "score") ok = number(value, row.score, {FieldKey::RowScore, id});
      if (!ok) return false;
    }
    return true;
  }

  bool goals(od::value& v) {
    std::optional<od::object> o;
    if (!object(v, {FieldKey::Goals}, o)) return false;
    if (!o) return true;
    for (auto member : *o) {
      od::field field;
      std::string_view key;
      if (fail(std::move(member).get(field)) || fail(field.unescaped_key().get(key))) return false;
      od::value value = field.value();
      bool ok = true;
      if (key == "expected") ok = text(value, form_.goals_expected, {FieldKey::Goals});
      else if (key == "achieved") ok = text(value, form_.goals_achieved, {FieldKey::Goals});
      if (!ok) return false;
    }
    return true;
  }

  bool indicators(od::value& v) {
    od::json_type t{};
    if (!kind(v, t)) return false;
    if (t == od::json_type::null) return true;
    if (t != od::json_type::array) {
      form_.indicators_state = FieldState::Invalid;
      bad_kind(sink_, {FieldKey::Indicators}, offset_of(v), "an array", "数组", kind_en(t), kind_zh(t));
      return true;
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
      const std::uint64_t at = offset_of(item);
      ind.offset = at;
      for (Text* s : {&ind.level1, &ind.level2, &ind.name, &ind.target, &ind.actual, &ind.reason}) {
        s->value.clear();
        s->reset(at);
      }
      ind.weight.reset(at);
      ind.score.reset(at);
      std::optional<od::object> o;
      if (!object(item, {FieldKey::Indicator, {}, index}, o)) return false;
      if (!o) continue;
      for (auto member : *o) {
        od::field field;
        std::string_view key;
        if (fail(std::move(member).get(field)) || fail(field.unescaped_key().get(key))) return false;
        od::value value = field.value();
        const FieldRef ref{FieldKey::Indicator, {}, index};
        auto with = [&](FieldKey k) { FieldRef r = ref; r.key = k; return r; };
        bool ok = true;
        if (key == "level1") ok = text(value, ind.level1, with(FieldKey::Level1));
        else if (key == "level2") ok = text(value, ind.level2, with(FieldKey::Level2));
        else if (key == "name") ok = text(value, ind.name, with(FieldKey::Name));
        else if (key == "target") ok = text(value, ind.target, with(FieldKey::Target));
        else if (key == "actual") ok = text(value, ind.actual, with(FieldKey::Actual));
        else if (key == "weight") ok = number(value, ind.weight, with(FieldKey::Weight));
        else if (key == "score") ok = number(value, ind.score, with(FieldKey::Score));
        else if (key == "reason") ok = text(value, ind.reason, with(FieldKey::Reason));
        if (!ok) return false;
      }
    }
    return true;
  }

  const char* base_;
  Form& form_;
  FindingSink& sink_;
};

// Finds where and why strict JSON parsing fails, for the parse-error message.
class ErrorLocator : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool failed = false;
  std::size_t position = 0;
  std::string what;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& e) override {
    failed = true;
    position = pos;
    what = e.what();
    return false;
  }
};

// "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
// → "syntax error ..."
// "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ...; last
// read: '...'" → "syntax error ...". The "last read" part is dropped: it can hold a piece of
// a broken UTF-8 sequence, and run to kilobytes.
inline std::string describe(const std::string& what) {
  const auto colon = what.find(": ");
  std::string why = colon == std::string::npos ? what : what.substr(colon + 2);
  const auto last = why.find("; last read: '");
  if (last != std::string::npos) {
    const auto next = why.find("'; ", last + 14);  // "; expected ..." may follow
    why.erase(last, next == std::string::npos ? std::string::npos : next + 1 - last);
  }
  return why;
}

inline bool blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace json_detail
}  // namespace pes
