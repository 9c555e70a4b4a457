#include "pes/form_writer.h"

#include <fmt/format.h>

#include "report/report_json.h"

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

void write_form(const Form& form, std::string& out, int indent, const Recomputed* re,
                bool chinese) {
  ObjectWriter o(out, indent);
  if (form.year.ok()) {
    o.key("year");
    out += std::to_string(form.year.value);
  }
  o.text("project", form.project);
  o.text("department", form.department);
  o.text("implementer", form.implementer);
  o.text("unit", form.unit);
  o.key("funds");
  {
    ObjectWriter funds(out, o.inner());
    funds.number("weight", form.funds_weight);
    for (FundsRowId id : kFundsRows) {
      const FundsRow& row = form.row(id);
      if (!row.present) continue;
      funds.key(row_name(id));
      ObjectWriter r(out, funds.inner());
      r.number("initial", row.initial);
      r.number("annual", row.annual);
      r.number("executed", row.executed);
      r.number("rate", row.rate);
      r.number("score", row.score);
      r.close();
    }
    funds.close();
  }
  if (form.goals_expected.ok() || form.goals_achieved.ok()) {
    o.key("goals");
    ObjectWriter g(out, o.inner());
    g.text("expected", form.goals_expected);
    g.text("achieved", form.goals_achieved);
    g.close();
  }
  o.key("indicators");
  out += '[';
  const std::string pad(static_cast<std::size_t>(o.inner() + 2), ' ');
  for (std::size_t i = 0; i < form.indicators.size(); ++i) {
    const Indicator& ind = form.indicators[i];
    out += i == 0 ? "\n" : ",\n";
    out += pad;
    ObjectWriter w(out, o.inner() + 2);
    w.text("level1", ind.level1);
    w.text("level2", ind.level2);
    w.text("name", ind.name);
    w.text("target", ind.target);
    w.text("actual", ind.actual);
    w.number("weight", ind.weight);
    w.number("score", ind.score);
    w.text("reason", ind.reason);
    if (re != nullptr && i < re->judgements.size()) {
      w.key("judgement");
      append_indented(out, judgement_json(ind, re->judgements[i], chinese), w.inner());
    }
    w.close();
  }
  if (!form.indicators.empty()) {
    out += '\n';
    out.append(static_cast<std::size_t>(o.inner()), ' ');
  }
  out += ']';
  o.number("total", form.total);
  o.text("grade", form.grade);
  o.close();
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
