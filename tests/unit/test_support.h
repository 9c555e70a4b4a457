// Helpers shared by the tests: check JSON text, load samples, find findings.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pes/checker.h"
#include "pes/rules.h"

namespace pes::test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string sample_path(int n) {
  return std::string(PES_SOURCE_DIR) + (n < 10 ? "/samples/form0" : "/samples/form") + std::to_string(n) + ".json";
}

inline nlohmann::ordered_json sample(int n) { return nlohmann::ordered_json::parse(read_file(sample_path(n))); }

inline FileResult check_text(const std::string& text, Options options = {}) {
  Checker checker(std::move(options));
  FileResult result;
  result.path = "test.json";
  result.opened = true;
  result.source = Source("test.json", text);
  checker.check_source(result);
  return result;
}

inline FileResult check_json(const nlohmann::ordered_json& j, Options options = {}) {
  return check_text(j.dump(2), std::move(options));
}

/// Every finding of a result, file-level ones first.
inline std::vector<Finding> all_findings(const FileResult& r) {
  std::vector<Finding> out = r.file_findings;
  for (const auto& f : r.forms) out.insert(out.end(), f.findings.begin(), f.findings.end());
  return out;
}

/// The findings of one rule.
inline std::vector<Finding> of_rule(const FileResult& r, RuleId id) {
  std::vector<Finding> out;
  for (auto& f : all_findings(r)) {
    if (f.rule == id) out.push_back(f);
  }
  return out;
}

/// Names of the rules that fired, in order.
inline std::vector<std::string> rule_names(const FileResult& r) {
  std::vector<std::string> out;
  for (auto& f : all_findings(r)) out.emplace_back(rule_info(f.rule).name);
  return out;
}

}  // namespace pes::test
