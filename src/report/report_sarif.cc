// The SARIF 2.1.0 reporter: one run, the rules that ran, a result per finding.
#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "pes/report.h"
#include "pes/rules.h"
#include "report/fingerprint.h"
#include "report/relative_path.h"
#include "report/reporters.h"

namespace pes {
namespace {

using ojson = nlohmann::ordered_json;

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Notice:
      return "note";
  }
  return "error";
}

// "rate-mismatch" → "RateMismatch": SARIF's name is an identifier, the id the stable key.
std::string pascal_case(std::string_view kebab) {
  std::string out;
  bool upper = true;
  for (char c : kebab) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// A URI reference (RFC 3986): unreserved characters and '/' as they are, the rest escaped.
std::string uri_escape(std::string_view path) {
  std::string out;
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += ch;
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

class SarifReporter final : public Reporter {
 public:
  SarifReporter(std::ostream& out, ReportStyle style) : out_(out), style_(std::move(style)) {}

  void file(const FileResult& file) override {
    if (!file.opened) {
      notifications_.push_back(
          {{"level", "error"},
           {"message", {{"text", file.error.in(style_.chinese)}}},
           {"locations",
            ojson::array({{{"physicalLocation", {{"artifactLocation", artifact(file.path)}}}}})}});
      return;
    }
    for (std::size_t i = 0; i < kRuleCount; ++i) ran_[i] = ran_[i] || file.rules.enabled[i];
    for (const Finding& f : file.file_findings) add(file, f);
    for (const FormResult& form : file.forms) {
      for (const Finding& f : form.findings) add(file, f);
    }
  }

  void finish(const Summary&) override {
    // The rules that ran, in table order; results point at them by index.
    ojson rule_list = ojson::array();
    std::map<std::size_t, std::size_t> index;
    for (const Rule& r : rules()) {
      const auto i = static_cast<std::size_t>(r.id);
      if (!ran_[i]) continue;
      index[i] = rule_list.size();
      rule_list.push_back(describe(r));
    }
    for (auto& [rule, result] : results_) result["ruleIndex"] = index.at(rule);
    ojson results = ojson::array();
    for (auto& [rule, result] : results_) results.push_back(std::move(result));

    ojson driver = {{"name", "pes"},
                    {"version", std::string(pes_version())},
                    {"semanticVersion", std::string(pes_version())},
                    {"informationUri", "https://pes.invalid/"},
                    {"rules", std::move(rule_list)}};
    ojson invocation = {{"executionSuccessful", notifications_.empty()}};
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = notifications_;
    ojson run = {{"tool", {{"driver", std::move(driver)}}}};
    if (!style_.root.empty()) {
      std::string root = uri_escape(std::filesystem::path(style_.root).generic_string());
      if (!root.ends_with('/')) root += '/';
      run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + root}}}};
    }
    run["invocations"] = ojson::array({std::move(invocation)});
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = std::move(results);
    const ojson doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                       {"version", "2.1.0"},
                       {"runs", ojson::array({std::move(run)})}};
    out_ << doc.dump(2) << '\n';
  }

 private:
  ojson describe(const Rule& r) const {
    const bool zh = style_.chinese;
    const std::string help =
        fmt::format("{}\n\n{}\n\n{}", r.summary.in(zh), r.why.in(zh), r.example.in(zh));
    const std::string help_md = fmt::format(
        "{}\n\n**{}** {}\n\n**{}** {}", r.summary.in(zh), zh ? "为什么：" : "Why:", r.why.in(zh),
        zh ? "示例与修正：" : "Example and fix:", r.example.in(zh));
    return {{"id", r.name},
            {"name", pascal_case(r.name)},
            {"shortDescription", {{"text", r.summary.in(zh)}}},
            {"fullDescription", {{"text", r.why.in(zh)}}},
            {"help", {{"text", help}, {"markdown", help_md}}},
            {"defaultConfiguration", {{"enabled", r.enabled}, {"level", sarif_level(r.severity)}}},
            {"properties",
             {{"group", group_name(r.group)}, {"tags", ojson::array({group_name(r.group)})}}}};
  }

  // The path relative to the root when it lies below it, as a URI reference.
  std::string relative(const std::string& path) const { return relative_path(path, style_.root); }

  ojson artifact(const std::string& path) const {
    const std::string rel = relative(path);
    ojson a = {{"uri", uri_escape(rel)}};
    if (!std::filesystem::path(rel).is_absolute() && !style_.root.empty())
      a["uriBaseId"] = "%SRCROOT%";
    return a;
  }

  void add(const FileResult& file, const Finding& f) {
    const Rule& r = rule_info(f.rule);
    ran_[static_cast<std::size_t>(f.rule)] = true;
    const std::string uri = uri_escape(relative(file.path));
    const std::string key = fmt::format("{}\n{}\n{}", r.name, uri, f.pointer);
    const std::size_t occurrence = ++seen_[key];
    // In a spreadsheet the place a person looks for is a cell (Sheet1!C5) or a row and column
    // letters (118:AF), which SARIF has no field for: the message starts with it and the region
    // carries it as its message. A workbook's region is its cell's row and column, a CSV's its
    // line and column in the text (where a viewer of the file shows it).
    const std::string place = in_table(f) ? finding_place(f) : std::string();
    const std::string text = f.message.in(style_.chinese);
    const std::string message = place.empty() ? text : fmt::format("{}: {}", place, text);
    ojson result = {{"ruleId", r.name},
                    {"ruleIndex", 0},
                    {"level", sarif_level(f.severity)},
                    {"message", {{"text", message}}}};
    ojson physical = {{"artifactLocation", artifact(file.path)}};
    if (f.line > 0) {
      physical["region"] = {{"startLine", f.line},
                            {"startColumn", std::max<std::uint32_t>(f.column, 1)}};
      if (!place.empty()) physical["region"]["message"] = {{"text", place}};
    }
    ojson location = {{"physicalLocation", std::move(physical)}};
    if (!f.pointer.empty()) {
      location["logicalLocations"] = ojson::array(
          {{{"name", f.pointer}, {"fullyQualifiedName", f.pointer}, {"kind", "value"}}});
    }
    result["locations"] = ojson::array({std::move(location)});
    result["partialFingerprints"] = {
        {"pesFinding/v1", fmt::format("{:016x}:{}", fnv1a(key), occurrence)}};
    ojson props = {{"pointer", f.pointer}, {"group", group_name(r.group)}};
    if (f.row > 0) {
      props["row"] = f.row;
      if (!f.column_letter.empty()) props["column_letter"] = f.column_letter;
    }
    props["reported"] = f.reported.empty() ? ojson(nullptr) : ojson(f.reported);
    props["expected"] = f.expected.empty() ? ojson(nullptr) : ojson(f.expected);
    result["properties"] = std::move(props);
    if (f.is_accepted()) {
      // A deviation pes.toml accepts: suppressed in source (the config), with its reason.
      result["suppressions"] = ojson::array(
          {{{"kind", "external"}, {"status", "accepted"}, {"justification", f.accepted}}});
    }
    results_.emplace_back(static_cast<std::size_t>(f.rule), std::move(result));
  }

  std::ostream& out_;
  ReportStyle style_;
  std::array<bool, kRuleCount> ran_{};
  std::vector<std::pair<std::size_t, ojson>> results_;
  std::map<std::string, std::size_t> seen_;
  ojson notifications_ = ojson::array();
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, const ReportStyle& style,
                                              std::string_view) {
  return std::make_unique<SarifReporter>(out, style);
}

}  // namespace pes
