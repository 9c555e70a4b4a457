// Replaces values in a CSV file: the cells a field was read from. A form's own values (its
// 总分, each funds row's 执行率) stand on every row of the form, so each of those cells changes
// with the first; every other byte stays. A GBK file is written back in GBK.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "pes/fields.h"
#include "pes/text.h"
#include "pes/text_encoding.h"
#include "read/csv/csv_table.h"
#include "write/fix_editor.h"

namespace pes {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

class CsvEditor final : public FixEditor {
 public:
  CsvEditor(const Source& source, const Document& doc, TextEncoding encoding, Message& error)
      : source_(source), lines_(doc.decoded ? *doc.decoded : source) {
    const std::string_view bytes = source.text();
    text_ = lines_.text();
    std::uint64_t base = 0;
    if (doc.decoded) {
      const DecodedText d = decode_text(bytes, encoding);
      prefix_ = std::string(bytes.substr(0, d.skip));
      std::string back;
      std::size_t bad = 0;
      if (!utf8_to_gb18030(text_, back, bad) || prefix_ + back != bytes) {
        error = {"the file cannot be written back in its encoding byte for byte",
                 "无法按原编码逐字节写回该文件"};
        return;
      }
      transcoded_ = true;
    } else if (bytes.starts_with(kUtf8Bom)) {
      base = kUtf8Bom.size();
    }
    split_csv(text_.substr(base), base, table_);
    for (std::size_t r = 0; r < table_.rows.size(); ++r) {
      for (std::size_t c = 0; c < table_.rows[r].cells.size(); ++c) {
        at_[table_.rows[r].cells[c].offset] = {r, c};
      }
    }
    for (const Form& f : doc.forms) form_starts_.push_back(f.offset);
    std::sort(form_starts_.begin(), form_starts_.end());
  }

  std::optional<std::string> raw(std::uint64_t offset) const override {
    const auto it = at_.find(offset);
    if (it == at_.end()) return std::nullopt;
    return std::string(trim_ascii(cell(it->second).text));
  }

  void apply(const Form& form, const std::vector<ValueEdit>& edits, FileFix& out,
             Message&) override {
    const auto next = std::upper_bound(form_starts_.begin(), form_starts_.end(), form.offset);
    const std::uint64_t form_end = next == form_starts_.end() ? UINT64_MAX : *next;
    for (const ValueEdit& e : edits) {
      const auto it = at_.find(e.offset);
      if (it == at_.end()) continue;
      const auto [row, column] = it->second;
      // A form's own value is repeated on its later rows (or left blank there).
      const bool repeated = field_info(e.field.key).parent != FieldParent::Indicator;
      for (std::size_t r = row; r < table_.rows.size(); ++r) {
        const CsvRow& here = table_.rows[r];
        if (here.offset >= form_end || column >= here.cells.size()) break;
        const CsvCell& c = here.cells[column];
        if (r == row || !blank(c.text)) replace(form, e, c, out);
        if (!repeated) break;
      }
    }
  }

  bool finish(FileFix& out) override {
    std::sort(edits_.begin(), edits_.end(),
              [](const ByteEdit& a, const ByteEdit& b) { return a.begin < b.begin; });
    if (!transcoded_) {
      out.after = apply_edits(source_.text(), edits_);
      return true;
    }
    std::string encoded;
    std::size_t bad = 0;
    if (!utf8_to_gb18030(apply_edits(text_, edits_), encoded, bad)) {
      out.error = {"the mended text cannot be written in the file's encoding",
                   "修正后的文本无法以原编码写回"};
      return false;
    }
    out.after = prefix_ + encoded;
    return true;
  }

 private:
  const CsvCell& cell(std::pair<std::size_t, std::size_t> at) const {
    return table_.rows[at.first].cells[at.second];
  }

  void replace(const Form& form, const ValueEdit& e, const CsvCell& c, FileFix& out) {
    const std::string_view before = trim_ascii(c.text);
    if (before == e.text) return;
    // The cell's value: inside its quotes, or between its delimiters less white space.
    std::size_t p = static_cast<std::size_t>(c.offset);
    while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
    std::size_t begin = p;
    std::size_t end = p;
    if (p < text_.size() && text_[p] == '"') {
      begin = end = p + 1;
      while (end < text_.size()) {
        if (text_[end] == '"') {
          if (end + 1 < text_.size() && text_[end + 1] == '"') {
            end += 2;
            continue;
          }
          break;
        }
        ++end;
      }
      // Keep white space inside the quotes as it is around the value.
      const std::string_view inner = text_.substr(begin, end - begin);
      const auto first = inner.find_first_not_of(" \t\r\n");
      if (first != std::string_view::npos) {
        end = begin + inner.find_last_not_of(" \t\r\n") + 1;
        begin += first;
      }
    } else {
      end = text_.find_first_of(",\r\n", p);
      if (end == std::string_view::npos) end = text_.size();
      while (end > begin && (text_[end - 1] == ' ' || text_[end - 1] == '\t')) --end;
    }
    out.changes.push_back(
        {form.index, e.field, e.kind, text_place(lines_, c.offset), std::string(before), e.text});
    edits_.push_back({begin, end, e.text});
  }

  const Source& source_;
  const Source& lines_;
  std::string_view text_;  // what offsets count in
  bool transcoded_ = false;
  std::string prefix_;  // a byte-order mark before the transcoded text
  CsvTable table_;
  std::map<std::uint64_t, std::pair<std::size_t, std::size_t>> at_;  // cell offset → row, column
  std::vector<std::uint64_t> form_starts_;
  std::vector<ByteEdit> edits_;
};

}  // namespace

std::unique_ptr<FixEditor> make_csv_editor(const Source& source, const Document& doc,
                                           TextEncoding encoding, Message& error) {
  auto editor = std::make_unique<CsvEditor>(source, doc, encoding, error);
  if (!error.en.empty()) return nullptr;
  return editor;
}

}  // namespace pes
