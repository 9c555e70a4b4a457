// The results workbook (--output xlsx:PATH, pes batch --out results.xlsx): sheet 表单 has one
// row per form, 问题 one row per finding with a link to its form's row, 汇总 the sums by year ×
// 主管部门. libxlsxwriter writes it in constant-memory mode (each row goes to a temporary file
// as soon as it is complete), so 100,000 forms take no more memory than ten.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <vector>

#include "core/dl_xlsxwriter.h"
#include "display_width.h"
#include "pes/formats.h"
#include "pes/label_format.h"
#include "pes/report.h"
#include "pes/rules.h"
#include "pes/text.h"
#include "report/reporters.h"
#include "result_rows.h"

namespace pes {
namespace {

struct Column {
  std::string_view en;
  std::string_view zh;
};

constexpr Column kFormColumns[] = {
    {"File", "文件"},
    {"Form", "序号"},
    {"Location", "位置"},
    {"Format", "格式"},
    {"Year", "‹year›"},
    {"Department", "‹department›"},
    {"Project", "‹project›"},
    {"Implementer", "‹implementer›"},
    {"Budget (万元)", "‹row.annual›（万元）"},
    {"Spent (万元)", "‹row.executed›（万元）"},
    {"Reported rate", "填报‹row.rate›"},
    {"Rate", "‹row.rate›"},
    {"Reported budget score", "填报‹row.score›"},
    {"Budget score", "‹row.score›"},
    {"Reported total", "填报‹total›"},
    {"Total", "‹total›"},
    {"Reported grade", "填报等级"},
    {"Grade", "等级"},
    {"Errors", "错误"},
    {"Warnings", "警告"},
    {"Notices", "提示"},
};

constexpr Column kFindingColumns[] = {
    {"File", "文件"},     {"Form", "序号"},    {"Project", "‹project›"}, {"Location", "位置"},
    {"Field", "字段"},    {"Rule", "规则"},    {"Severity", "级别"},     {"Reported", "填报值"},
    {"Expected", "应为"}, {"Message", "说明"},
};

constexpr Column kSummaryColumns[] = {
    {"Year", "‹year›"},
    {"Department", "‹department›"},
    {"Forms", "自评表数"},
    {"Σ budget (万元)", "Σ ‹row.annual›（万元）"},
    {"Σ spent (万元)", "Σ ‹row.executed›（万元）"},
    {"Rate", "‹row.rate›"},
    {"优", "优"},
    {"良", "良"},
    {"中", "中"},
    {"差", "差"},
    {"No grade", "无法评级"},
    {"Forms with errors", "有错误的自评表"},
    {"Without amounts", "无可读金额"},
};

// What a cell holds, for its number format.
enum class Kind : std::uint8_t { Text, Integer, Money, Percent, Score, Link };
constexpr std::size_t kKinds = 6;
// No finding, then one per severity.
constexpr std::size_t kMarks = 4;

constexpr std::size_t kMaxWidth = 60;
constexpr std::size_t kMaxCellChars = 30000;  // Excel holds 32,767 characters in a cell

// Cell text: no control characters but tab and line break (XML 1.0 has no place for them).
std::string cell_text(std::string_view text) {
  std::string out = text.size() > kMaxCellChars ? shorten(text, kMaxCellChars) : std::string(text);
  std::erase_if(out, [](char c) {
    return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
  });
  return out;
}

// A worksheet that goes on in a new sheet ("表单 2") past Excel's 1,048,576 rows, with the
// header row frozen and filtered, and columns as wide as their widest text.
class Sheet {
 public:
  Sheet(lxw_workbook* book, std::string name, std::span<const Column> columns, bool chinese,
        lxw_format* header)
      : book_(book), name_(std::move(name)), columns_(columns), chinese_(chinese), header_(header) {
    open_part();
  }

  // The row to write next, in the current part.
  lxw_row_t next_row() {
    if (parts_.back().rows == LXW_ROW_MAX) open_part();
    return parts_.back().rows++;
  }
  lxw_worksheet* ws() const { return parts_.back().ws; }
  const std::string& name() const { return parts_.back().name; }
  bool may_link() { return parts_.back().links++ < LXW_MAX_NUMBER_URLS; }

  void widen(std::size_t column, std::size_t width) {
    std::size_t& w = parts_.back().widths[column];
    w = std::max(w, width);
  }

  void finish() {
    for (Part& p : parts_) {
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        const double width = static_cast<double>(std::min(p.widths[c], kMaxWidth) + 2);
        xl_.worksheet_set_column(p.ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                                 nullptr);
      }
      xl_.worksheet_autofilter(p.ws, 0, 0, p.rows - 1, static_cast<lxw_col_t>(columns_.size() - 1));
    }
  }

