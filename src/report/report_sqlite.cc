// The database of a year's filings (--output sqlite:PATH, pes batch --out results.sqlite):
// tables files, forms, funds_rows, indicators and findings, and a view per summary. Written in
// one transaction into the temporary file of an OutputFile, which is renamed into place.
#include <fmt/format.h>
#include <sqlite3.h>

#include "pes/fields.h"
#include "pes/formats.h"
#include "pes/grade.h"
#include "pes/report.h"
#include "pes/rules.h"
#include "report/reporters.h"
#include "result_rows.h"

namespace pes {
namespace {

// Amounts are REAL as written, and also whole 分 (0.01 元 = 10⁻⁶ 万元) as INTEGER, so that the
// views sum them exactly. Rates in the views are rounded half-up in integer arithmetic.
constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files (
  id INTEGER PRIMARY KEY, path TEXT NOT NULL, format TEXT, forms INTEGER NOT NULL,
  readable INTEGER NOT NULL, error TEXT);
CREATE TABLE forms (
  id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES files(id), file TEXT NOT NULL,
  number INTEGER NOT NULL, location TEXT, year INTEGER, department TEXT, project TEXT,
  implementer TEXT, unit TEXT,
  annual REAL, executed REAL, annual_wan REAL, executed_wan REAL,
  annual_fen INTEGER, executed_fen INTEGER,
  reported_rate REAL, rate REAL, reported_budget_score REAL, budget_score REAL,
  reported_total REAL, total REAL, reported_grade TEXT, grade TEXT, rounding TEXT,
  errors INTEGER NOT NULL, warnings INTEGER NOT NULL, notices INTEGER NOT NULL);
CREATE TABLE funds_rows (
  form_id INTEGER NOT NULL REFERENCES forms(id), row TEXT NOT NULL, label TEXT NOT NULL,
  initial REAL, annual REAL, executed REAL, reported_rate REAL, rate REAL, score REAL,
  PRIMARY KEY (form_id, row));
CREATE TABLE indicators (
  form_id INTEGER NOT NULL REFERENCES forms(id), position INTEGER NOT NULL,
  level1 TEXT, level2 TEXT, name TEXT, target TEXT, actual TEXT, weight REAL, score REAL,
  reason TEXT, judged TEXT, met INTEGER, rule_score REAL,
  PRIMARY KEY (form_id, position));
CREATE TABLE findings (
  id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES files(id),
  form_id INTEGER REFERENCES forms(id), rule TEXT NOT NULL, severity TEXT NOT NULL,
  line INTEGER, "column" INTEGER, location TEXT, field TEXT, reported TEXT, expected TEXT,
  message TEXT NOT NULL, accepted TEXT);
CREATE INDEX findings_form ON findings(form_id);
CREATE VIEW summary_by_year_department AS
  SELECT year, department, forms, annual_fen / 1000000.0 AS annual_wan,
         executed_fen / 1000000.0 AS executed_wan,
         CASE WHEN annual_fen > 0
              THEN ((20000 * executed_fen + annual_fen) / (2 * annual_fen)) / 100.0 END AS rate,
         excellent, good, pass, fail, no_grade, forms_with_errors, without_amounts,
         annual_fen, executed_fen
  FROM (SELECT year, department, COUNT(*) AS forms,
               SUM(CASE WHEN annual_fen IS NOT NULL AND executed_fen IS NOT NULL
                        THEN annual_fen ELSE 0 END) AS annual_fen,
               SUM(CASE WHEN annual_fen IS NOT NULL AND executed_fen IS NOT NULL
                        THEN executed_fen ELSE 0 END) AS executed_fen,
               SUM(grade = '优') AS excellent, SUM(grade = '良') AS good,
               SUM(grade = '中') AS pass, SUM(grade = '差') AS fail,
               SUM(grade IS NULL) AS no_grade, SUM(errors > 0) AS forms_with_errors,
               SUM(annual_fen IS NULL OR executed_fen IS NULL) AS without_amounts
        FROM forms GROUP BY year, department)
  ORDER BY year, department;
CREATE VIEW grade_distribution AS
  SELECT grade, COUNT(*) AS forms FROM forms GROUP BY grade
  ORDER BY CASE grade WHEN '优' THEN 0 WHEN '良' THEN 1 WHEN '中' THEN 2 WHEN '差' THEN 3
                      ELSE 4 END;
CREATE VIEW findings_by_rule AS
  SELECT rule, COUNT(*) AS findings, SUM(severity = 'error') AS errors,
         SUM(severity = 'warning') AS warnings, SUM(severity = 'notice') AS notices,
         COUNT(DISTINCT form_id) AS forms
  FROM findings WHERE accepted IS NULL GROUP BY rule ORDER BY findings DESC, rule;
)sql";

constexpr const char* kInsertFile = "INSERT INTO files VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
// A large file checked in parts is one row of files: each later part adds its forms.
constexpr const char* kMoreForms = "UPDATE files SET forms = forms + ?1 WHERE id = ?2";
constexpr const char* kInsertForm =
    "INSERT INTO forms VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)";
constexpr const char* kInsertRow =
    "INSERT INTO funds_rows VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr const char* kInsertIndicator =
    "INSERT INTO indicators VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr const char* kInsertFinding =
    "INSERT INTO findings VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

// A prepared statement, bound by position from 1 and run once per step().
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { finalize(); }

