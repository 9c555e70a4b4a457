#include "pes/baseline.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pes/fields.h"
#include "pes/fingerprint.h"
#include "pes/output_file.h"
#include "pes/rules.h"

namespace pes {
namespace {

using ojson = nlohmann::ordered_json;

Message bad(const std::filesystem::path& path, std::string_view en, std::string_view zh) {
  return {fmt::format("{}: not a pes baseline: {}", path.string(), en),
          fmt::format("{}：不是 pes 基线文件：{}", path.string(), zh)};
}

}  // namespace

Baseline::Baseline(std::filesystem::path path, std::filesystem::path cwd)
    : path_(std::move(path)), cwd_(std::move(cwd)) {
  folder_ = (cwd_ / path_).lexically_normal().parent_path();
}

std::string Baseline::relative(const std::string& path) const {
  if (path == "<stdin>" || path == "-") return "-";
  const std::filesystem::path abs = (cwd_ / std::filesystem::path(path)).lexically_normal();
  return abs.lexically_relative(folder_).generic_string();
}

std::string Baseline::key_of(const BaselineEntry& e) {
  std::string key = e.file;
  key += '\x1f';
  if (e.has_form) {
    for (const auto& [name, value] : e.form) {
      key += name;
      key += '=';
      key += value;
      key += '\x1e';
    }
  } else {
    key += '\x1d';
  }
  key += '\x1f';
  key += e.rule;
  key += '\x1f';
  key += e.field;
  return key;
}

BaselineEntry Baseline::entry_of(const std::string& file, const Form* form,
                                 const Finding& f) const {
  BaselineEntry e;
  e.file = file;
  e.has_form = form != nullptr;
  if (form != nullptr) e.form = form_identity(*form);
  e.rule = std::string(rule_info(f.rule).name);
  e.field = stable_field(form, f);
  return e;
}

bool Baseline::load(Message& error) {
  const std::filesystem::path file = (cwd_ / path_).lexically_normal();
  std::ifstream in(file, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(file, ec)) {
    error = {fmt::format("{}: cannot read the baseline (write one with --write-baseline {})",
                         path_.string(), path_.string()),
             fmt::format("{}：无法读取基线文件（可用 --write-baseline {} 生成）", path_.string(),
                         path_.string())};
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const ojson doc = ojson::parse(ss.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    error = bad(path_, "it is not a JSON object", "不是 JSON 对象");
    return false;
  }
  const auto version = doc.find("pes_baseline");
  if (version == doc.end() || !version->is_number_integer() || *version != kBaselineVersion) {
    error = bad(path_, fmt::format("\"pes_baseline\" must be {}", kBaselineVersion),
                fmt::format("\"pes_baseline\" 必须为 {}", kBaselineVersion));
    return false;
  }
  const auto list = doc.find("findings");
  if (list == doc.end() || !list->is_array()) {
    error = bad(path_, "\"findings\" must be an array", "\"findings\" 必须是数组");
    return false;
  }
  for (const ojson& item : *list) {
    BaselineEntry e;
    const bool shaped =
        item.is_object() && item.value("file", ojson()).is_string() &&
        item.value("rule", ojson()).is_string() && item.value("field", ojson()).is_string() &&
        item.value("count", ojson()).is_number_unsigned() && item.contains("form") &&
        (item["form"].is_null() || item["form"].is_object());
    if (!shaped || item["count"].get<std::uint64_t>() == 0) {
      error = bad(path_,
                  "each finding needs file, form (an object or null), rule, field and a count of "
                  "1 or more",
                  "每条记录都需要 file、form（对象或 null）、rule、field 和不小于 1 的 count");
      return false;
    }
    e.file = item["file"].get<std::string>();
    e.rule = item["rule"].get<std::string>();
    e.field = item["field"].get<std::string>();
    e.count = item["count"].get<std::uint64_t>();
    e.has_form = item["form"].is_object();
    if (e.has_form) {
      for (const auto& [name, value] : item["form"].items()) {
        e.form.emplace_back(name, value.is_string() ? value.get<std::string>() : std::string());
      }
    }
    const std::string key = key_of(e);
    if (const auto it = index_.find(key); it != index_.end()) {
      entries_[it->second].count += e.count;
      continue;
    }
    index_[key] = entries_.size();
    entries_.push_back(std::move(e));
  }
  used_.assign(entries_.size(), 0);
  return true;
}

std::uint64_t Baseline::filter(FileResult& file) {
  const std::string rel = relative(file.path);
  RuleSettings& ran = checked_[rel];
  for (std::size_t i = 0; i < ran.enabled.size(); ++i) {
    ran.enabled[i] = ran.enabled[i] || file.rules.enabled[i];
  }
  if (entries_.empty() || !file.opened) return 0;
  std::uint64_t dropped = 0;
  auto held = [&](const Form* form, const Finding& f) {
    if (f.is_accepted()) return false;
    const auto it = index_.find(key_of(entry_of(rel, form, f)));
    if (it == index_.end() || used_[it->second] >= entries_[it->second].count) return false;
    ++used_[it->second];
    ++dropped;
    return true;
  };
  std::erase_if(file.file_findings, [&](const Finding& f) { return held(nullptr, f); });
  for (std::size_t i = 0; i < file.forms.size() && i < file.doc.forms.size(); ++i) {
    const Form* form = &file.doc.forms[i];
    std::erase_if(file.forms[i].findings, [&](const Finding& f) { return held(form, f); });
  }
  return dropped;
}

void Baseline::record(const FileResult& file) {
  if (!file.opened) return;
  const std::string rel = relative(file.path);
  auto add = [&](const Form* form, const Finding& f) {
    if (f.is_accepted()) return;
    BaselineEntry e = entry_of(rel, form, f);
    auto [it, fresh] = recorded_.try_emplace(key_of(e), std::move(e));
    if (!fresh) ++it->second.count;
  };
  for (const Finding& f : file.file_findings) add(nullptr, f);
  for (std::size_t i = 0; i < file.forms.size() && i < file.doc.forms.size(); ++i) {
    for (const Finding& f : file.forms[i].findings) add(&file.doc.forms[i], f);
  }
}

std::uint64_t Baseline::recorded() const {
  std::uint64_t n = 0;
  for (const auto& [key, e] : recorded_) n += e.count;
  return n;
}

bool Baseline::write(Message& error) const {
  ojson doc;
  doc["pes_baseline"] = kBaselineVersion;
  ojson list = ojson::array();
  for (const auto& [key, e] : recorded_) {
    ojson item;
    item["file"] = e.file;
    if (e.has_form) {
      ojson form = ojson::object();
      for (const auto& [name, value] : e.form) form[name] = value;
      item["form"] = std::move(form);
    } else {
      item["form"] = nullptr;
    }
    item["rule"] = e.rule;
    item["field"] = e.field;
    item["count"] = e.count;
    list.push_back(std::move(item));
  }
  doc["findings"] = std::move(list);
  const std::string text = doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
  return write_file_atomically((cwd_ / path_).lexically_normal().string(), text, error);
}

std::vector<BaselineEntry> Baseline::gone() const {
  std::vector<BaselineEntry> out;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const BaselineEntry& e = entries_[i];
    if (used_[i] >= e.count) continue;
    std::error_code ec;
    const bool missing = e.file != "-" && !std::filesystem::exists(folder_ / e.file, ec);
    const auto checked = checked_.find(e.file);
    if (checked == checked_.end() && !missing) continue;
    if (checked != checked_.end()) {  // a rule not run this time says nothing of its findings
      const std::optional<RuleId> rule = find_rule(e.rule);
      if (rule && !checked->second.on(*rule)) continue;
    }
    BaselineEntry g = e;
    g.count = e.count - used_[i];
    out.push_back(std::move(g));
  }
  return out;
}

std::string Baseline::describe(const BaselineEntry& e) {
  std::string where = e.file;
  if (e.has_form) {
    std::string project;
    std::string year;
    for (const auto& [name, value] : e.form) {
      if (name == field_info(FieldKey::Project).json) project = value;
      if (name == field_info(FieldKey::Year).json) year = value;
    }
    where += fmt::format(": {}{}", project.empty() ? "?" : project,
                         year.empty() ? "" : fmt::format(" ({})", year));
  }
  return fmt::format("{} {}{}{}", where, e.rule, e.field.empty() ? "" : " " + e.field,
                     e.count > 1 ? fmt::format(" ×{}", e.count) : "");
}

}  // namespace pes