 private:
  struct Part {
    lxw_worksheet* ws = nullptr;
    std::string name;
    lxw_row_t rows = 1;
    std::uint32_t links = 0;
    std::vector<std::size_t> widths;
  };

  void open_part() {
    Part p;
    p.name = parts_.empty() ? name_ : fmt::format("{} {}", name_, parts_.size() + 1);
    p.ws = xl_.workbook_add_worksheet(book_, p.name.c_str());
    p.widths.resize(columns_.size());
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      const std::string title =
          chinese_ ? with_labels(columns_[c].zh) : std::string(columns_[c].en);
      xl_.worksheet_write_string(p.ws, 0, static_cast<lxw_col_t>(c), std::string(title).c_str(),
                                 header_);
      p.widths[c] = display_width(title) + 2;  // room for the filter's button
    }
    xl_.worksheet_freeze_panes(p.ws, 1, 0);
    parts_.push_back(std::move(p));
  }

  const Libxlsxwriter& xl_ = libxlsxwriter();
  lxw_workbook* book_;
  std::string name_;
  std::span<const Column> columns_;
  bool chinese_;
  lxw_format* header_;
  std::vector<Part> parts_;
};

class XlsxReporter final : public Reporter {
 public:
  XlsxReporter(std::string path, ReportStyle style) : path_(std::move(path)), style_(style) {
    // Rows wait in temporary files beside the target, not in a /tmp that may be memory.
    tmpdir_ = path_.rfind('/') == std::string::npos ? "." : path_.substr(0, path_.rfind('/') + 1);
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir_.data();
    if (!xl_.ok()) {  // the message names the library, not the temporary file
      error_ = xl_.error();
      return;
    }
    book_ = xl_.workbook_new_opt(path_.c_str(), &options);
    if (book_ == nullptr) {
      fail("cannot create the workbook", "无法创建工作簿");
      return;
    }
    lxw_format* header = xl_.workbook_add_format(book_);
    xl_.format_set_bold(header);
    xl_.format_set_text_wrap(header);
    xl_.format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    xl_.format_set_pattern(header, LXW_PATTERN_SOLID);
    xl_.format_set_bg_color(header, 0xD9E1F2);
    xl_.format_set_bottom(header, LXW_BORDER_THIN);
    const bool zh = style_.chinese;
    forms_.emplace(book_, zh ? "表单" : "Forms", kFormColumns, zh, header);
    findings_.emplace(book_, zh ? "问题" : "Findings", kFindingColumns, zh, header);
    summary_.emplace(book_, zh ? "汇总" : "Summary", kSummaryColumns, zh, header);
  }

  ~XlsxReporter() override {
    if (book_ != nullptr) xl_.workbook_close(book_);  // finish() was not reached: drop the file
  }

  void file(const FileResult& file) override {
    if (book_ == nullptr) return;
    if (!file.opened) {
      unreadable(file);
      return;
    }
    for (const Finding& f : file.file_findings) finding(file, f, nullptr, "");
    for (std::size_t i = 0; i < file.doc.forms.size(); ++i) {
      const FormFacts facts = form_facts(file, i);
      totals_.add(facts);
      const lxw_row_t row = form(facts);  // first: it may open a new part of the sheet
      const std::string target = fmt::format("internal:'{}'!A{}", forms_->name(), row + 1);
      for (const Finding& f : file.forms[i].findings) finding(file, f, &facts, target);
    }
  }

