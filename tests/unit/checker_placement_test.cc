// Checker::check_source puts each reader finding on the form it belongs to, also in an array
// whose elements are not all forms (then the form numbers have gaps), and on the file when the
// element it names is no form.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace pes;
using namespace pes::test;
using json = nlohmann::ordered_json;

TEST_CASE("reader findings go to their form in an array with gaps", "[checker]") {
  json forms = json::array();
  for (int i = 0; i < 6; ++i) {
    json form = sample(1 + i % 12);
    if (i == 4) form["total"] = "ninety";  // not a number: the reader's invalid-field
    forms.push_back(form);
    if (i == 1) forms.push_back(42);  // element 2 is no form
  }
  const FileResult r = check_json(forms);
  REQUIRE(r.doc.forms.size() == 6);
  REQUIRE(r.forms.size() == 6);
  // The changed form is element 5 (after the number), the fifth form read.
  for (std::size_t i = 0; i < r.forms.size(); ++i) {
    std::size_t invalid = 0;
    for (const Finding& f : r.forms[i].findings) {
      if (f.rule != RuleId::InvalidField) continue;
      ++invalid;
      CHECK(f.form == 5);
      CHECK(f.pointer == "/5/total");
    }
    CHECK(invalid == (i == 4 ? 1u : 0u));
  }
  // The number at element 2 is reported on the file, as no form has that number.
  REQUIRE(r.file_findings.size() == 1);
  CHECK(r.file_findings[0].form == 2);
  CHECK(r.file_findings[0].pointer == "/2");
}