  void finalize() {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }

  bool prepare(sqlite3* db, const char* sql) {
    return sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK;
  }
  Statement& null() {
    sqlite3_bind_null(stmt_, ++at_);
    return *this;
  }
  Statement& text(std::string_view v) {
    sqlite3_bind_text(stmt_, ++at_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& text_or_null(std::string_view v) { return v.empty() ? null() : text(v); }
  Statement& text(const Text& t) { return t.ok() ? text(t.value) : null(); }
  Statement& integer(std::int64_t v) {
    sqlite3_bind_int64(stmt_, ++at_, v);
    return *this;
  }
  Statement& real(const std::optional<Decimal>& d) {
    if (!d) return null();
    sqlite3_bind_double(stmt_, ++at_, to_double(*d));
    return *this;
  }
  Statement& real(const Number& n) { return real(n.ok() ? std::optional(n.value) : std::nullopt); }
  // An amount in 万元 as whole 分 (its count of 10⁻⁶ 万元).
  Statement& fen(const std::optional<Decimal>& wan) {
    if (!wan) return null();
    return integer(static_cast<std::int64_t>(wan->units()));
  }
  // Runs the statement; false when SQLite refuses it.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    at_ = 0;
    return rc == SQLITE_DONE;
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int at_ = 0;
};

std::string_view judged_name(JudgementKind k) {
  switch (k) {
    case JudgementKind::Quantitative:
      return "quantitative";
    case JudgementKind::Qualitative:
      return "qualitative";
    case JudgementKind::NotJudged:
      return "";
  }
  return "";
}

class SqliteReporter final : public Reporter {
 public:
  SqliteReporter(std::string path, ReportStyle style) : path_(std::move(path)), style_(style) {
    if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
      fail();
      return;
    }
    if (sqlite3_exec(db_, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK ||
        !file_.prepare(db_, kInsertFile) || !more_forms_.prepare(db_, kMoreForms) ||
        !form_.prepare(db_, kInsertForm) || !row_.prepare(db_, kInsertRow) ||
        !indicator_.prepare(db_, kInsertIndicator) || !finding_.prepare(db_, kInsertFinding)) {
      fail();
      return;
    }
    Statement meta;
    const std::string version(pes_version());
    if (!meta.prepare(db_, "INSERT INTO meta VALUES (?1, ?2)") ||
        !meta.text("tool").text("pes").step() || !meta.text("version").text(version).step() ||
        !meta.text("language").text(style_.chinese ? "zh" : "en").step()) {
      fail();
    }
  }

  ~SqliteReporter() override { sqlite3_close_v2(db_); }  // closes once the statements are gone

  void file(const FileResult& file) override {
    if (!error_.en.empty()) return;
    const bool zh = style_.chinese;
    const bool later_part = file.part > 0 && file.opened;
    const std::int64_t file_id = later_part ? files_ : ++files_;
    if (later_part) {
      more_forms_.integer(static_cast<std::int64_t>(file.doc.forms.size())).integer(file_id);
      if (!more_forms_.step()) return fail();
    } else if (file.opened) {
      file_.integer(file_id).text(file.path);
      file_.text(format_info(file.doc.format).description.en)
          .integer(static_cast<std::int64_t>(file.doc.forms.size()));
      file_.integer(1).null();
    } else {
      file_.integer(file_id).text(file.path);
      file_.null().integer(0).integer(0).text(file.error.in(zh));
    }
    if (!later_part && !file_.step()) return fail();
    for (const Finding& f : file.file_findings) finding(file, file_id, 0, f);
    for (std::size_t i = 0; i < file.doc.forms.size(); ++i) {
      const std::int64_t form_id = ++forms_;
      form(file, file_id, form_id, i);
      for (const Finding& f : file.forms[i].findings) finding(file, file_id, form_id, f);
    }
  }

  void finish(const Summary&) override {
    if (error_.en.empty() && sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      fail();
    }
    for (Statement* s : {&file_, &more_forms_, &form_, &row_, &indicator_, &finding_})
      s->finalize();
    if (sqlite3_close(db_) != SQLITE_OK) {  // also a connection that failed to open
      fail();
      sqlite3_close_v2(db_);
    }
    db_ = nullptr;
  }

  const Message* error() const override { return error_.en.empty() ? nullptr : &error_; }

 private:
  void fail() {
    if (!error_.en.empty()) return;
    const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    error_ = {fmt::format("cannot write the database: {}", why),
              fmt::format("无法写入数据库：{}", why)};
  }

  void form(const FileResult& file, std::int64_t file_id, std::int64_t form_id, std::size_t i) {
    const Form& form = file.doc.forms[i];
    const Recomputed& re = file.forms[i].re;
    const FormFacts f = form_facts(file, i);
    Statement& s = form_;
    s.integer(form_id).integer(file_id).text(f.file).integer(static_cast<std::int64_t>(f.number));
    s.text_or_null(f.location);
    f.year ? s.integer(*f.year) : s.null();
    s.text(form.department).text(form.project).text(form.implementer).text(form.unit);
    s.real(f.annual).real(f.executed).real(f.annual_wan).real(f.executed_wan);
    s.fen(f.annual_wan).fen(f.executed_wan);
    s.real(f.reported_rate).real(f.rate).real(f.reported_score).real(f.budget_score);
    s.real(f.reported_total).real(f.total).text(form.grade);
    f.grade ? s.text(grade_label_zh(*f.grade)) : s.null();
    s.text(re.rounding == Rounding::Truncate ? "truncate" : "half-up");
    s.integer(static_cast<std::int64_t>(f.errors)).integer(static_cast<std::int64_t>(f.warnings));
    s.integer(static_cast<std::int64_t>(f.notices));
    if (!s.step()) return fail();
    for (const FundsRowId id : kFundsRows) {
      const FundsRow& r = form.row(id);
      if (!r.present) continue;
      row_.integer(form_id).text(row_name(id)).text(row_label_zh(id));
      row_.real(r.initial).real(r.annual).real(r.executed).real(r.rate).real(re.rate_of(id));
      row_.real(r.score);
      if (!row_.step()) return fail();
    }
    for (std::size_t k = 0; k < form.indicators.size(); ++k) {
      const Indicator& in = form.indicators[k];
      Statement& s2 = indicator_;
      s2.integer(form_id).integer(static_cast<std::int64_t>(k + 1));
      s2.text(in.level1).text(in.level2).text(in.name).text(in.target).text(in.actual);
      s2.real(in.weight).real(in.score).text(in.reason);
      if (k < re.judgements.size() && re.judgements[k].kind != JudgementKind::NotJudged) {
        const Judgement& j = re.judgements[k];
        s2.text(judged_name(j.kind)).integer(j.met ? 1 : 0).real(j.rule_score);
      } else {
        s2.null().null().null();
      }
      if (!s2.step()) return fail();
    }
  }

  void finding(const FileResult& file, std::int64_t file_id, std::int64_t form_id,
               const Finding& f) {
    Statement& s = finding_;
    s.integer(file_id);
    form_id > 0 ? s.integer(form_id) : s.null();
    s.text(rule_info(f.rule).name).text(severity_name(f.severity));
    s.integer(f.line).integer(f.column).text_or_null(finding_place(f));
    s.text_or_null(finding_field(file, f)).text_or_null(f.reported).text_or_null(f.expected);
    s.text(f.message.in(style_.chinese));
    f.is_accepted() ? s.text(f.accepted) : s.null();
    if (!s.step()) fail();
  }

  std::string path_;
  ReportStyle style_;
  sqlite3* db_ = nullptr;
  Statement file_;
  Statement more_forms_;
  Statement form_;
  Statement row_;
  Statement indicator_;
  Statement finding_;
  std::int64_t files_ = 0;
  std::int64_t forms_ = 0;
  Message error_;
};

}  // namespace

std::unique_ptr<Reporter> make_sqlite_reporter(std::ostream&, const ReportStyle& style,
                                               std::string_view path) {
  return std::make_unique<SqliteReporter>(std::string(path), style);
}

}  // namespace pes
