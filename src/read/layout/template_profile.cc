// Template profiles from TOML (toml++, header-only as in config_file.cc), and the set a run
// knows: the built-in ones (templates/*.toml, built into pes by cmake/embed_templates.cmake)
// and the user's.
#define TOML_HEADER_ONLY 1
#define TOML_ENABLE_UNRELEASED_FEATURES 1
#define TOML_EXCEPTIONS 0
#include "read/layout/template_profile.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "pes/fields.h"
#include "pes/labels.h"
#include "templates_builtin.h"

namespace pes {
namespace {

using Labels = std::vector<std::string>;

class Loader {
 public:
  Loader(const std::string& origin, Message& error) : origin_(origin), error_(error) {}

  bool fail(const toml::source_region& at, const std::string& en, const std::string& zh) {
    error_ = {fmt::format("{}:{}:{}: {}", origin_, at.begin.line, at.begin.column, en),
              fmt::format("{}:{}:{}：{}", origin_, at.begin.line, at.begin.column, zh)};
    return false;
  }

  // The keys a table may have; any other is a mistake worth a message.
  bool only(const toml::table& t, std::initializer_list<std::string_view> keys,
            std::string_view where) {
    for (const auto& [key, node] : t) {
      if (std::find(keys.begin(), keys.end(), key.str()) == keys.end()) {
        return fail(key.source(), fmt::format("unknown key “{}” in {}", key.str(), where),
                    fmt::format("{} 中有未知的键“{}”", where, key.str()));
      }
    }
    return true;
  }

  bool strings(const toml::table& t, std::string_view key, Labels& out) {
    const toml::node* node = t.get(key);
    if (node == nullptr) return true;
    const toml::array* list = node->as_array();
    if (list == nullptr) {
      return fail(node->source(), fmt::format("“{}” must be a list of strings", key),
                  fmt::format("“{}”应为字符串列表", key));
    }
    for (const toml::node& item : *list) {
      const auto* s = item.as_string();
      if (s == nullptr || is_blank_label(s->get())) {
        return fail(item.source(), fmt::format("“{}” must hold non-empty strings", key),
                    fmt::format("“{}”应为非空字符串", key));
      }
      out.push_back(normalize_label(s->get()));
    }
    return true;
  }

  bool string(const toml::table& t, std::string_view key, std::string& out, bool required) {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      if (!required) return true;
      return fail(t.source(), fmt::format("the profile has no “{}”", key),
                  fmt::format("模板缺少“{}”", key));
    }
    const auto* s = node->as_string();
    if (s == nullptr) {
      return fail(node->source(), fmt::format("“{}” must be a string", key),
                  fmt::format("“{}”应为字符串", key));
    }
    out = s->get();
    return true;
  }

  const toml::table* table(const toml::table& t, std::string_view key, bool& ok) {
    const toml::node* node = t.get(key);
    if (node == nullptr) return nullptr;
    const toml::table* sub = node->as_table();
    if (sub == nullptr) {
      ok = fail(node->source(), fmt::format("“{}” must be a table", key),
                fmt::format("“{}”应为表", key));
    }
    return sub;
  }

  // [funds.columns] or [indicators.columns]: pes/1 field key → headers. The field table's
  // label and aliases of the field count too.
  bool columns(const toml::table& t, FieldParent parent, std::string_view where,
               std::vector<TemplateColumn>& out, Labels& ignore) {
    for (const auto& [key, node] : t) {
      if (key.str() == "ignore") {
        if (!strings(t, "ignore", ignore)) return false;
        continue;
      }
      const FieldInfo* f = find_field(parent, key.str());
      if (f == nullptr && parent == FieldParent::Row) {
        if (key.str() == "weight") f = &field_info(FieldKey::FundsWeight);
      }
      if (f == nullptr) {
        return fail(key.source(), fmt::format("{} has no column “{}”", where, key.str()),
                    fmt::format("{} 没有“{}”列", where, key.str()));
      }
      TemplateColumn column{f->key, {}};
      if (!strings(t, key.str(), column.labels)) return false;
      column.labels.push_back(normalize_label(f->zh));
      for (std::string_view a : f->aliases) column.labels.push_back(normalize_label(a));
      out.push_back(std::move(column));
    }
    return true;
  }

