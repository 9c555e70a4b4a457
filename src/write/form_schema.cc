// The JSON Schema of pes/1, written from the field table (`pes schema`; the copy in
// schemas/pes-1.schema.json is this output, and a test keeps them equal).
#include "pes/form_schema.h"

#include <nlohmann/json.hpp>

#include "pes/fields.h"
#include "pes/grade.h"

namespace pes {
namespace {

using ojson = nlohmann::ordered_json;

std::string describe(const FieldInfo& f) {
  std::string d = std::string(f.zh) + ": " + std::string(f.en);
  if (f.required == Requirement::IfTemplateHas) {
    d += "; required when the form's template has it, optional in plain pes/1";
  } else if (f.alternative != FieldKey::Form) {
    d += "; required unless " + std::string(field_info(f.alternative).json) + " is given";
  } else if (f.required == Requirement::Required) {
    d += "; required unless the form's template has no place for it";
  }
  return d;
}

bool is_required(const FieldInfo& f) {
  return f.required == Requirement::Required && f.alternative == FieldKey::Form;
}

ojson ref(std::string_view def) { return {{"$ref", "#/$defs/" + std::string(def)}}; }

// The schema of one value field.
ojson value_schema(const FieldInfo& f) {
  ojson s;
  switch (f.type) {
    case FieldType::Year:
      s["oneOf"] = ojson::array({{{"type", "integer"}}, {{"type", "string"}}});
      break;
    case FieldType::Str:
      if (f.key == FieldKey::Grade) {
        ojson values = ojson::array();
        for (const GradeSpelling& g : grade_spellings()) values.push_back(g.text);
        s["enum"] = std::move(values);
      } else if (!f.values.empty()) {
        s["enum"] = ojson(std::vector<std::string>(f.values.begin(), f.values.end()));
      } else {
        s = ref("text");
      }
      break;
    case FieldType::Num: s = ref("number"); break;
    case FieldType::Bool: s = ref("flag"); break;
    case FieldType::Ordinal:
    case FieldType::Object:
    case FieldType::List: break;
  }
  if (!f.default_value.empty()) {
    if (f.type == FieldType::Num) {
      s["default"] = ojson::parse(f.default_value);
    } else {
      s["default"] = f.default_value;
    }
  }
  s["description"] = describe(f);
  return s;
}

// An object of the value fields of `parent` (the total row's own fields aside).
ojson object_schema(FieldParent parent, bool with_required) {
  ojson properties = ojson::object();
  ojson required = ojson::array();
  for (const FieldInfo* f : fields_of(parent)) {
    if (f->total_row_only || f->json.empty()) continue;
    properties[std::string(f->json)] = value_schema(*f);
    if (is_required(*f)) required.push_back(f->json);
  }
  ojson s = {{"type", "object"}};
  if (with_required && !required.empty()) s["required"] = std::move(required);
  s["properties"] = std::move(properties);
  return s;
}

ojson funds_schema() {
  ojson properties = ojson::object();
  for (const FieldInfo* f : fields_of(FieldParent::Funds)) {
    properties[std::string(f->json)] = value_schema(*f);
  }
  for (const FundsRowInfo& r : funds_rows()) {
    if (r.id != FundsRowId::Total) {
      properties[std::string(r.json)] = {{"$ref", "#/$defs/row"}, {"description", r.zh}};
      continue;
    }
    // The total row: the fields every row has, those only it has, and the ones it needs.
    ojson total = {{"allOf", ojson::array({ref("row")})}};
    ojson required = ojson::array();
    ojson own = ojson::object();
    for (const FieldInfo* f : fields_of(FieldParent::Row)) {
      if (is_required(*f)) required.push_back(f->json);
      if (f->required == Requirement::Required && f->alternative != FieldKey::Form) {
        // Either this field or its alternative: 全年预算数, else 年初预算数.
        total["allOf"].push_back(
            {{"anyOf", ojson::array({{{"required", ojson::array({f->json})}},
                                     {{"required",
                                       ojson::array({field_info(f->alternative).json})}}})}});
      }
      if (f->total_row_only) own[std::string(f->json)] = value_schema(*f);
    }
    if (!required.empty()) total["required"] = std::move(required);
    total["properties"] = std::move(own);
    total["description"] = r.zh;
    properties[std::string(r.json)] = std::move(total);
  }
  return {{"type", "object"},
          {"required", ojson::array({row_name(FundsRowId::Total)})},
          {"properties", std::move(properties)},
          {"description", describe(field_info(FieldKey::Funds))}};
}

ojson form_schema_json() {
  ojson properties = ojson::object();
  ojson required = ojson::array();
  for (const FieldInfo& f : fields()) {
    if (f.parent != FieldParent::Form || f.json.empty()) continue;
    const std::string key(f.json);
    if (is_required(f)) required.push_back(key);
    switch (f.key) {
      case FieldKey::Funds:
        properties[key] = funds_schema();
        break;
      case FieldKey::Goals: {
        ojson goals = object_schema(FieldParent::Goals, false);
        goals["description"] = describe(f);
        properties[key] = std::move(goals);
        break;
      }
      case FieldKey::Indicators: {
        ojson item = object_schema(FieldParent::Indicator, true);
        item["properties"]["judgement"] = {
            {"type", "object"},
            {"description",
             "written by pes score (the report schema's judgement); ignored when read"}};
        properties[key] = {{"type", "array"}, {"description", describe(f)}, {"items", item}};
        break;
      }
      default: properties[key] = value_schema(f); break;
    }
  }
  return {{"type", "object"}, {"required", std::move(required)}, {"properties", std::move(properties)}};
}

}  // namespace

std::string form_schema() {
  ojson defs;
  defs["number"] = {
      {"description", "A decimal, at most 6 decimals and 18 integer digits."},
      {"oneOf",
       ojson::array(
           {{{"type", "number"}},
            {{"type", "string"},
             {"pattern",
              "^\\s*[+-]?([0-9０-９]{1,3}([,，][0-9０-９]{3})+|[0-9０-９]*)([.．][0-9０-９]*)?"
              "([eE][+-]?[0-9]+)?\\s*(%|％|万元|万|元|分)?\\s*$"}}})}};
  defs["text"] = {{"type", ojson::array({"string", "number"})}};
  defs["flag"] = {{"description", "true or false (also \"是\" / \"否\", 1 / 0)"},
                  {"type", ojson::array({"boolean", "string", "integer"})}};
  defs["row"] = object_schema(FieldParent::Row, false);
  defs["form"] = form_schema_json();
  const ojson schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "https://pes.invalid/schemas/pes-1.schema.json"},
      {"title",
       "pes/1: a 财政项目支出绩效自评表 (performance self-evaluation form for fiscal project "
       "spending)"},
      {"description",
       "One form object, or an array of them. Every number may also be a string as people type "
       "it (\"3,827.50\", \"98.48%\", \" 9.84 \", \"150万\", \"99.84分\", full-width "
       "digits); a comma is a thousands separator only in groups of three. The funds block holds "
       "a total row and the source rows it sums, each by its kind; a form filled in a template "
       "names it in \"template\", and a field the template has no place for is not required."},
      {"oneOf", ojson::array({ref("form"), {{"type", "array"}, {"items", ref("form")}}})},
      {"$defs", std::move(defs)}};
  return schema.dump(2) + "\n";
}

}  // namespace pes
