// The tables of a run: one row per form (--out) and one per finding (--findings), as CSV
// (UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF) or JSON Lines.
#include "pes/tables.h"

#include <string>

#include <fmt/format.h>

#include "pes/csv_writer.h"
#include "pes/fields.h"
#include "pes/form_writer.h"
#include "pes/grade.h"
#include "pes/report.h"
#include "pes/rules.h"
#include "pes/summary.h"
#include "pes/text.h"
#include "pes/text_encoding.h"

namespace pes {

TableFormat table_format_for_path(std::string_view path) {
  return has_extension(path, "jsonl") || has_extension(path, "ndjson") ? TableFormat::JsonLines
                                                                       : TableFormat::Csv;
}

namespace {

using K = FieldKey;

// Which figure of a field a column holds: as the form writes it, as it reports it beside the
// one pes recomputes, or the amount in 万元 whatever the form's unit.
enum class Figure : std::uint8_t { Written, Reported, Recomputed, Wan };

// A column: its key (JSON Lines' key and the English CSV header) and the form field it shows,
// whose Chinese label names it in a Chinese CSV header; a column that shows no field (K::Form)
// has a label of its own.
struct Column {
  std::string_view key;
  K field = K::Form;
  Figure figure = Figure::Written;
  std::string_view zh = {};

  std::string header(bool chinese) const {
    if (!chinese) return std::string(key);
    if (field == K::Form) return std::string(zh);
    const std::string_view label = field_info(field).zh;
    switch (figure) {
      case Figure::Reported: return fmt::format("{}（填报）", label);
      case Figure::Recomputed: return fmt::format("{}（重算）", label);
      case Figure::Wan: return fmt::format("{}（万元）", label);
      case Figure::Written: break;
    }
    return std::string(label);
  }
};

constexpr Column kFormColumns[] = {
    {"file", K::Form, Figure::Written, "文件"},
    {"form", K::FormNumber},
    {"line", K::Form, Figure::Written, "行"},
    {"year", K::Year},
    {"department", K::Department},
    {"project", K::Project},
    {"unit", K::Unit},
    {"annual_wan", K::RowAnnual, Figure::Wan},
    {"executed_wan", K::RowExecuted, Figure::Wan},
    {"reported_rate", K::RowRate, Figure::Reported},
    {"rate", K::RowRate, Figure::Recomputed},
    {"reported_score", K::RowScore, Figure::Reported},
    {"budget_score", K::RowScore, Figure::Recomputed},
    {"reported_total", K::Total, Figure::Reported},
    {"total", K::Total, Figure::Recomputed},
    {"reported_grade", K::Grade, Figure::Reported},
    {"grade", K::Grade, Figure::Recomputed},
    {"errors", K::Form, Figure::Written, "错误数"},
    {"warnings", K::Form, Figure::Written, "警告数"},
};

constexpr Column kFindingColumns[] = {
    {"file", K::Form, Figure::Written, "文件"},
    {"form", K::FormNumber},
    {"line", K::Form, Figure::Written, "行"},
    {"column", K::Form, Figure::Written, "列"},
    {"pointer", K::Form, Figure::Written, "位置"},
    {"rule", K::Form, Figure::Written, "规则"},
    {"severity", K::Form, Figure::Written, "级别"},
    {"reported", K::Form, Figure::Written, "填报值"},
    {"expected", K::Form, Figure::Written, "应为"},
    {"message", K::Form, Figure::Written, "说明"},
    {"accepted", K::Form, Figure::Written, "接受理由"},
};

// One row, as CSV or as a JSON object. Values are text, numbers (written as they are: the
// exact digits of a Decimal) or absent.
class Row {
 public:
  Row(std::string& out, TableFormat format, const Column* columns)
      : out_(out), format_(format), columns_(columns) {
    if (format_ == TableFormat::JsonLines) out_ += '{';
  }

  void text(std::string_view v) {
    next();
    if (format_ == TableFormat::JsonLines) {
      append_json_string(out_, v);
      return;
    }
    append_csv_cell(out_, v);
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
      append_json_string(out_, columns_[column_].key);
      out_ += ':';
    } else if (column_ > 0) {
      out_ += ',';
    }
    ++column_;
  }

  std::string& out_;
  TableFormat format_;
  const Column* columns_;
  std::size_t column_ = 0;
};

template <std::size_t N>
std::string header(TableFormat format, const Column (&columns)[N], bool chinese) {
  if (format == TableFormat::JsonLines) return {};
  std::string out(kUtf8Bom);
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) out += ',';
    append_csv_cell(out, columns[i].header(chinese));
  }
  out += "\r\n";
  return out;
}

}  // namespace

std::string form_table_header(TableFormat format, bool chinese) {
  return header(format, kFormColumns, chinese);
}
std::string finding_table_header(TableFormat format, bool chinese) {
  return header(format, kFindingColumns, chinese);
}