  bool rows(const toml::node* node, std::vector<TemplateRow>& out) {
    if (node == nullptr) return true;
    const toml::array* list = node->as_array();
    if (list == nullptr) {
      return fail(node->source(), "“funds.rows” must be an array of tables ([[funds.rows]])",
                  "“funds.rows”应为表数组（[[funds.rows]]）");
    }
    for (const toml::node& item : *list) {
      const toml::table* t = item.as_table();
      if (t == nullptr) {
        return fail(item.source(), "each [[funds.rows]] entry must be a table",
                    "[[funds.rows]] 的每一项应为表");
      }
      if (!only(*t, {"row", "labels"}, "[[funds.rows]]")) return false;
      TemplateRow row;
      if (!string(*t, "row", row.kind, true) || !strings(*t, "labels", row.labels)) return false;
      if (const FundsRowInfo* info = find_funds_row(row.kind)) {
        row.row = info->id;
        row.labels.push_back(normalize_label(info->zh));
        for (std::string_view a : info->aliases) row.labels.push_back(normalize_label(a));
      }
      out.push_back(std::move(row));
    }
    return true;
  }

  bool load(const toml::table& root, TemplateProfile& p) {
    if (!only(root,
              {"name", "description", "reader", "title", "labels", "funds", "goals", "indicators",
               "total", "absent", "notices"},
              "the profile")) {
      return false;
    }
    std::string reader = "columns";
    if (!string(root, "name", p.name, true) || !string(root, "description", p.description, false) ||
        !string(root, "reader", reader, false)) {
      return false;
    }
    if (p.name.empty() || p.name.find_first_of(" \t/") != std::string::npos) {
      return fail(root.get("name")->source(), "the profile's name must be one word",
                  "模板名称应为一个词");
    }
    if (reader == "columns") {
      p.reader = TemplateReader::Columns;
    } else if (reader == "printed") {
      p.reader = TemplateReader::Printed;
    } else {
      return fail(root.get("reader")->source(), "“reader” must be “columns” or “printed”",
                  "“reader”应为“columns”或“printed”");
    }
    bool ok = true;
    if (const toml::table* t = table(root, "title", ok)) {
      std::string year;
      if (!only(*t, {"patterns", "year"}, "[title]") || !strings(*t, "patterns", p.titles) ||
          !string(*t, "year", year, false)) {
        return false;
      }
      if (!year.empty() && year != "title") {
        return fail(t->get("year")->source(), "“year” must be “title”", "“year”应为“title”");
      }
    }
    if (!ok) return false;
    if (p.titles.empty()) {
      return fail(root.source(), "the profile has no [title] patterns",
                  "模板缺少 [title] patterns");
    }
    p.project = {normalize_label(field_label_zh(FieldKey::Project))};
    p.department = {normalize_label(field_label_zh(FieldKey::Department))};
    p.implementer = {normalize_label(field_label_zh(FieldKey::Implementer))};
    if (const toml::table* t = table(root, "labels", ok)) {
      if (!only(*t, {"project", "department", "implementer"}, "[labels]") ||
          !strings(*t, "project", p.project) || !strings(*t, "department", p.department) ||
          !strings(*t, "implementer", p.implementer)) {
        return false;
      }
    }
    if (!ok) return false;
    if (const toml::table* t = table(root, "funds", ok)) {
      if (!only(*t, {"block", "weight", "weight_label", "columns", "rows"}, "[funds]") ||
          !strings(*t, "block", p.funds_block) || !string(*t, "weight", p.funds_weight, false) ||
          !rows(t->get("rows"), p.funds_rows)) {
        return false;
      }
      Labels weight_labels;
      if (!strings(*t, "weight_label", weight_labels)) return false;
      p.funds_weight_labels = weight_labels;
      if (const toml::table* c = table(*t, "columns", ok)) {
        if (!columns(*c, FieldParent::Row, "[funds.columns]", p.funds_columns, p.funds_ignore))
          return false;
      }
      if (!ok) return false;
      for (TemplateColumn& c : p.funds_columns) {
        if (c.key == FieldKey::FundsWeight)
          c.labels.insert(c.labels.end(), weight_labels.begin(), weight_labels.end());
      }
    }
    if (!ok) return false;
    p.funds_block.push_back(normalize_label(field_label_zh(FieldKey::Funds)));
    p.goals_block = {normalize_label(field_label_zh(FieldKey::Goals))};
    p.goals_expected = {normalize_label(field_label_zh(FieldKey::GoalsExpected))};
    p.goals_achieved = {normalize_label(field_label_zh(FieldKey::GoalsAchieved))};
    if (const toml::table* t = table(root, "goals", ok)) {
      if (!only(*t, {"block", "expected", "achieved"}, "[goals]") ||
          !strings(*t, "block", p.goals_block) || !strings(*t, "expected", p.goals_expected) ||
          !strings(*t, "achieved", p.goals_achieved)) {
        return false;
      }
    }
    if (!ok) return false;
    if (const toml::table* t = table(root, "indicators", ok)) {
      std::string notation;
      if (!only(*t, {"block", "level1_weight", "columns"}, "[indicators]") ||
          !strings(*t, "block", p.indicators_block) ||
          !string(*t, "level1_weight", notation, false)) {
        return false;
      }
      if (!notation.empty() && notation != "(N分)") {
        return fail(t->get("level1_weight")->source(), "“level1_weight” must be “(N分)”",
                    "“level1_weight”应为“(N分)”");
      }
      p.level1_weights = !notation.empty();
      if (const toml::table* c = table(*t, "columns", ok)) {
        if (!columns(*c, FieldParent::Indicator, "[indicators.columns]", p.indicator_columns,
                     p.indicator_ignore))
          return false;
      }
    }
    if (!ok) return false;
    p.total_labels = {normalize_label(field_label_zh(FieldKey::Total))};
    p.grade_labels = {normalize_label(field_label_zh(FieldKey::Grade))};
    if (const toml::table* t = table(root, "total", ok)) {
      std::string grade = "own-row";
      if (!only(*t, {"labels", "grade", "grade_labels"}, "[total]") ||
          !strings(*t, "labels", p.total_labels) || !string(*t, "grade", grade, false) ||
          !strings(*t, "grade_labels", p.grade_labels)) {
        return false;
      }
      if (grade == "own-row") {
        p.grade = GradePlace::OwnRow;
      } else if (grade == "in-total-row") {
        p.grade = GradePlace::InTotalRow;
      } else if (grade == "none") {
        p.grade = GradePlace::None;
      } else {
        return fail(t->get("grade")->source(),
                    "“grade” must be “own-row”, “in-total-row” or “none”",
                    "“grade”应为“own-row”“in-total-row”或“none”");
      }
    }
    if (!ok) return false;
    if (const toml::table* t = table(root, "notices", ok)) {
      if (!only(*t, {"labels"}, "[notices]") || !strings(*t, "labels", p.notices)) return false;
    }
    if (!ok) return false;
    if (const toml::node* node = root.get("absent")) {
      const toml::array* list = node->as_array();
      if (list == nullptr) {
        return fail(node->source(), "“absent” must be a list of pes/1 field names",
                    "“absent”应为 pes/1 字段名列表");
      }
      for (const toml::node& item : *list) {
        const auto* s = item.as_string();
        const FieldInfo* f = s ? find_field(FieldParent::Form, s->get()) : nullptr;
        if (f == nullptr) {
          return fail(item.source(), "“absent” names a field pes/1 does not have",
                      "“absent”中有 pes/1 没有的字段");
        }
        p.absent.push_back(f->key);
      }
    }
    return true;
  }

