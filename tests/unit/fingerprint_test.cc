// Fingerprints of findings (stable fields, form identity), [[accept]] entries read and applied.
#include "pes/fingerprint.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "pes/accepts.h"
#include "pes/config.h"
#include "pes/fields.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;

namespace {

std::vector<std::string> stable_fields(const FileResult& r) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < r.forms.size(); ++i) {
    for (const Finding& f : r.forms[i].findings) out.push_back(stable_field(&r.doc.forms[i], f));
  }
  return out;
}

}  // namespace

TEST_CASE("an indicator's field is named by level 2 and name, not by its place", "[fingerprint]") {
  auto j = sample(9);
  const FileResult before = check_json(j);
  REQUIRE(stable_fields(before) ==
          std::vector<std::string>{"/indicators/社会效益指标/社会公众知晓度/score",
                                   "/indicators/服务对象满意度指标/服务群众满意度/score"});
  // Reordered, the pointers change but the stable fields do not.
  std::reverse(j["indicators"].begin(), j["indicators"].end());
  const FileResult after = check_json(j);
  std::vector<std::string> fields = stable_fields(after);
  std::sort(fields.begin(), fields.end());
  std::vector<std::string> expected = stable_fields(before);
  std::sort(expected.begin(), expected.end());
  CHECK(fields == expected);
  CHECK(pes::json_pointer(all_findings(after)[0].field) !=
        pes::json_pointer(all_findings(before)[0].field));
}

TEST_CASE("labels are normalized and escaped in a stable field", "[fingerprint]") {
  auto j = sample(9);
  j["indicators"][3]["name"] = "社会公众 知晓度/覆盖率～";
  const FileResult r = check_json(j);
  CHECK(stable_fields(r)[0] == "/indicators/社会效益指标/社会公众知晓度~1覆盖率~0/score");
}

TEST_CASE("a form's identity is its identity fields as written", "[fingerprint]") {
  const FileResult r = check_json(sample(11));
  const auto id = form_identity(r.doc.forms[0]);
  REQUIRE(id.size() == 3);
  CHECK(id[0] == std::pair<std::string, std::string>{"year", "2023"});
  CHECK(id[1] == std::pair<std::string, std::string>{"project", "服务经济工作经费"});
  CHECK(id[2].first == "implementer");
}

TEST_CASE("an accept field names a field, a pointer or a leading part at a slash",
          "[fingerprint]") {
  const std::string stable = "/indicators/社会效益指标/x/score";
  const std::string pointer = "/indicators/3/score";
  CHECK(field_matches("/indicators/社会效益指标/x/score", stable, pointer));
  CHECK(field_matches("/indicators/社会效益指标", stable, pointer));
  CHECK(field_matches("/indicators/3/score", stable, pointer));
  CHECK(field_matches("/indicators/", stable, pointer));
  CHECK_FALSE(field_matches("/indicators/社会效益", stable, pointer));
  CHECK_FALSE(field_matches("/indicators/3/sc", stable, pointer));
  CHECK_FALSE(field_matches("/total", stable, pointer));
}

TEST_CASE("accept entries mark what they cover and name those that cover nothing",
          "[fingerprint][config]") {
  std::optional<ConfigFile> config(ConfigFile{});
  ConfigError error;
  REQUIRE(parse_config(R"([[accept]]
paths = ["*.json"]
rule = "indicators"
form = "科普 经费"
field = "/indicators/服务对象满意度指标"
reason = "已说明"
[[accept]]
paths = ["*.json"]
rule = "total-mismatch"
reason = "不会用到"
[[accept]]
paths = ["other/*.json"]
rule = "ALL"
reason = "别的文件"
)",
                       "/repo/pes.toml", *config, error));
  AcceptList accepts(config, "/repo");
  FileResult r = check_json(sample(9));
  r.path = "a.json";
  accepts.mark(r);
  const std::vector<Finding> found = all_findings(r);
  REQUIRE(found.size() == 2);
  CHECK_FALSE(found[0].is_accepted());
  CHECK(found[1].accepted == "已说明");
  CHECK(r.count(Severity::Notice) == 1);
  // The total-mismatch entry matched the file and covered nothing; the third matched no file.
  const auto unused = accepts.unused();
  REQUIRE(unused.size() == 1);
  CHECK(unused[0]->rule == "total-mismatch");
}
