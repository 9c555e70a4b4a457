// The printed table layout as tab-separated text: the seed, and each extraction quirk alone.
#include <catch2/catch.hpp>

#include "form_compare.h"
#include "pes/json_reader.h"
#include "pes/readers.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

Document read_as(const std::string& path, const std::string& text, Format format) {
  Readers readers;
  Document doc;
  readers.read(Source(path, text), format, doc);
  return doc;
}

Form sample_form(int n) {
  const Document doc = read_as(sample_path(n), read_file(sample_path(n)), Format::Json);
  REQUIRE(doc.forms.size() == 1);
  return doc.forms[0];
}

}  // namespace

TEST_CASE("the seed's twelve forms read as the hand-checked samples, field by field", "[layout]") {
  const std::string seed = read_file(std::string(PES_SOURCE_DIR) + "/tests/data/seed-2023.txt");
  REQUIRE_FALSE(seed.empty());
  REQUIRE(seed.back() != '\n');  // the seed ends without a newline, as extracted
  const Document doc = read_as("seed-2023.txt", seed, Format::Tsv);
  REQUIRE(doc.parsed);
  REQUIRE(doc.forms.size() == 12);
  for (int n = 1; n <= 12; ++n) {
    INFO("form " << n);
    const auto diff = form_differences(doc.forms[static_cast<std::size_t>(n - 1)], sample_form(n));
    for (const auto& d : diff) UNSCOPED_INFO(d);
    CHECK(diff.empty());
  }
}