void append_form_row(std::string& out, TableFormat format, std::string_view file,
                     std::uint64_t form_number, std::uint64_t line, const Form& form,
                     const FormResult& result) {
  const Recomputed& re = result.re;
  const FundsRow& total = form.row(FundsRowId::Total);
  std::uint64_t errors = 0;
  std::uint64_t warnings = 0;
  for (const Finding& f : result.findings) {
    if (f.is_accepted()) continue;
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
  for (const Number* amount : {&total.annual, &total.executed}) {
    row.number(amount->ok() ? std::optional(amount_in_wan(amount->value, form.unit)) : std::nullopt);
  }
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
  // For people (a Chinese CSV) the severity's word, for programs (JSON Lines) its name.
  row.text(format == TableFormat::Csv && chinese ? severity_label(finding.severity, true)
                                                 : severity_name(finding.severity));
  finding.reported.empty() ? row.none() : row.text(finding.reported);
  finding.expected.empty() ? row.none() : row.text(finding.expected);
  row.text(finding.message.in(chinese));
  finding.is_accepted() ? row.text(finding.accepted) : row.none();
  row.end();
}

void append_unreadable_row(std::string& out, TableFormat format, std::string_view file,
                           const Message& error, bool chinese) {
  Row row(out, format, kFindingColumns);
  row.text(file);
  for (int i = 0; i < 5; ++i) row.none();  // form, line, column, pointer, rule
  row.text(format == TableFormat::Csv && chinese ? severity_label(Severity::Error, true)
                                                 : severity_name(Severity::Error));
  row.none();
  row.none();
  row.text(error.in(chinese));
  row.none();
  row.end();
}

std::uint64_t form_line(const FileResult& file, const Form& form) {
  const Document& doc = file.doc;
  if (!doc.places.empty()) {
    return form.offset >= 1 && form.offset <= doc.places.size() ? doc.places[form.offset - 1].row
                                                                 : 1;
  }
  return (doc.decoded ? *doc.decoded : file.source).locate(form.offset).line;
}

namespace {

// One row per form, or one per finding, as each file arrives.
class TableReporter final : public Reporter {
 public:
  TableReporter(std::ostream& out, const ReportStyle& style, std::string_view path, bool forms)
      : out_(out), format_(table_format_for_path(path)), forms_(forms), chinese_(style.chinese) {
    out_ << (forms_ ? form_table_header(format_, chinese_)
                    : finding_table_header(format_, chinese_));
  }

  void file(const FileResult& file) override {
    buffer_.clear();
    if (!file.opened) {  // one row saying why, where the file's findings would be
      if (!forms_) append_unreadable_row(buffer_, format_, file.path, file.error, chinese_);
      out_ << buffer_;
      return;
    }
    std::size_t next_file_finding = 0;
    auto file_findings_before = [&](std::uint64_t offset) {
      while (next_file_finding < file.file_findings.size() &&
             file.file_findings[next_file_finding].offset < offset) {
        file_finding(file, file.file_findings[next_file_finding++]);
      }
    };
    for (std::size_t i = 0; i < file.doc.forms.size(); ++i) {
      const Form& form = file.doc.forms[i];
      const FormResult& result = file.forms[i];
      file_findings_before(form.offset);
      if (forms_) {
        // Forms are numbered from 1, as people count them.
        append_form_row(buffer_, format_, file.path, std::uint64_t{form.index} + 1,
                        form_line(file, form), form, result);
      } else {
        for (const Finding& f : result.findings) {
          append_finding_row(buffer_, format_, file.path, std::uint64_t{form.index} + 1, f,
                             chinese_);
        }
      }
    }
    file_findings_before(UINT64_MAX);
    out_ << buffer_;
  }

  void finish(const Summary&) override { out_.flush(); }

 private:
  void file_finding(const FileResult& file, const Finding& f) {
    if (forms_) return;
    const std::optional<std::uint64_t> number =
        f.form == kWholeFile ? std::nullopt
                             : std::optional<std::uint64_t>(std::uint64_t{f.form} + 1);
    append_finding_row(buffer_, format_, file.path, number, f, chinese_);
  }

  std::ostream& out_;
  TableFormat format_;
  bool forms_;
  bool chinese_;
  std::string buffer_;
};

}  // namespace

std::unique_ptr<Reporter> make_forms_reporter(std::ostream& out, const ReportStyle& style,
                                              std::string_view path) {
  return std::make_unique<TableReporter>(out, style, path, true);
}

std::unique_ptr<Reporter> make_findings_reporter(std::ostream& out, const ReportStyle& style,
                                                 std::string_view path) {
  return std::make_unique<TableReporter>(out, style, path, false);
}

}  // namespace pes
