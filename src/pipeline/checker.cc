#include "pes/checker.h"

#include <algorithm>

#include <fmt/format.h>

#include "pes/rules.h"
#include "pes/text.h"

namespace pes {

std::size_t FileResult::count(Severity s) const {
  std::size_t n = 0;
  for (const Finding& f : file_findings) n += f.severity == s && !f.is_accepted() ? 1 : 0;
  for (const FormResult& r : forms) {
    for (const Finding& f : r.findings) n += f.severity == s && !f.is_accepted() ? 1 : 0;
  }
  return n;
}

bool FileResult::holds_no_form() const {
  return opened && doc.parsed && doc.forms.empty() && file_findings.empty();
}

Message no_forms_found(std::string_view path) {
  return {fmt::format("no forms found in {}", path), fmt::format("{} 中未找到自评表", path)};
}

void FileResult::clear(std::string_view new_path) {
  // Field by field, so the buffers of the previous file are reused.
  path = new_path;
  input = 0;
  part = 0;
  last_part = true;
  opened = false;
  error = {};
  doc.clear();
  forms.clear();
  file_findings.clear();
}

void Checker::check_file(const std::string& path, FileResult& out) {
  out.clear(path == "-" ? "<stdin>" : display_path(path));
  std::string en;
  std::string zh;
  const bool binary = path != "-" && format_info(format_for_path(path)).binary;
  if (!out.source.load(path, en, zh, binary)) {
    out.error = {std::move(en), std::move(zh)};
    return;
  }
  out.opened = true;
  check_source(out);
}

void Checker::check_source(FileResult& out) {
  // Standard input, or a name with no extension pes knows: its first bytes tell its format.
  check_source(out, format_of_file(out.path, out.source.text()));
}

void Checker::check_source(FileResult& out, Format format) {
  out.rules = options_.rules;
  readers_.set_templates(options_.templates);
  readers_.read(out.source, format, out.doc);
  check_read(out);
}

void Checker::check_array_part(FileResult& out, std::uint32_t first_form) {
  out.rules = options_.rules;
  readers_.set_templates(options_.templates);
  readers_.read_array_part(out.source, first_form, out.doc);
  check_read(out);
}

void Checker::check_read(FileResult& out) {
  const Document& doc = out.doc;
  if (!doc.unreadable.en.empty()) {  // no fault of the file's: as if it could not be opened
    out.opened = false;
    out.error = doc.unreadable.about(out.path);
    out.forms.clear();
    out.file_findings.clear();
    return;
  }

  // Reader findings go to their form, or to the file.
  out.forms.resize(doc.forms.size());
  for (FormResult& r : out.forms) r.findings.clear();
  out.file_findings.clear();
  std::vector<Finding> reader = doc.findings;
  apply_settings(options_.rules, reader);
  // Readers give forms in file order, so a form is found by binary search: a large array
  // with many reader findings is not scanned from the start for each one.
  const bool in_order =
      std::is_sorted(doc.forms.begin(), doc.forms.end(),
                     [](const Form& a, const Form& b) { return a.index < b.index; });
  auto form_of = [&](std::uint32_t index) {
    if (!in_order) {
      return std::find_if(doc.forms.begin(), doc.forms.end(),
                          [&](const Form& form) { return form.index == index; });
    }
    auto it = std::lower_bound(doc.forms.begin(), doc.forms.end(), index,
                               [](const Form& form, std::uint32_t i) { return form.index < i; });
    return it != doc.forms.end() && it->index == index ? it : doc.forms.end();
  };
  for (Finding& f : reader) {
    locate(out.source, doc, f);
    auto it = form_of(f.form);
    if (f.form == kWholeFile || it == doc.forms.end()) {
      out.file_findings.push_back(std::move(f));
    } else {
      out.forms[static_cast<std::size_t>(it - doc.forms.begin())].findings.push_back(std::move(f));
    }
  }

  for (std::size_t i = 0; i < doc.forms.size(); ++i) {
    const Form& form = doc.forms[i];
    FormResult& result = out.forms[i];
    recompute(form, options_, result.re);
    std::vector<Finding> found;
    check({form, result.re, options_}, found);
    apply_settings(options_.rules, found);
    for (Finding& f : found) {
      locate(out.source, doc, f);
      result.findings.push_back(std::move(f));
    }
    // Source order; at one spot, what is wrong with the input itself comes first.
    auto rank = [](const Finding& f) {
      return f.rule == RuleId::ParseError || f.rule == RuleId::InvalidField ? 0 : 1;
    };
    std::stable_sort(result.findings.begin(), result.findings.end(),
                     [&](const Finding& a, const Finding& b) {
                       return a.offset != b.offset ? a.offset < b.offset : rank(a) < rank(b);
                     });
  }
  std::stable_sort(out.file_findings.begin(), out.file_findings.end(),
                   [](const Finding& a, const Finding& b) { return a.offset < b.offset; });
}

}  // namespace pes
