// Reads the members of one pes/1 form object into a Form, field by field from the field
// table. Shared by the JSON and JSON Lines modes of the JSON reader.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>

#include "pes/fields.h"
#include "pes/finding.h"
#include "pes/form.h"
#include "pes/json_reader.h"

namespace pes {

struct JsonReader::Impl {
  simdjson::ondemand::parser parser;
};

namespace json {

namespace od = simdjson::ondemand;

/// Every method returns false on a JSON syntax error (then `error` holds simdjson's code);
/// values that are well-formed JSON but cannot be read become findings instead.
class FormReader {
 public:
  /// `text` is the source text, which offsets count from.
  FormReader(std::string_view text, Form& form, FindingSink& sink)
      : base_(text.data()), end_(text.data() + text.size()), form_(form), sink_(sink) {}

  simdjson::error_code error = simdjson::SUCCESS;

  /// Reads a form object that starts at byte `at`.
  bool read(od::object object, std::uint64_t at);

 private:
  bool fail(simdjson::error_code e);
  /// Takes a member's name: its bytes in the text when it has no escape (as every name pes
  /// knows), else unescaped.
  bool member_name(od::field& field, std::string_view& out);
  std::uint64_t offset_of(od::value& v);
  bool kind(od::value& v, od::json_type& t);
  /// A value pes does not read (a member it does not know, a value of the wrong kind), held to
  /// JSON all the same: On-Demand passes over what it is not asked for without looking at its
  /// atoms ("nul"), numbers ("0x10") or escapes ("\q"), at any depth.
  bool skip(od::value& v);
  bool value(od::value& v, const FieldInfo& field, FieldRef ref);
  /// The raw text of a JSON number value; false (a syntax error) when it is not JSON's.
  bool number_token(od::value& v, std::string_view& raw);
  bool number(od::value& v, Number& out, FieldRef ref);
  bool text(od::value& v, Text& out, FieldRef ref);
  bool year(od::value& v);
  bool flag(od::value& v, Flag& out, FieldRef ref);
  // Expects an object; on another kind reports it and gives no object.
  bool object(od::value& v, FieldRef ref, std::optional<od::object>& out);
  // Reads the value fields of `parent` from an object's members.
  bool members(od::object o, FieldParent parent, FieldRef at);
  bool funds(od::value& v);
  bool funds_row(od::value& v, FundsRowId id);
  bool goals(od::value& v);
  bool indicators(od::value& v);

  const char* base_;
  const char* end_;
  Form& form_;
  FindingSink& sink_;
};

}  // namespace json
}  // namespace pes