 private:
  const std::string& origin_;
  Message& error_;
};

std::shared_ptr<const TemplateProfile> load_profile(std::string_view text,
                                                    const std::string& origin, Message& error) {
  Loader loader(origin, error);
  toml::parse_result parsed = toml::parse(text, std::string_view(origin));
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    loader.fail(e.source(), fmt::format("TOML syntax: {}", e.description()),
                fmt::format("TOML 语法错误：{}", e.description()));
    return nullptr;
  }
  auto p = std::make_shared<TemplateProfile>();
  p->origin = origin;
  p->text = std::string(text);
  if (!loader.load(parsed.table(), *p)) return nullptr;
  return p;
}

bool ends_with_paren(std::string_view s, std::size_t& open) {
  if (!s.ends_with(")")) return false;
  open = s.rfind('(');
  return open != std::string_view::npos && open > 0;
}

}  // namespace

std::string label_base(std::string_view text) {
  std::string s = normalize_label(text);
  std::size_t open = 0;
  while (ends_with_paren(s, open)) s.resize(open);
  while (s.ends_with(":")) s.pop_back();
  for (std::string_view lead : {"其中:", "其中"}) {
    if (s.starts_with(lead) && s.size() > lead.size()) {
      s.erase(0, lead.size());
      break;
    }
  }
  return s;
}

