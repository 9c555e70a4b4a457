#include "pes/writers.h"

#include <fmt/format.h>

#include "csv_readback.h"
#include "pes/csv_writer.h"
#include "pes/form_writer.h"

namespace pes {
namespace {

void write_json(const std::vector<Form>& forms, std::string& out) {
  const bool many = forms.size() != 1;
  if (many) out += forms.empty() ? "[" : "[\n  ";
  for (std::size_t i = 0; i < forms.size(); ++i) {
    if (i > 0) out += ",\n  ";
    write_form_json(forms[i], out, many ? 2 : 0);
  }
  if (many) out += forms.empty() ? "]" : "\n]";
  out += '\n';
}

bool write_csv(const std::vector<Form>& forms, TextEncoding encoding, std::string& out,
               Message& error) {
  std::string text;
  write_forms_csv(forms, text);
  if (!csv_reads_back(forms, text, error)) return false;
  if (encoding != TextEncoding::Gb18030) {
    out += kUtf8Bom;
    out += text;
    return true;
  }
  std::string gb;
  std::size_t bad = 0;
  if (!utf8_to_gb18030(text, gb, bad)) {
    error = {fmt::format("cannot write the text as GB18030 (at byte {} of the CSV)", bad),
             fmt::format("无法将文本写成 GB18030 编码（CSV 第 {} 字节处）", bad)};
    return false;
  }
  out += gb;
  return true;
}

}  // namespace

bool write_forms(const std::vector<Form>& forms, Format format, TextEncoding encoding,
                 std::string& out, Message& error) {
  switch (format) {
    case Format::Json:
      write_json(forms, out);
      return true;
    case Format::Csv:
      return write_csv(forms, encoding, out, error);
    default:
      break;  // read only (formats.h: writable)
  }
  error = {"pes cannot write this format", "pes 无法写出该格式"};
  return false;
}

}  // namespace pes
