// The JSON reporter: one document with schema_version, tool, summary and files.
#include "report/report_json.h"

#include "pes/fields.h"
#include "pes/grade.h"
#include "write/judgement_json.h"
#include "pes/formats.h"
#include "pes/report.h"
#include "report/reporters.h"
#include "pes/rules.h"

namespace pes {
namespace {

ojson decimal_or_null(const std::optional<Decimal>& d) { return d ? ojson(d->str()) : ojson(nullptr); }
ojson number_or_null(const Number& n) { return n.ok() ? ojson(n.value.str()) : ojson(nullptr); }
ojson text_or_null(const Text& t) { return t.ok() ? ojson(t.value) : ojson(nullptr); }

ojson summary_json(const Summary& s) {
  ojson j = {{"files", s.files},   {"unreadable_files", s.unreadable}, {"forms", s.forms},
             {"errors", s.errors}, {"warnings", s.warnings},           {"notices", s.notices}};
  if (s.accepted > 0) j["accepted"] = s.accepted;
  if (s.baselined > 0) j["baselined"] = s.baselined;
  return j;
}

class JsonReporter final : public Reporter {
 public:
  JsonReporter(std::ostream& out, ReportStyle style) : out_(out), style_(style) {}

  void file(const FileResult& file) override {
    if (file.part > 0 && file.opened && !files_.empty()) {  // the next part of a JSON Lines file
      ojson& last = files_.back();
      for (const Finding& x : file.file_findings) last["findings"].push_back(finding_json(x, style_.chinese));
      for (std::size_t i = 0; i < file.doc.forms.size(); ++i) {
        last["forms"].push_back(form_json(file.doc.forms[i], file.forms[i], style_.chinese));
      }
      return;
    }
    ojson f;
    f["path"] = file.path;
    if (!file.opened) {
      f["status"] = "unreadable";
      f["error"] = file.error.in(style_.chinese);
      f["findings"] = ojson::array();
      f["forms"] = ojson::array();
      files_.push_back(std::move(f));
      return;
    }
    f["status"] = file.doc.parsed ? "ok" : "parse-error";
    f["format"] = std::string(format_name(file.doc.format));
    ojson findings = ojson::array();
    for (const Finding& x : file.file_findings) findings.push_back(finding_json(x, style_.chinese));
    f["findings"] = std::move(findings);
    ojson forms = ojson::array();
    for (std::size_t i = 0; i < file.doc.forms.size(); ++i) {
      forms.push_back(form_json(file.doc.forms[i], file.forms[i], style_.chinese));
    }
    f["forms"] = std::move(forms);
    files_.push_back(std::move(f));
  }

  void finish(const Summary& s) override {
    ojson doc;
    doc["schema_version"] = 1;
    doc["tool"] = {{"name", "pes"}, {"version", std::string(pes_version())}};
    doc["summary"] = summary_json(s);
    doc["files"] = std::move(files_);
    out_ << doc.dump(2, ' ', false, ojson::error_handler_t::replace) << '\n';
  }

 private:
  std::ostream& out_;
  ReportStyle style_;
  ojson files_ = ojson::array();
};

}  // namespace

ojson finding_json(const Finding& f, bool chinese) {
  ojson j;
  j["rule"] = std::string(rule_info(f.rule).name);
  j["severity"] = std::string(severity_name(f.severity));
  j["line"] = f.line;
  j["column"] = f.column;
  j["pointer"] = f.pointer;
  if (f.row > 0) {  // a spreadsheet's row and column, as it shows them (finding_place)
    j["row"] = f.row;
    if (!f.column_letter.empty()) j["column_letter"] = f.column_letter;
    j["place"] = finding_place(f);
  }
  j["reported"] = f.reported.empty() ? ojson(nullptr) : ojson(f.reported);
  j["expected"] = f.expected.empty() ? ojson(nullptr) : ojson(f.expected);
  j["message"] = f.message.in(chinese);
  if (f.is_accepted()) j["accepted"] = f.accepted;
  return j;
}

ojson form_json(const Form& form, const FormResult& result, bool chinese) {
  const Recomputed& re = result.re;
  ojson j;
  j["index"] = form.index;
  j["number"] = std::uint64_t{form.index} + 1;
  j["project"] = text_or_null(form.project);
  j["year"] = form.year.ok() ? ojson(form.year.value) : ojson(nullptr);
  j["department"] = text_or_null(form.department);
  // The template the form was read with (a printed table) or names; null for plain pes/1.
  j["template"] = form.template_name.ok() && !form.template_name.value.empty()
                      ? ojson(form.template_name.value)
                      : ojson(nullptr);
  ojson reported;
  ojson rates;
  for (FundsRowId id : kFundsRows) rates[std::string(row_name(id))] = number_or_null(form.row(id).rate);
  reported["rates"] = std::move(rates);
  reported["budget_score"] = number_or_null(form.row(FundsRowId::Total).score);
  reported["total"] = number_or_null(form.total);
  reported["grade"] = text_or_null(form.grade);
  j["reported"] = std::move(reported);

  ojson r;
  r["rounding"] = re.rounding == Rounding::Truncate ? "truncate" : "half-up";
  ojson rr;
  for (FundsRowId id : kFundsRows) rr[std::string(row_name(id))] = decimal_or_null(re.rate_of(id));
  r["rates"] = std::move(rr);
  r["funds_weight"] = re.funds_weight.str();
  r["budget_score"] = decimal_or_null(re.budget_score);
  r["indicator_weight"] = re.indicator_weight.str();
  r["indicator_score"] = re.indicator_score.str();
  ojson levels = ojson::array();
  for (const LevelSum& l : re.levels) {
    levels.push_back({{"level1", l.name}, {"weight", l.weight.str()}, {"score", l.score.str()}});
  }
  r["levels"] = std::move(levels);
  r["total"] = decimal_or_null(re.total);
  r["grade"] = re.grade ? ojson(std::string(grade_label_zh(*re.grade))) : ojson(nullptr);
  ojson inds = ojson::array();
  for (std::size_t i = 0; i < form.indicators.size() && i < re.judgements.size(); ++i) {
    ojson one = {{"index", i}, {"name", text_or_null(form.indicators[i].name)}};
    one.update(judgement_json(form.indicators[i], re.judgements[i], chinese));
    inds.push_back(std::move(one));
  }
  r["indicators"] = std::move(inds);
  j["recomputed"] = std::move(r);
  ojson findings = ojson::array();
  for (const Finding& f : result.findings) findings.push_back(finding_json(f, chinese));
  j["findings"] = std::move(findings);
  return j;
}

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out, const ReportStyle& style,
                                  std::string_view) {
  return std::make_unique<JsonReporter>(out, style);
}

}  // namespace pes