bool label_in(std::string_view norm, std::string_view base,
              const std::vector<std::string>& labels) {
  for (const std::string& l : labels) {
    if (l == norm || l == base) return true;
  }
  return false;
}

std::vector<std::string_view> TemplateProfile::all_labels() const {
  std::vector<std::string_view> out;
  auto add = [&](const std::vector<std::string>& v) { out.insert(out.end(), v.begin(), v.end()); };
  add(project);
  add(department);
  add(implementer);
  add(funds_block);
  for (const TemplateColumn& c : funds_columns) add(c.labels);
  for (const TemplateRow& r : funds_rows) add(r.labels);
  add(goals_block);
  add(goals_expected);
  add(goals_achieved);
  add(indicators_block);
  for (const TemplateColumn& c : indicator_columns) add(c.labels);
  add(total_labels);
  if (grade == GradePlace::OwnRow) add(grade_labels);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

TemplateSet::TemplateSet() {
  for (const auto& [file, text] : kBuiltinTemplates) {
    Message error;
    auto p = load_profile(text, fmt::format("built in ({})", file), error);
    if (p == nullptr) throw std::logic_error(error.en);  // a test loads every built-in one
    profiles_.push_back(std::move(p));
  }
}
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(const TemplateSet&) = default;
TemplateSet& TemplateSet::operator=(const TemplateSet&) = default;

std::shared_ptr<const TemplateSet> TemplateSet::builtins() {
  static const std::shared_ptr<const TemplateSet> set = std::make_shared<TemplateSet>();
  return set;
}

bool TemplateSet::add_text(std::string_view text, const std::string& origin, Message& error) {
  auto p = load_profile(text, origin, error);
  if (p == nullptr) return false;
  const std::string forced = forced_ ? forced_->name : std::string();
  std::erase_if(profiles_, [&](const auto& q) { return q->name == p->name; });
  profiles_.push_back(std::move(p));
  if (!forced.empty()) forced_ = find(forced);
  return true;
}

bool TemplateSet::add_file(const std::filesystem::path& path, Message& error) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec)) {
    error = {fmt::format("{}: cannot read the template profile", path.string()),
             fmt::format("{}：无法读取模板文件", path.string())};
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return add_text(ss.str(), path.string(), error);
}

bool TemplateSet::force(std::string_view name) {
  forced_ = find(name);
  return forced_ != nullptr;
}

bool TemplateSet::choose(const std::string& name_or_path, Message& error) {
  if (force(name_or_path)) return true;
  if (!name_or_path.ends_with(".toml")) {
    std::string names;
    for (const auto& p : profiles_) names += (names.empty() ? "" : ", ") + p->name;
    error = {fmt::format("no template named “{}”; pes knows {} (or give a .toml file)",
                         name_or_path, names),
             fmt::format("没有名为“{}”的模板；可用的模板：{}（或给出 .toml 文件）", name_or_path,
                         names)};
    return false;
  }
  if (!add_file(name_or_path, error)) return false;
  forced_ = profiles_.back().get();
  return true;
}

const TemplateProfile* TemplateSet::find(std::string_view name) const {
  for (const auto& p : profiles_) {
    if (p->name == name) return p.get();
  }
  return nullptr;
}

TemplateSummary template_summary(const TemplateProfile& p) {
  return {p.name, p.description, p.origin,
          p.reader == TemplateReader::Printed ? "printed" : "columns"};
}

std::string_view template_text(const TemplateProfile& p) { return p.text; }

FormTemplate form_template(const TemplateProfile& profile) {
  FormTemplate tmpl;
  for (const FieldKey key : profile.absent) tmpl.lacks.set(static_cast<std::size_t>(key));
  if (const auto weight = Decimal::parse(profile.funds_weight).value) tmpl.budget_weight = *weight;
  return tmpl;
}

}  // namespace pes
