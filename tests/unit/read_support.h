// Helpers for the reader tests: read bytes as a format, and the hand-checked sample forms.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "pes/form_writer.h"
#include "pes/readers.h"
#include "test_support.h"

namespace pes::test {

/// The document `bytes` read as `format`, as if from a file called `path`.
inline Document read_as(const std::string& path, const std::string& bytes, Format format) {
  Readers readers;
  Document doc;
  readers.read(Source(path, bytes), format, doc);
  return doc;
}

/// `text` read as `format` from a file called f.csv or f.json.
inline Document read_text_as(const std::string& text, Format format) {
  return read_as(format == Format::Csv ? "f.csv" : "f.json", text, format);
}

/// A form as pes/1 JSON.
inline std::string json_of(const Form& form) {
  std::string out;
  write_form_json(form, out);
  return out;
}

/// Sample form `n` (1 to 12) as its JSON reads.
inline Form sample_form(int n) {
  const Document doc = read_as(sample_path(n), read_file(sample_path(n)), Format::Json);
  REQUIRE(doc.forms.size() == 1);
  return doc.forms[0];
}

}  // namespace pes::test