  void finish(const Summary&) override {
    if (book_ == nullptr) return;
    write_summary();
    forms_->finish();
    findings_->finish();
    summary_->finish();
    const lxw_error e = xl_.workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR && error_.en.empty()) {
      fail(xl_.lxw_strerror(e), xl_.lxw_strerror(e));
    }
  }

  const Message* error() const override { return error_.en.empty() ? nullptr : &error_; }

 private:
  void fail(std::string_view en, std::string_view zh) {
    if (!error_.en.empty()) return;
    error_ = {fmt::format("cannot write the workbook: {}", en),
              fmt::format("无法写入工作簿：{}", zh)};
  }

  void check(lxw_error e) {
    if (e != LXW_NO_ERROR) fail(xl_.lxw_strerror(e), xl_.lxw_strerror(e));
  }

  // The format of a cell of a kind, marked with a severity's colours, bold in the total row.
  lxw_format* format(Kind kind, std::optional<Severity> mark = std::nullopt) {
    const std::size_t m = mark ? static_cast<std::size_t>(*mark) + 1 : 0;
    lxw_format*& f = formats_[((bold_ ? kKinds : 0) + static_cast<std::size_t>(kind)) * kMarks + m];
    if (f != nullptr) return f;
    f = xl_.workbook_add_format(book_);
    if (bold_) {
      xl_.format_set_bold(f);
      xl_.format_set_top(f, LXW_BORDER_THIN);
    }
    switch (kind) {
      case Kind::Integer:
        xl_.format_set_num_format(f, "0");
        break;
      case Kind::Money:
        xl_.format_set_num_format(f, "#,##0.00");
        break;
      case Kind::Percent:
        xl_.format_set_num_format(f, "0.00%");
        break;
      case Kind::Score:
        xl_.format_set_num_format(f, "0.00");
        break;
      case Kind::Link:
        xl_.format_set_underline(f, LXW_UNDERLINE_SINGLE);
        xl_.format_set_font_color(f, LXW_COLOR_BLUE);
        break;
      case Kind::Text:
        break;
    }
    if (mark) {
      // Excel's own "Bad", "Neutral" and a pale blue: red errors, amber warnings.
      static constexpr std::array<std::pair<lxw_color_t, lxw_color_t>, 3> kColors = {
          std::pair{0xDDEBF7u, 0x1F4E79u}, std::pair{0xFFEB9Cu, 0x9C5700u},
          std::pair{0xFFC7CEu, 0x9C0006u}};
      const auto [fill, font] = kColors[static_cast<std::size_t>(*mark)];
      xl_.format_set_pattern(f, LXW_PATTERN_SOLID);
      xl_.format_set_bg_color(f, fill);
      xl_.format_set_font_color(f, font);
    }
    return f;
  }

  void text(Sheet& s, lxw_row_t row, lxw_col_t col, std::string_view value, Kind kind = Kind::Text,
            std::optional<Severity> mark = std::nullopt) {
    if (value.empty()) {
      if (mark || bold_) check(xl_.worksheet_write_blank(s.ws(), row, col, format(kind, mark)));
      return;
    }
    const std::string t = cell_text(value);
    check(xl_.worksheet_write_string(s.ws(), row, col, t.c_str(), format(kind, mark)));
    s.widen(col, display_width(t));
  }

  void number(Sheet& s, lxw_row_t row, lxw_col_t col, const std::optional<Decimal>& value,
              Kind kind, std::optional<Severity> mark = std::nullopt) {
    if (!value) {
      if (mark || bold_) check(xl_.worksheet_write_blank(s.ws(), row, col, format(kind, mark)));
      return;
    }
    const bool percent = kind == Kind::Percent;
    check(xl_.worksheet_write_number(s.ws(), row, col, to_double(*value, percent ? -2 : 0),
                                     format(kind, mark)));
    // As shown: 2 decimals, thousands separators, a % sign.
    const std::string digits = value->round(2, Rounding::HalfUp).with_digits(2).str();
    s.widen(col, digits.size() + digits.size() / 4 + (percent ? 1 : 0));
  }

  void count(Sheet& s, lxw_row_t row, lxw_col_t col, std::uint64_t n, Kind kind = Kind::Integer,
             std::optional<Severity> mark = std::nullopt) {
    check(xl_.worksheet_write_number(s.ws(), row, col, static_cast<double>(n),
                                     format(kind, n > 0 ? mark : std::nullopt)));
    s.widen(col, std::to_string(n).size());
  }

  // Writes a form's row; returns the row.
  lxw_row_t form(const FormFacts& f) {
    Sheet& s = *forms_;
    const lxw_row_t r = s.next_row();
    const bool zh = style_.chinese;
    text(s, r, 0, f.file);
    count(s, r, 1, f.number);
    text(s, r, 2, f.location);
    text(s, r, 3, format_info(f.format).description.in(zh));
    if (f.year) count(s, r, 4, static_cast<std::uint64_t>(std::max(0, *f.year)));
    text(s, r, 5, f.department);
    text(s, r, 6, f.project);
    text(s, r, 7, f.implementer);
    number(s, r, 8, f.annual_wan, Kind::Money);
    number(s, r, 9, f.executed_wan, Kind::Money);
    number(s, r, 10, f.reported_rate, Kind::Percent, f.flag(Reported::Rate));
    number(s, r, 11, f.rate, Kind::Percent);
    number(s, r, 12, f.reported_score, Kind::Score, f.flag(Reported::BudgetScore));
    number(s, r, 13, f.budget_score, Kind::Score);
    number(s, r, 14, f.reported_total, Kind::Score, f.flag(Reported::Total));
    number(s, r, 15, f.total, Kind::Score);
    text(s, r, 16, f.reported_grade, Kind::Text, f.flag(Reported::Grade));
    text(s, r, 17, f.grade ? grade_label_zh(*f.grade) : "");
    count(s, r, 18, f.errors, Kind::Integer, Severity::Error);
    count(s, r, 19, f.warnings, Kind::Integer, Severity::Warning);
    count(s, r, 20, f.notices);
    return r;
  }

  void finding(const FileResult& file, const Finding& f, const FormFacts* form,
               const std::string& target) {
    Sheet& s = *findings_;
    const lxw_row_t r = s.next_row();
    const bool zh = style_.chinese;
    text(s, r, 0, file.path);
    if (form != nullptr) {
      if (s.may_link()) {
        check(xl_.worksheet_write_url(s.ws(), r, 1, target.c_str(), format(Kind::Link)));
        check(xl_.worksheet_write_number(s.ws(), r, 1, static_cast<double>(form->number),
                                         format(Kind::Link)));
      } else {  // past Excel's 65,530 links a sheet: a formula link does the same
        const std::string cell = target.substr(target.find(':') + 1);
        const std::string formula = fmt::format("=HYPERLINK(\"#{}\",{})", cell, form->number);
        check(xl_.worksheet_write_formula(s.ws(), r, 1, formula.c_str(), format(Kind::Link)));
      }
      s.widen(1, std::to_string(form->number).size());
      text(s, r, 2, form->project);
    }
    text(s, r, 3, finding_place(f));
    text(s, r, 4, finding_field(file, f));
    text(s, r, 5, rule_info(f.rule).name);
    if (f.is_accepted()) {  // shown, unmarked, with the reason it was accepted
      text(s, r, 6,
           fmt::format("{} ({})", zh ? "已接受" : "accepted", severity_label(f.severity, zh)));
      text(s, r, 9,
           fmt::format("{}（{}{}）", f.message.in(zh), zh ? "已接受：" : "accepted: ", f.accepted));
    } else {
      text(s, r, 6, severity_label(f.severity, zh), Kind::Text, f.severity);
      text(s, r, 9, f.message.in(zh));
    }
    text(s, r, 7, f.reported);
    text(s, r, 8, f.expected);
  }

  void unreadable(const FileResult& file) {
    Sheet& s = *findings_;
    const lxw_row_t r = s.next_row();
    text(s, r, 0, file.path);
    text(s, r, 6, severity_label(Severity::Error, style_.chinese), Kind::Text, Severity::Error);
    text(s, r, 9, file.error.in(style_.chinese));
  }

  void summary_row(const std::optional<std::int32_t>& year, std::string_view department,
                   const GroupTotals& g) {
    Sheet& s = *summary_;
    const lxw_row_t r = s.next_row();
    if (year) {
      count(s, r, 0, static_cast<std::uint64_t>(std::max(0, *year)));
    } else {
      text(s, r, 0, "");
    }
    text(s, r, 1, department);
    count(s, r, 2, g.forms);
    number(s, r, 3, g.annual, Kind::Money);
    number(s, r, 4, g.executed, Kind::Money);
    number(s, r, 5, g.rate(), Kind::Percent);
    for (std::size_t i = 0; i < g.grades.size(); ++i) {
      count(s, r, static_cast<lxw_col_t>(6 + i), g.grades[i]);
    }
    count(s, r, 11, g.forms_with_errors, Kind::Integer, Severity::Error);
    count(s, r, 12, g.without_amounts);
  }

  void write_summary() {
    const bool zh = style_.chinese;
    for (const auto& [key, g] : totals_.groups) {
      summary_row(key.first, key.second.empty() ? (zh ? "（未填）" : "(none)") : key.second, g);
    }
    bold_ = true;  // the last row: all forms
    summary_row(std::nullopt, zh ? "合计" : "All", totals_.all);
    bold_ = false;
  }

  const Libxlsxwriter& xl_ = libxlsxwriter();
  std::string path_;
  std::string tmpdir_;
  ReportStyle style_;
  lxw_workbook* book_ = nullptr;
  std::optional<Sheet> forms_;
  std::optional<Sheet> findings_;
  std::optional<Sheet> summary_;
  std::array<lxw_format*, 2 * kKinds * kMarks> formats_{};
  bool bold_ = false;
  ResultTotals totals_;
  Message error_;
};

}  // namespace

std::unique_ptr<Reporter> make_xlsx_reporter(std::ostream&, const ReportStyle& style,
                                             std::string_view path) {
  return std::make_unique<XlsxReporter>(std::string(path), style);
}

}  // namespace pes
