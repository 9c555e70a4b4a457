#include "csv_readback.h"

#include <fmt/format.h>

#include <optional>
#include <utility>

#include "pes/csv_reader.h"
#include "pes/fields.h"
#include "pes/form_writer.h"
#include "pes/source.h"
#include "pes/text.h"

namespace pes {
namespace {

// The first line where two texts differ, from the start of each line.
std::pair<std::string_view, std::string_view> first_difference(std::string_view a,
                                                               std::string_view b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const std::size_t start = i == 0 ? 0 : std::max(a.rfind('\n', i - 1), b.rfind('\n', i - 1)) + 1;
  auto line = [start](std::string_view t) {
    if (start >= t.size()) return std::string_view("(nothing)");
    const std::size_t end = t.find('\n', start);
    std::string_view l = t.substr(start, end == std::string_view::npos ? end : end - start);
    while (!l.empty() && l.front() == ' ') l.remove_prefix(1);
    return l;
  };
  return {line(a), line(b)};
}

Message form_name(const Form& form, std::size_t number) {
  if (!form.project.ok() || form.project.value.empty())
    return {fmt::format("form {}", number), fmt::format("第 {} 张自评表", number)};
  const std::string project = shorten(form.project.value, 30);
  return {fmt::format("form {} ({})", number, project),
          fmt::format("第 {} 张自评表（{}）", number, project)};
}

// What the CSV layout has no way to say, found in the form itself: a clearer reason than the
// difference of what is read back. Empty when nothing is known to be lost.
std::optional<Message> cannot_hold(const Form& form, const Message& name) {
  for (std::size_t i = 0; i < form.indicators.size(); ++i) {
    const Indicator& ind = form.indicators[i];
    for (auto [text, key] : {std::pair{&Indicator::level1, FieldKey::Level1},
                             std::pair{&Indicator::level2, FieldKey::Level2}}) {
      const std::string_view label = field_label_zh(key);
      const Text& t = ind.*text;
      if (i == 0 || (t.ok() && !t.value.empty())) continue;
      const Text& above = form.indicators[i - 1].*text;
      if (!above.present()) continue;
      return Message{
          fmt::format("{}: indicator {} has no {}, but in a CSV a blank {} means the same as "
                      "the row above (“{}”)",
                      name.en, i + 1, label, label, shorten(above.ok() ? above.value : "", 30)),
          fmt::format("{}：第 {} 个指标没有{}，而 CSV 中空白的{}表示与上一行相同（“{}”）", name.zh,
                      i + 1, label, label, shorten(above.ok() ? above.value : "", 30))};
    }
    for (auto [text, key] : {std::pair{&Indicator::target, FieldKey::Target},
                             std::pair{&Indicator::actual, FieldKey::Actual},
                             std::pair{&Indicator::reason, FieldKey::Reason}}) {
      const std::string_view label = field_label_zh(key);
      if ((ind.*text).present()) continue;
      return Message{
          fmt::format("{}: indicator {} has no {} at all, which a CSV cannot tell from an empty "
                      "one; give it, even as \"\"",
                      name.en, i + 1, label),
          fmt::format(
              "{}：第 {} 个指标完全没有{}，CSV 无法将其与空值区分；请给出该字段（可为 \"\"）", name.zh,
              i + 1, label)};
    }
  }
  return std::nullopt;
}

}  // namespace

bool csv_reads_back(const std::vector<Form>& forms, std::string_view csv, Message& error) {
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (auto why = cannot_hold(forms[i], form_name(forms[i], i + 1))) {
      error = {"cannot write the CSV: " + why->en, "无法写出 CSV：" + why->zh};
      return false;
    }
  }
  const Source source("csv", csv);
  CsvReader reader;
  reader.set_encoding(TextEncoding::Utf8);
  Document doc;
  reader.read(source, doc);
  if (!doc.findings.empty()) {
    const Finding& f = doc.findings.front();
    error = {fmt::format("the CSV would not read back: line {}: {}", source.locate(f.offset).line,
                         f.message.en),
             fmt::format("写出的 CSV 无法原样读回：第 {} 行：{}", source.locate(f.offset).line,
                         f.message.zh)};
    return false;
  }
  if (doc.forms.size() != forms.size() && !(forms.empty() && doc.forms.empty())) {
    error = {
        fmt::format("the CSV would read back as {} forms, not {}", doc.forms.size(), forms.size()),
        fmt::format("写出的 CSV 将读回为 {} 张自评表，而不是 {} 张", doc.forms.size(),
                    forms.size())};
    return false;
  }
  std::string written;
  std::string read;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    written.clear();
    read.clear();
    write_form_json(forms[i], written);
    write_form_json(doc.forms[i], read);
    if (written == read) continue;
    const auto [was, is] = first_difference(written, read);
    const Message name = form_name(forms[i], i + 1);
    error = {fmt::format("{} cannot be written as CSV without a change: it has {}, but the CSV "
                         "would read back {}",
                         name.en, shorten(was, 80), shorten(is, 80)),
             fmt::format("{}无法无损地写成 CSV：原为 {}，而写出的 CSV 将读回为 {}", name.zh,
                         shorten(was, 80), shorten(is, 80))};
    return false;
  }
  return true;
}

}  // namespace pes
