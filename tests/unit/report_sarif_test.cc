// SARIF 2.1.0: a strict structural check of every object the reporter emits. Each object's
// properties must be ones the SARIF 2.1.0 schema defines for it, and the ones it requires
// must be there with the right types.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "pes/report.h"
#include "pes/rules.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;
using json = nlohmann::json;

namespace {

// Fails on a property the SARIF 2.1.0 schema does not define for this object.
void only(const json& j, std::set<std::string> allowed, const std::string& where) {
  REQUIRE(j.is_object());
  for (const auto& [key, value] : j.items()) {
    INFO(where << " has " << key);
    CHECK(allowed.count(key) == 1);
  }
}

void message(const json& m, const std::string& where) {
  only(m, {"text", "markdown", "id", "arguments", "properties"}, where);
  REQUIRE(m.contains("text"));
  CHECK(m["text"].is_string());
  CHECK_FALSE(m["text"].get<std::string>().empty());
}

void multiformat(const json& m, const std::string& where) {
  only(m, {"text", "markdown", "properties"}, where);
  REQUIRE(m["text"].is_string());
}

void artifact_location(const json& a) {
  only(a, {"uri", "uriBaseId", "index", "description", "properties"}, "artifactLocation");
  REQUIRE(a["uri"].is_string());
  const std::string uri = a["uri"];
  CHECK_FALSE(uri.empty());
  // A URI reference: no spaces or raw non-ASCII bytes.
  for (char c : uri) {
    CHECK(static_cast<unsigned char>(c) > 0x20);
    CHECK(static_cast<unsigned char>(c) < 0x7f);
  }
  if (a.contains("uriBaseId")) CHECK(a["uriBaseId"].is_string());
}

void rule(const json& r) {
  only(r, {"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
           "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration",
           "helpUri", "help", "relationships", "properties"},
       "reportingDescriptor");
  REQUIRE(r["id"].is_string());
  REQUIRE(find_rule(r["id"].get<std::string>()));
  REQUIRE(r["name"].is_string());
  multiformat(r["shortDescription"], "shortDescription");
  multiformat(r["fullDescription"], "fullDescription");
  multiformat(r["help"], "help");
  const json& c = r["defaultConfiguration"];
  only(c, {"enabled", "level", "rank", "parameters", "properties"}, "reportingConfiguration");
  CHECK(c["enabled"].is_boolean());
  const std::string level = c["level"];
  CHECK((level == "none" || level == "note" || level == "warning" || level == "error"));
  REQUIRE(r["properties"].is_object());
  CHECK(r["properties"]["tags"].is_array());
}

void result(const json& res, const json& rules) {
  only(res, {"guid", "correlationGuid", "ruleId", "ruleIndex", "rule", "kind", "level", "message",
             "analysisTarget", "locations", "webRequest", "webResponse", "fingerprints",
             "partialFingerprints", "codeFlows", "graphs", "graphTraversals", "stacks",
             "relatedLocations", "suppressions", "baselineState", "rank", "attachments",
             "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "properties"},
       "result");
  message(res["message"], "result.message");
  const std::string level = res["level"];
  CHECK((level == "none" || level == "note" || level == "warning" || level == "error"));
  REQUIRE(res["ruleIndex"].is_number_unsigned());
  const std::size_t index = res["ruleIndex"];
  REQUIRE(index < rules.size());
  CHECK(rules[index]["id"] == res["ruleId"]);
  REQUIRE(res["locations"].is_array());
  REQUIRE(res["locations"].size() == 1);
  const json& loc = res["locations"][0];
  only(loc, {"id", "physicalLocation", "logicalLocations", "message", "annotations",
             "relationships", "properties"},
       "location");
  const json& phys = loc["physicalLocation"];
  only(phys, {"address", "artifactLocation", "region", "contextRegion", "properties"},
       "physicalLocation");
  artifact_location(phys["artifactLocation"]);
  const json& region = phys["region"];
  only(region, {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
                "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"},
       "region");
  CHECK(region["startLine"].get<int>() >= 1);
  CHECK(region["startColumn"].get<int>() >= 1);
  if (loc.contains("logicalLocations")) {
    for (const json& l : loc["logicalLocations"]) {
      only(l, {"index", "name", "fullyQualifiedName", "decoratedName", "parentIndex", "kind",
               "properties"},
           "logicalLocation");
      CHECK(l["fullyQualifiedName"].get<std::string>().starts_with("/"));
    }
  }
  REQUIRE(res["partialFingerprints"].is_object());
  CHECK_FALSE(res["partialFingerprints"].empty());
  for (const auto& [k, v] : res["partialFingerprints"].items()) CHECK(v.is_string());
  const json& props = res["properties"];
  REQUIRE(props.contains("expected"));
  REQUIRE(props.contains("reported"));
}

json sarif_of(const std::vector<std::string>& paths, Options options = {}) {
  std::ostringstream out;
  ReportStyle style;
  style.root = PES_SOURCE_DIR;
  auto reporter = find_reporter("sarif")->make(out, style, "");
  Checker checker(std::move(options));
  Summary summary;
  FileResult r;
  for (const std::string& p : paths) {
    checker.check_file(p, r);
    summary.add(r);
    reporter->file(r);
  }
  reporter->finish(summary);
  return json::parse(out.str());
}

void validate(const json& doc) {
  only(doc, {"$schema", "version", "runs", "inlineExternalProperties", "properties"}, "sarifLog");
  CHECK(doc["version"] == "2.1.0");
  REQUIRE(doc["runs"].is_array());
  REQUIRE(doc["runs"].size() == 1);
  const json& run = doc["runs"][0];
  only(run, {"tool", "invocations", "conversion", "language", "versionControlProvenance",
             "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results",
             "automationDetails", "runAggregates", "baselineGuid", "redactionTokens",
             "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind",
             "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
             "translations", "policies", "webRequests", "webResponses", "specialLocations",
             "properties"},
       "run");
  CHECK(run["columnKind"] == "unicodeCodePoints");
  only(run["tool"], {"driver", "extensions", "properties"}, "tool");
  const json& driver = run["tool"]["driver"];
  only(driver, {"guid", "name", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
                "releaseDateUtc", "downloadUri", "informationUri", "organization", "product",
                "productSuite", "shortDescription", "fullDescription", "language",
                "globalMessageStrings", "notifications", "rules", "taxa", "locations",
                "contents", "isComprehensive", "localizedDataSemanticVersion",
                "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent",
                "translationMetadata", "supportedTaxonomies", "properties"},
       "toolComponent");
  CHECK(driver["name"] == "pes");
  std::set<std::string> ids;
  for (const json& r : driver["rules"]) {
    rule(r);
    CHECK(ids.insert(r["id"].get<std::string>()).second);
  }
  for (const json& res : run["results"]) result(res, driver["rules"]);
  REQUIRE(run["invocations"].size() == 1);
  const json& inv = run["invocations"][0];
  REQUIRE(inv["executionSuccessful"].is_boolean());
  if (inv.contains("toolExecutionNotifications")) {
    for (const json& n : inv["toolExecutionNotifications"]) {
      only(n, {"locations", "message", "level", "threadId", "timeUtc", "exception", "descriptor",
               "associatedRule", "properties"},
           "notification");
      message(n["message"], "notification.message");
    }
  }
  if (run.contains("originalUriBaseIds")) {
    for (const auto& [k, v] : run["originalUriBaseIds"].items()) {
      CHECK(v["uri"].get<std::string>().ends_with("/"));
    }
  }
}

}  // namespace

TEST_CASE("SARIF: the seed forms and a broken file validate, with every rule that ran",
          "[sarif]") {
  std::vector<std::string> paths;
  for (int n = 1; n <= 12; ++n) paths.push_back(sample_path(n));
  paths.push_back(std::string(PES_SOURCE_DIR) + "/tests/golden/broken.json");
  paths.push_back(std::string(PES_SOURCE_DIR) + "/tests/golden/truncated.json");
  const json doc = sarif_of(paths);
  validate(doc);
  const json& run = doc["runs"][0];
  std::size_t on_by_default = 0;
  for (const Rule& r : rules()) on_by_default += r.enabled ? 1 : 0;
  CHECK(run["tool"]["driver"]["rules"].size() == on_by_default);
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  // form 11's real deduction without a reason, placed where the reason would go.
  bool found = false;
  for (const json& r : run["results"]) {
    const json& loc = r["locations"][0]["physicalLocation"];
    if (loc["artifactLocation"]["uri"] == "samples/form11.json") {
      found = true;
      CHECK(r["ruleId"] == "deduction-without-reason");
      CHECK(r["level"] == "warning");
      CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
      CHECK(loc["region"]["startLine"] == 168);
      CHECK(loc["region"]["startColumn"] == 17);
    }
  }
  CHECK(found);
}

TEST_CASE("SARIF: rules that did not run are not listed, fingerprints are stable", "[sarif]") {
  Options options;
  options.rules.enabled.fill(false);
  options.rules.enabled[static_cast<std::size_t>(RuleId::BudgetScoreMismatch)] = true;
  options.rounding = RoundingPolicy::HalfUp;
  const std::vector<std::string> paths = {sample_path(1)};
  const json a = sarif_of(paths, options);
  validate(a);
  const json& rules_ran = a["runs"][0]["tool"]["driver"]["rules"];
  REQUIRE(rules_ran.size() == 1);
  CHECK(rules_ran[0]["id"] == "budget-score-mismatch");
  const json& results = a["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  CHECK(results[0]["properties"]["reported"] == "9.84");
  CHECK(results[0]["properties"]["expected"] == "9.85");
  CHECK(results[0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] ==
        "/funds/total/score");
  const json b = sarif_of(paths, options);
  CHECK(a["runs"][0]["results"][0]["partialFingerprints"] ==
        b["runs"][0]["results"][0]["partialFingerprints"]);
}

TEST_CASE("SARIF: an unreadable file is a failed execution with a notification", "[sarif]") {
  const json doc = sarif_of({std::string(PES_SOURCE_DIR) + "/no/such/file.json"});
  validate(doc);
  const json& inv = doc["runs"][0]["invocations"][0];
  CHECK(inv["executionSuccessful"] == false);
  CHECK(inv["toolExecutionNotifications"].size() == 1);
  CHECK(doc["runs"][0]["results"].empty());
}
