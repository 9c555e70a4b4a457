// Helpers for the reader tests: read bytes as a format, and the hand-checked sample forms.
#pragma once

#include <catch2/catch.hpp>
#include <string>

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

/// Sample form `n` (1 to 12) as its JSON reads.
inline Form sample_form(int n) {
  const Document doc = read_as(sample_path(n), read_file(sample_path(n)), Format::Json);
  REQUIRE(doc.forms.size() == 1);
  return doc.forms[0];
}

}  // namespace pes::test
