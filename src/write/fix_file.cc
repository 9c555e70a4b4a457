// pes fix on one file: read it, plan each form's fix, change the values with the file's
// editor, and say what was left.
#include <fmt/format.h>

#include "pes/fix.h"
#include "pes/readers.h"
#include "write/fix_editor.h"
#include "write/fix_plan.h"
#include "write/text_diff.h"

namespace pes {

bool fix_supports(Format format) {
  return format == Format::Json || format == Format::JsonLines || format == Format::Csv ||
         format == Format::Xlsx;
}

Bilingual fix_kind_label(FixKind kind) {
  switch (kind) {
    case FixKind::Derived:
      return {"recomputed", "重新计算"};
    case FixKind::Notation:
      return {"notation", "书写规范"};
    case FixKind::Unsafe:
      return {"lowered to the MoF rule", "降至财政部规则得分"};
  }
  return {"recomputed", "重新计算"};
}

void plan_fix(const std::string& path, const FixOptions& options, FileFix& out) {
  out = FileFix{};
  out.path = path;
  out.format = format_for_path(path);
  if (!fix_supports(out.format)) {
    out.error = {fmt::format("{}: pes fix edits JSON, JSON Lines, CSV and .xlsx files, not {}",
                             path, format_info(out.format).description.en),
                 fmt::format("{}：pes fix 只修改 JSON、JSON Lines、CSV 和 .xlsx 文件，不修改{}",
                             path, format_info(out.format).description.zh)};
    return;
  }
  Source source;
  std::string en;
  std::string zh;
  if (path == "-" || !source.load(path, en, zh)) {
    if (path == "-") {
      en = "pes fix edits files in place; standard input is not one";
      zh = "pes fix 就地修改文件；标准输入不是文件";
    }
    out.error = {en, zh};
    return;
  }
  out.before = std::string(source.text());
  out.after = out.before;
  Readers readers;
  readers.set_encoding(options.encoding);
  Document doc;
  readers.read(source, out.format, doc);
  if (!doc.unreadable.en.empty()) {
    out.error = doc.unreadable.about(path);
    return;
  }
  if (!doc.parsed) {
    for (Finding f : doc.findings) {
      if (f.rule != RuleId::ParseError) continue;
      locate(source, doc, f);
      const std::string where = finding_place(f);
      out.error = {
          fmt::format("{}:{}: not well-formed, nothing changed: {}", path, where, f.message.en),
          fmt::format("{}:{}：格式不正确，未作改动：{}", path, where, f.message.zh)};
      return;
    }
    out.error = {fmt::format("{}: holds no form, nothing changed", path),
                 fmt::format("{}：没有自评表，未作改动", path)};
    return;
  }

  Message error;
  std::unique_ptr<FixEditor> editor;
  switch (out.format) {
    case Format::Csv:
      editor = make_csv_editor(source, doc, options.encoding, error);
      break;
    case Format::Xlsx:
      editor = make_xlsx_editor(source, doc, error);
      break;
    default:
      editor = make_json_editor(source);
      break;
  }
  if (!editor) {
    out.error = error.about(path);
    return;
  }
  const RawValue raw = [&editor](std::uint64_t offset) { return editor->raw(offset); };
  const bool many = doc.forms.size() > 1 || doc.is_array;
  std::vector<Finding> mine;
  for (const Form& form : doc.forms) {
    mine.clear();
    for (const Finding& f : doc.findings) {
      if (f.form == form.index) mine.push_back(f);
    }
    const FormPlan plan = plan_form(form, mine, raw, options);
    Message refused;
    editor->apply(form, plan.edits, out, refused);
    Message note = plan.note;
    if (!refused.en.empty()) {
      note.en += note.en.empty() ? refused.en : "; " + refused.en;
      note.zh += note.zh.empty() ? refused.zh : "；" + refused.zh;
    }
    if (note.en.empty()) continue;
    const std::string title = form_title(form, many);
    out.notes.push_back({fmt::format("{}: {}: {}", path, title, note.en),
                         fmt::format("{}：{}：{}", path, title, note.zh)});
  }
  if (!editor->finish(out)) {
    out.error = out.error.about(path);
    return;
  }
  out.ok = true;
}

std::string fix_diff(const FileFix& fix) {
  if (!fix.changed()) return {};
  if (fix.format != Format::Xlsx) return unified_diff(fix.before, fix.after, fix.path);
  std::string out = fmt::format("--- {}\n+++ {}\n", fix.path, fix.path);
  for (const FixChange& c : fix.changes) {
    out += fmt::format("{}: {} → {}\n", c.place, c.before, c.after);
  }
  return out;
}

}  // namespace pes
