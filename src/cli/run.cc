#include "run.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "pes/output_file.h"
#include "pes/pipeline.h"
#include "triage.h"

namespace pes::cli {
namespace {

// The progress line on standard error: files and forms done, forms per second, errors so far.
class Progress {
 public:
  Progress(bool on, std::size_t files) : on_(on), files_(files) {}

  void result(const FileResult& r) {
    if (r.part == 0) ++files_done_;
    forms_ += r.doc.forms.size();
    for (const FormResult& f : r.forms) {
      for (const Finding& x : f.findings) {
        if (x.severity == Severity::Error) {
          ++error_forms_;
          break;
        }
      }
    }
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - shown_ < std::chrono::milliseconds(200)) return;
    shown_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    std::cerr << fmt::format("\r\x1b[Kfiles {}/{} · forms {} · {:.0f} forms/s · forms with errors {}",
                             files_done_, files_, forms_,
                             secs > 0 ? static_cast<double>(forms_) / secs : 0.0, error_forms_)
              << std::flush;
    visible_ = true;
  }
  // Clears the line before other text goes to standard error.
  void clear() {
    if (visible_) std::cerr << "\r\x1b[K" << std::flush;
    visible_ = false;
  }

 private:
  bool on_;
  std::size_t files_;
  std::size_t files_done_ = 0;
  std::uint64_t forms_ = 0;
  std::uint64_t error_forms_ = 0;
  bool visible_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point shown_{};
};

// How many findings of a file fail the run under its settings.
std::size_t failing(const FileResult& r, Severity fail_on) {
  std::size_t n = r.count(Severity::Error);
  if (fail_on == Severity::Warning) n += r.count(Severity::Warning);
  return n;
}

}  // namespace

int run_checks(const RunRequest& request, const CommonOptions& common) {
  Settings settings;
  if (!common.settings(settings)) return kExitUsage;
  ReportStyle style = common.style(::isatty(STDOUT_FILENO) != 0);
  const bool zh = style.chinese;
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY")) style.step_summary = summary;

  std::vector<Input> inputs;
  std::vector<Message> errors;
  if (request.walk) {
    inputs = expand_inputs(request.paths, errors);
  } else {
    for (const std::string& path : request.paths) {
      inputs.push_back({path, format_for_path(path), path == "-"});
    }
  }
  for (const Message& m : errors) std::cerr << "pes: " << m.in(zh) << '\n';

  Triage triage;  // [[accept]] entries and the baseline
  if (!triage.open(request.baseline, settings, zh)) return kExitUsage;
  std::erase_if(inputs, [&](const Input& in) { return triage.is_baseline(in.path); });

  // Files are opened before any work, so a bad path fails fast and nothing is half-written.
  std::vector<std::unique_ptr<OutputFile>> files;
  std::vector<std::unique_ptr<Reporter>> reporters;
  bool machine_on_stdout = false;
  for (const OutputSpec& spec : request.outputs) {
    const ReporterInfo& info = *spec.reporter;
    if (info.own_file && spec.path.empty()) {
      std::cerr << (zh ? fmt::format("pes：{0} 格式需要文件路径（--output {0}:PATH）\n", info.name)
                       : fmt::format("pes: {0} needs a file (--output {0}:PATH)\n", info.name));
      return kExitUsage;
    }
    if (info.annotates) {
      if (inputs.size() != 1 || inputs[0].format != Format::Xlsx) {
        std::cerr << (zh ? "pes：标注只能用于一个 .xlsx 工作簿\n"
                         : "pes: annotating takes exactly one .xlsx workbook to check\n");
        return kExitUsage;
      }
      if (same_file(inputs[0].path, spec.path)) {
        std::cerr << (zh ? fmt::format("pes：{}：不会覆盖被检查的工作簿\n", spec.path)
                         : fmt::format("pes: {}: will not write over the workbook checked\n",
                                       spec.path));
        return kExitUsage;
      }
    }
    std::ostream* out = &std::cout;
    std::string where = spec.path;
    ReportStyle s = style;
    if (!spec.path.empty()) {
      auto file = std::make_unique<OutputFile>();
      Message error;
      if (!file->open(spec.path, error)) {
        std::cerr << "pes: " << error.in(zh) << '\n';
        return kExitUsage;
      }
      out = &file->stream();
      if (info.own_file) where = file->temp_path();
      files.push_back(std::move(file));
      s.color = false;
    } else if (info.name != "text" && info.name != "summary") {
      machine_on_stdout = true;
    }
    reporters.push_back(info.make(*out, s, where));
  }
  if (request.statistics) {
    reporters.push_back(find_reporter("statistics")->make(
        machine_on_stdout ? std::cerr : std::cout, style, ""));
  }

  RunConfig config;
  config.options = settings.for_path("").options;
  config.options_for = [&settings](std::string_view path) {
    return settings.for_path(path).options;
  };
  config.encoding = common.input_encoding();
  config.jobs = request.jobs;

  Progress progress(request.progress, inputs.size());
  Summary summary;
  bool unreadable = false;
  bool failed = false;
  run_pipeline(inputs, config, [&](FileResult& result) {
    triage.apply(result, summary);
    const bool problem = !result.opened || (request.problems_to_stderr && !result.file_findings.empty());
    if (problem) progress.clear();
    if (!result.opened) {
      unreadable = true;
      std::cerr << "pes: " << result.error.in(zh) << '\n';
    } else if (request.problems_to_stderr) {
      for (const Finding& f : result.file_findings) {
        std::cerr << finding_line(result.path, f, zh) << '\n';
      }
    }
    failed = failed || failing(result, settings.for_path(result.path).fail_on) > 0;
    summary.add(result);
    for (auto& r : reporters) r->file(result);
    progress.result(result);
  });
  progress.clear();
  for (auto& r : reporters) r->finish(summary);
  std::cout.flush();
  for (auto& r : reporters) {
    if (const Message* error = r->error()) {
      std::cerr << "pes: " << error->in(zh) << '\n';
      return kExitUsage;  // no output file is committed
    }
  }
  for (auto& file : files) {
    Message error;
    if (!file->commit(error)) {
      std::cerr << "pes: " << error.in(zh) << '\n';
      return kExitUsage;
    }
  }
  bool warned = false;
  if (!triage.finish(unreadable || !errors.empty(), warned)) return kExitUsage;
  if (warned && settings.for_path("").fail_on == Severity::Warning) failed = true;
  if (unreadable || !errors.empty()) return kExitUsage;
  if (request.exit_zero) return kExitClean;
  if (const auto max = settings.max_warnings(); max && summary.warnings > *max) {
    std::cerr << (zh ? fmt::format("pes：{} 个警告，超过上限 {}\n", summary.warnings, *max)
                     : fmt::format("pes: {} warnings, more than the maximum of {}\n",
                                   summary.warnings, *max));
    return kExitFindings;
  }
  return failed ? kExitFindings : kExitClean;
}

}  // namespace pes::cli
