// The tables pes batch writes: one row per form (--out) and one per finding (--findings),
// as CSV (UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF) or JSON Lines; and the file
// they are written to, renamed into place only when complete.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "pes/batch.h"
#include "pes/form_writer.h"
#include "pes/grade.h"
#include "pes/rules.h"

namespace pes {

TableFormat table_format_for_path(std::string_view path) {
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return TableFormat::Csv;
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return ext == "jsonl" || ext == "ndjson" ? TableFormat::JsonLines : TableFormat::Csv;
}

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

constexpr std::string_view kFormColumns[] = {
    "file",           "form",        "line",         "year",          "department",
    "project",        "unit",        "annual",       "executed",      "reported_rate",
    "rate",           "reported_score", "budget_score", "reported_total", "total",
    "reported_grade", "grade",       "errors",       "warnings"};

constexpr std::string_view kFindingColumns[] = {"file",     "form",     "line",     "column",
                                                "pointer",  "rule",     "severity", "reported",
                                                "expected", "message"};

// One row, as CSV or as a JSON object. Values are text, numbers (written as they are: the
// exact digits of a Decimal) or absent.
class Row {
 public:
  Row(std::string& out, TableFormat format, const std::string_view* columns)
      : out_(out), format_(format), columns_(columns) {
    if (format_ == TableFormat::JsonLines) out_ += '{';
  }

  void text(std::string_view v) {
    next();
    if (format_ == TableFormat::JsonLines) {
      append_json_string(out_, v);
      return;
    }
    // One pass over the bytes: find_first_of searched the four signs once per byte.
    if (std::none_of(v.begin(), v.end(),
                     [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; })) {
      out_ += v;
      return;
    }
    out_ += '"';
    for (char c : v) {
      if (c == '"') out_ += '"';
      out_ += c;
    }
    out_ += '"';
  }
  void number(std::string_view v) {
    next();
    out_ += v;
  }
  void number(std::uint64_t v) {
    next();
    fmt::format_to(std::back_inserter(out_), "{}", v);
  }
  void none() {
    next();
    if (format_ == TableFormat::JsonLines) out_ += "null";
  }
  void text(const Text& t) { t.ok() ? text(t.value) : none(); }
  void number(const Number& n) { n.ok() ? number(std::string_view(n.value.str())) : none(); }
  void number(const std::optional<Decimal>& d) { d ? number(std::string_view(d->str())) : none(); }

  void end() { out_ += format_ == TableFormat::JsonLines ? "}\n" : "\r\n"; }

 private:
  void next() {
    if (format_ == TableFormat::JsonLines) {
      if (column_ > 0) out_ += ',';
      append_json_string(out_, columns_[column_]);
      out_ += ':';
    } else if (column_ > 0) {
      out_ += ',';
    }
    ++column_;
  }

  std::string& out_;
  TableFormat format_;
  const std::string_view* columns_;
  std::size_t column_ = 0;
};

template <std::size_t N>
std::string header(TableFormat format, const std::string_view (&columns)[N]) {
  if (format == TableFormat::JsonLines) return {};
  std::string out(kBom);
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += ',';
    out += columns[i];
  }
  out += "\r\n";
  return out;
}

}  // namespace

std::string form_table_header(TableFormat format) { return header(format, kFormColumns); }
std::string finding_table_header(TableFormat format) { return header(format, kFindingColumns); }

void append_form_row(std::string& out, TableFormat format, std::string_view file,
                     std::uint64_t form_number, std::uint64_t line, const Form& form,
                     const FormResult& result) {
  const Recomputed& re = result.re;
  const FundsRow& total = form.row(FundsRowId::Total);
  std::uint64_t errors = 0;
  std::uint64_t warnings = 0;
  for (const Finding& f : result.findings) {
    errors += f.severity == Severity::Error ? 1 : 0;
    warnings += f.severity == Severity::Warning ? 1 : 0;
  }
  Row row(out, format, kFormColumns);
  row.text(file);
  row.number(form_number);
  row.number(line);
  if (form.year.ok()) {
    row.number(static_cast<std::uint64_t>(form.year.value));
  } else {
    row.none();
  }
  row.text(form.department);
  row.text(form.project);
  row.text(form.unit);
  row.number(total.annual);
  row.number(total.executed);
  row.number(total.rate);
  row.number(re.rate_of(FundsRowId::Total));
  row.number(total.score);
  row.number(re.budget_score);
  row.number(form.total);
  row.number(re.total);
  row.text(form.grade);
  if (re.grade) {
    row.text(grade_label_zh(*re.grade));
  } else {
    row.none();
  }
  row.number(errors);
  row.number(warnings);
  row.end();
}

void append_finding_row(std::string& out, TableFormat format, std::string_view file,
                        std::optional<std::uint64_t> form_number, const Finding& finding,
                        bool chinese) {
  Row row(out, format, kFindingColumns);
  row.text(file);
  if (form_number) {
    row.number(*form_number);
  } else {
    row.none();
  }
  row.number(std::uint64_t{finding.line});
  row.number(std::uint64_t{finding.column});
  row.text(finding.pointer);
  row.text(rule_info(finding.rule).name);
  row.text(severity_name(finding.severity));
  finding.reported.empty() ? row.none() : row.text(finding.reported);
  finding.expected.empty() ? row.none() : row.text(finding.expected);
  row.text(finding.message.in(chinese));
  row.end();
}

}  // namespace pes
