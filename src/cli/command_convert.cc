// pes convert IN OUT: moves forms between formats (pes/1 JSON, CSV) without losing a digit.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <memory>
#include <optional>

#include "commands.h"
#include "pes/checker.h"
#include "pes/output_file.h"
#include "pes/output_guard.h"
#include "pes/readers.h"
#include "pes/report.h"
#include "pes/writers.h"

namespace pes::cli {
namespace {

struct ConvertArgs {
  std::string input;
  std::string output;
  std::string to;                      // csv | json | "" (from OUT's extension)
  std::string encoding = "utf-8";      // of CSV written
  std::string from_encoding = "auto";  // of CSV read
  CommonOptions common;
};

int usage_error(const std::string& en, const std::string& zh, bool chinese) {
  std::cerr << (chinese ? "pes convert：" : "pes convert: ") << (chinese ? zh : en) << '\n';
  return kExitUsage;
}

int run_convert(const ConvertArgs& args) {
  const bool zh = args.common.chinese();
  TextEncoding out_encoding = TextEncoding::Utf8;
  TextEncoding in_encoding = TextEncoding::Auto;
  parse_text_encoding(args.encoding, out_encoding);
  parse_text_encoding(args.from_encoding, in_encoding);
  if (out_encoding == TextEncoding::Auto) out_encoding = TextEncoding::Utf8;

  std::optional<Format> out_format;
  if (!args.to.empty()) {
    out_format = find_format(args.to)->id;
  } else if (args.output != "-") {
    const FormatInfo* f = format_of_extension(args.output);
    if (f == nullptr || !f->writable) {
      const std::string exts = format_extensions(FormatFilter::Writable);
      const std::string exts_zh = format_extensions(FormatFilter::Writable, "、");
      const std::string names = fmt::format("{}", fmt::join(format_names(FormatFilter::Writable), "|"));
      return usage_error(
          fmt::format("cannot tell the format to write from “{}”; end it in one of {}, or name "
                      "the format with --to {}",
                      args.output, exts, names),
          fmt::format("无法从“{}”判断输出格式；请使用 {} 之一的扩展名，或用 --to {} 指定",
                      args.output, exts_zh, names),
          zh);
    }
    out_format = format_for_path(args.output);
  }
  OutputGuard guard;
  guard.add(args.output);
  if (Message error; !guard.check(args.input, error)) return usage_error(error.en, error.zh, zh);
  if (args.input != "-" && args.input == args.output) {
    const Message error = overwrite_refusal(args.output, args.input);
    return usage_error(error.en, error.zh, zh);
  }

  Source source;
  std::string en;
  std::string zh_error;
  const bool binary = args.input != "-" && format_info(format_for_path(args.input)).binary;
  if (!source.load(args.input, en, zh_error, binary)) return usage_error(en, zh_error, zh);
  const Format in_format = format_of_file(args.input, source.text());
  if (!out_format) out_format = in_format == Format::Csv ? Format::Json : Format::Csv;
  if (*out_format == Format::Json && out_encoding != TextEncoding::Utf8) {
    return usage_error("JSON is always written as UTF-8; --encoding applies to CSV only",
                       "JSON 总是以 UTF-8 写出；--encoding 只适用于 CSV", zh);
  }

  Settings settings;
  if (!args.common.settings(settings)) return kExitUsage;
  Readers readers;
  readers.set_encoding(in_encoding);
  readers.set_templates(settings.templates());
  Document doc;
  readers.read(source, in_format, doc);
  if (!doc.unreadable.en.empty()) {
    const Message error = doc.unreadable.about(source.path());
    return usage_error(error.en, error.zh, zh);
  }
  // Notices the reader gives (a layout-repair: what it had to assume) are shown; a value it
  // could not read would be lost on the way, so then nothing is written.
  bool lossy = false;
  for (Finding f : doc.findings) {
    locate(source, doc, f);
    lossy = lossy || f.severity == Severity::Error;
    std::cerr << finding_line(source.path(), f, zh);
    if (!f.pointer.empty() && !f.in_cell) std::cerr << fmt::format(" ({})", f.pointer);
    std::cerr << '\n';
  }
  if (lossy) {
    std::cerr << (zh ? "pes convert：输入有误，未写出任何内容\n"
                     : "pes convert: nothing written: the input has errors\n");
    return kExitFindings;
  }
  if (doc.parsed && doc.forms.empty() && doc.findings.empty()) {
    const Message error = no_forms_found(source.path());
    return usage_error(error.en, error.zh, zh);
  }

  std::string bytes;
  Message error;
  if (!write_forms(doc.forms, *out_format, out_encoding, bytes, error)) {
    // What the forms hold cannot be written in that format: the input's trouble, not the call's.
    std::cerr << (zh ? "pes convert：" : "pes convert: ") << error.in(zh) << '\n';
    return kExitFindings;
  }
  if (!write_file_atomically(args.output, bytes, error)) return usage_error(error.en, error.zh, zh);
  return kExitClean;
}

CLI::Validator encoding_validator(bool allow_auto) {
  return CLI::Validator(
      [allow_auto](std::string& value) -> std::string {
        TextEncoding e{};
        if (!parse_text_encoding(value, e) || (!allow_auto && e == TextEncoding::Auto)) {
          return value + (allow_auto ? " not in {auto,utf-8,gbk}" : " not in {utf-8,gbk}");
        }
        return {};
      },
      allow_auto ? "auto|utf-8|gbk" : "utf-8|gbk");
}

}  // namespace

CLI::Validator text_encoding_validator() { return encoding_validator(true); }

Command add_convert(CLI::App& app) {
  auto args = std::make_shared<ConvertArgs>();
  CLI::App* sub = app.add_subcommand(
      "convert",
      "Convert forms to pes/1 JSON or CSV from any format pes reads / 将自评表转换为 pes/1 JSON 或 CSV");
  sub->add_option("input", args->input,
                  fmt::format("{}; - reads standard input / 输入文件",
                              describe_formats(FormatFilter::All, false)))
      ->type_name("FILE")
      ->required();
  sub->add_option("output", args->output,
                  "the file to write (its extension names the format); - writes standard output "
                  "/ 输出文件")
      ->type_name("OUT")
      ->required();
  sub->add_option("--to", args->to,
                  fmt::format("format to write: {} (default: from OUT's extension; for -, JSON "
                              "from CSV and CSV from the rest) / 输出格式",
                              fmt::join(format_names(FormatFilter::Writable), ", ")))
      ->check(CLI::IsMember(format_names(FormatFilter::Writable)));
  sub->add_option(
         "--encoding", args->encoding,
         "encoding of CSV written: utf-8 (with a byte-order mark) or gbk / 输出 CSV 的编码")
      ->check(encoding_validator(false))
      ->capture_default_str();
  sub->add_option("--from-encoding", args->from_encoding,
                  "encoding of CSV or printed-table text read: auto, utf-8 or gbk / "
                  "输入 CSV 或表格文本的编码")
      ->check(encoding_validator(true))
      ->capture_default_str();
  sub->add_option("--lang", args->common.lang, "Language of messages: zh or en / 输出语言")
      ->check(CLI::IsMember({"zh", "en"}));
  sub->add_option("--config", args->common.config,
                  "Settings file, for its templates (default: the nearest pes.toml) / 配置文件");
  add_template_option(*sub, args->common.template_name);
  sub->footer(
      "JSON → CSV → JSON gives back the same forms, every number with the digits it was written "
      "with. The output is written to a temporary file beside OUT and renamed into place.\n"
      "Exit status: 0 written, 1 the input has errors or holds what the format cannot write "
      "(nothing written), 2 bad arguments or I/O trouble.");
  return {sub, [args] { return run_convert(*args); }};
}

}  // namespace pes::cli
