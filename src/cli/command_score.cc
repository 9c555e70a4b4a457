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

namespace pes::cli {
namespace {

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
    std::cerr << "pes: " << error.in(zh) << '\n';
    return kExitUsage;
  }
  Checker checker(settings.for_path(args.file).options);
  checker.readers().set_encoding(args.common.input_encoding());
  FileResult result;
  checker.check_file(args.file, result);
  if (!result.opened) {
    std::cerr << "pes: " << result.error.in(zh) << '\n';
    return kExitUsage;
  }
  if (result.holds_no_form()) {
    std::cerr << "pes: " << no_forms_found(result.path).in(zh) << '\n';
    return kExitUsage;
  }
  if (!result.doc.parsed) {
    for (const Finding& f : result.file_findings) {
      std::cerr << finding_location(result.path, f) << ": " << f.message.in(zh) << '\n';
    }
    return kExitFindings;
  }
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
