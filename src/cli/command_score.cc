// pes score FILE: print the forms as pes/1 JSON with every computed field recomputed, and each
// indicator's judgement (its target and actual as read, the MoF rule's score).
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.h"
#include "pes/formats.h"
#include "pes/checker.h"
#include "pes/form_writer.h"
#include "pes/output_guard.h"
#include "pes/recompute.h"
#include "pes/report.h"

namespace pes::cli {
namespace {

bool same_field(const FieldRef& a, const FieldRef& b) {
  return a.key == b.key && a.row == b.row && a.indicator == b.indicator;
}

// A computed field cannot be written over a value that could not be read (it would count it
// as 0): says which values those are, and whether there were any.
bool refuse_unreadable(const FileResult& result, bool zh) {
  bool any = false;
  for (std::size_t i = 0; i < result.doc.forms.size(); ++i) {
    const std::vector<FieldRef> bad = unreadable_inputs(result.doc.forms[i]);
    for (const Finding& f : result.forms[i].findings) {
      if (f.rule != RuleId::InvalidField) continue;
      for (const FieldRef& ref : bad) {
        if (!same_field(f.field, ref)) continue;
        std::cerr << finding_line(result.path, f, zh) << '\n';
        any = true;
        break;
      }
    }
  }
  if (any) {
    std::cerr << (zh ? "pes score：上述值无法读取，无法重新计算，未写出任何内容\n"
                     : "pes score: nothing written: the values above cannot be read, so the "
                       "fields computed from them cannot be\n");
  }
  return any;
}

struct ScoreArgs {
  std::string file;
  CommonOptions common;
};

int run_score(const ScoreArgs& args) {
  Settings settings;
  if (!args.common.settings(settings)) return kExitUsage;
  const bool zh = args.common.chinese();
  OutputGuard guard;
  guard.add("-");
  if (Message error; !guard.check(args.file, error)) {
    std::cerr << pes_prefix(zh) << error.in(zh) << '\n';
    return kExitUsage;
  }
  Checker checker(settings.for_path(args.file).options);
  checker.readers().set_encoding(args.common.input_encoding());
  FileResult result;
  checker.check_file(args.file, result);
  if (!result.opened) {
    std::cerr << pes_prefix(zh) << result.error.in(zh) << '\n';
    return kExitUsage;
  }
  if (result.holds_no_form()) {
    std::cerr << pes_prefix(zh) << no_forms_found(result.path).in(zh) << '\n';
    return kExitUsage;
  }
  if (!result.doc.parsed) {
    for (const Finding& f : result.file_findings) {
      std::cerr << finding_location(result.path, f) << ": " << f.message.in(zh) << '\n';
    }
    return kExitFindings;
  }
  if (refuse_unreadable(result, zh)) return kExitFindings;
  std::string out;
  const bool many = result.doc.is_array || result.doc.forms.size() != 1;  // a CSV of several forms
  if (many) out += "[\n  ";
  for (std::size_t i = 0; i < result.doc.forms.size(); ++i) {
    Form form = result.doc.forms[i];
    fill_computed(form, result.forms[i].re);
    if (i > 0) out += ",\n  ";
    write_judged_form_json(form, result.forms[i].re, zh, out, many ? 2 : 0);
  }
  if (many) out += "\n]";
  out += '\n';
  std::cout << out;
  return kExitClean;
}

}  // namespace

Command add_score(CLI::App& app) {
  auto args = std::make_shared<ScoreArgs>();
  CLI::App* sub = app.add_subcommand(
      "score", "Print the forms with every computed field recomputed / 输出重新计算后的自评表");
  sub->add_option("file", args->file,
                  fmt::format("{}; - reads standard input / 文件",
                              describe_formats(FormatFilter::All, false)))
      ->type_name("FILE")
      ->required();
  args->common.add_to(*sub);
  return {sub, [args] { return run_score(*args); }};
}

}  // namespace pes::cli
