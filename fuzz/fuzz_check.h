// The body shared by the reader fuzz targets: any bytes through one reader, the engine and
// the text and JSON reporters. Invariants: no crash, no sanitizer report, and every form read
// can be written back as pes/1 JSON that reads again to the same figures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "pes/checker.h"
#include "pes/form_writer.h"
#include "pes/report.h"

namespace pes::fuzz {

inline void same(const Number& a, const Number& b) {
  if (a.ok() != b.ok() || (a.ok() && a.value != b.value)) std::abort();
}

inline void check_bytes(const std::uint8_t* data, std::size_t size, Format format) {
  static Checker checker{Options{}};
  FileResult result;
  result.path = "fuzz";
  result.opened = true;
  result.source = Source("fuzz", std::string_view(reinterpret_cast<const char*>(data), size));
  checker.check_source(result, format);

  std::ostringstream sink;
  for (bool chinese : {false, true}) {
    Summary summary;
    summary.add(result);
    auto text = find_reporter("text")->make(sink, {chinese, true}, "");
    text->file(result);
    text->finish(summary);
    auto json = find_reporter("json")->make(sink, {chinese, false}, "");
    json->file(result);
    json->finish(summary);
  }

  for (const Form& form : result.doc.forms) {
    std::string written;
    write_form_json(form, written);
    FileResult again;
    again.path = "again.json";
    again.opened = true;
    again.source = Source("again.json", written);
    checker.check_source(again, Format::Json);
    if (!again.doc.parsed || again.doc.forms.size() != 1) std::abort();
    const Form& back = again.doc.forms[0];
    same(form.total, back.total);
    same(form.funds_weight, back.funds_weight);
    if (form.indicators.size() != back.indicators.size()) std::abort();
    for (std::size_t i = 0; i < form.indicators.size(); ++i) {
      same(form.indicators[i].weight, back.indicators[i].weight);
      same(form.indicators[i].score, back.indicators[i].score);
    }
  }
}

}  // namespace pes::fuzz
