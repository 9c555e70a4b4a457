// libFuzzer target: any bytes through the JSON reader, the engine and both reporters.
// Invariants: no crash, no sanitizer report, and every form pes reads it can write back
// as pes/1 JSON that reads again to the same figures.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "pes/checker.h"
#include "pes/form_writer.h"
#include "pes/report.h"

namespace {

void same(const pes::Number& a, const pes::Number& b) {
  if (a.ok() != b.ok() || (a.ok() && a.value != b.value)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static pes::Checker checker{pes::Options{}};
  pes::FileResult result;
  result.path = "fuzz.json";
  result.opened = true;
  result.source = pes::Source("fuzz.json", std::string_view(reinterpret_cast<const char*>(data), size));
  checker.check_source(result, pes::Format::Json);

  std::ostringstream sink;
  for (bool chinese : {false, true}) {
    pes::Summary summary;
    summary.add(result);
    auto text = pes::make_text_reporter(sink, {chinese, true});
    text->file(result);
    text->finish(summary);
    auto json = pes::make_json_reporter(sink, {chinese, false});
    json->file(result);
    json->finish(summary);
  }

  for (const pes::Form& form : result.doc.forms) {
    std::string written;
    pes::write_form_json(form, written);
    pes::FileResult again;
    again.path = "again.json";
    again.opened = true;
    again.source = pes::Source("again.json", written);
    checker.check_source(again, pes::Format::Json);
    if (!again.doc.parsed || again.doc.forms.size() != 1) std::abort();
    const pes::Form& back = again.doc.forms[0];
    same(form.total, back.total);
    same(form.funds_weight, back.funds_weight);
    if (form.indicators.size() != back.indicators.size()) std::abort();
    for (std::size_t i = 0; i < form.indicators.size(); ++i) {
      same(form.indicators[i].weight, back.indicators[i].weight);
      same(form.indicators[i].score, back.indicators[i].score);
    }
  }
  return 0;
}
