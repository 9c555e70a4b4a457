#include "pes/fields.h"
#include "pes/form_writer.h"

#include <fmt/format.h>

#include "write/judgement_json.h"

namespace pes {

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

namespace {

class ObjectWriter {
 public:
  ObjectWriter(std::string& out, int indent) : out_(out), indent_(indent) { out_ += '{'; }
  void close() {
    if (any_) {
      out_ += '\n';
      out_.append(static_cast<std::size_t>(indent_), ' ');
    }
    out_ += '}';
  }
  // Starts a member; the caller appends its value.
  void key(std::string_view k) {
    out_ += any_ ? ",\n" : "\n";
    any_ = true;
    out_.append(static_cast<std::size_t>(indent_ + 2), ' ');
    append_json_string(out_, k);
    out_ += ": ";
  }
  void text(std::string_view k, const Text& t) {
    if (!t.ok()) return;
    key(k);
    append_json_string(out_, t.value);
  }
  void number(std::string_view k, const Number& n) {
    if (!n.ok()) return;
    key(k);
    out_ += n.value.str();
  }
  void flag(std::string_view k, const Flag& b) {
    if (!b.ok()) return;
    key(k);
    out_ += b.value ? "true" : "false";
  }
  int inner() const { return indent_ + 2; }

 private:
  std::string& out_;
  int indent_;
  bool any_ = false;
};

}  // namespace

namespace {

// Appends a JSON value dumped with a 2-space indent, its inner lines shifted by `indent`.
void append_indented(std::string& out, const ojson& value, int indent) {
  const std::string text = value.dump(2);
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  for (const char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
}

// Writes the members of one pes/1 object (the form, its funds, a funds row, its goals, an
// indicator) in the order of the field table.
class FormWriter {
 public:
  FormWriter(const Form& form, std::string& out, const Recomputed* re, bool chinese)
      : form_(form), out_(out), re_(re), chinese_(chinese) {}

  void object(FieldParent parent, FieldRef where, int indent) {
    ObjectWriter o(out_, indent);
    for (const FieldInfo& f : fields()) {
      if (f.parent == parent) member(o, f, where);
    }
    if (parent == FieldParent::Indicator && re_ != nullptr && where.indicator < re_->judgements.size()) {
      o.key("judgement");
      append_indented(out_, judgement_json(form_.indicators[where.indicator],
                                           re_->judgements[where.indicator], chinese_),
                      o.inner());
    }
    o.close();
  }

 private:
  void member(ObjectWriter& o, const FieldInfo& f, FieldRef where) {
    where.key = f.key;
    switch (f.type) {
      case FieldType::Year:
        if (form_.year.ok()) {
          o.key(f.json);
          out_ += std::to_string(form_.year.value);
        }
        return;
      case FieldType::Str: o.text(f.json, *text_field(form_, f, where)); return;
      case FieldType::Num: o.number(f.json, *number_field(form_, f, where)); return;
      case FieldType::Bool: o.flag(f.json, *flag_field(form_, f, where)); return;
      case FieldType::Ordinal: return;  // tables only
      case FieldType::Object: container(o, f, where); return;
      case FieldType::List: list(o, f); return;
    }
  }

  void container(ObjectWriter& o, const FieldInfo& f, FieldRef where) {
    switch (f.key) {
      case FieldKey::Funds:
        o.key(f.json);
        object(FieldParent::Funds, where, o.inner());
        return;
      case FieldKey::Row:  // one member per funds row the form has
        for (const FundsRowInfo& r : funds_rows()) {
          if (!form_.row(r.id).present) continue;
          o.key(r.json);
          object(FieldParent::Row, {FieldKey::Row, r.id, 0}, o.inner());
        }
        return;
      case FieldKey::Goals:
        if (!form_.goals_expected.ok() && !form_.goals_achieved.ok()) return;
        o.key(f.json);
        object(FieldParent::Goals, where, o.inner());
        return;
      default: return;
    }
  }

  void list(ObjectWriter& o, const FieldInfo& f) {
    o.key(f.json);
    out_ += '[';
    const std::string pad(static_cast<std::size_t>(o.inner() + 2), ' ');
    for (std::size_t i = 0; i < form_.indicators.size(); ++i) {
      out_ += i == 0 ? "\n" : ",\n";
      out_ += pad;
      object(FieldParent::Indicator, {FieldKey::Indicator, {}, static_cast<std::uint32_t>(i)},
             o.inner() + 2);
    }
    if (!form_.indicators.empty()) {
      out_ += '\n';
      out_.append(static_cast<std::size_t>(o.inner()), ' ');
    }
    out_ += ']';
  }

  const Form& form_;
  std::string& out_;
  const Recomputed* re_;
  bool chinese_;
};

void write_form(const Form& form, std::string& out, int indent, const Recomputed* re,
                bool chinese) {
  FormWriter(form, out, re, chinese).object(FieldParent::Form, {FieldKey::Form}, indent);
}

}  // namespace

void write_form_json(const Form& form, std::string& out, int indent) {
  write_form(form, out, indent, nullptr, false);
}

void write_judged_form_json(const Form& form, const Recomputed& re, bool chinese, std::string& out,
                            int indent) {
  write_form(form, out, indent, &re, chinese);
}

void fill_computed(Form& form, const Recomputed& re) {
  for (FundsRowId id : kFundsRows) {
    FundsRow& row = form.row(id);
    if (const auto rate = re.rate_of(id); row.present && rate) row.rate.set(*rate, row.rate.offset);
  }
  FundsRow& total = form.row(FundsRowId::Total);
  if (total.present && re.budget_score) total.score.set(*re.budget_score, total.score.offset);
  if (!form.funds_weight.ok()) form.funds_weight.set(re.funds_weight, form.funds_weight.offset);
  if (re.total) form.total.set(*re.total, form.total.offset);
  if (re.grade) form.grade.set(std::string(grade_label_zh(*re.grade)), form.grade.offset);
}

}  // namespace pes
