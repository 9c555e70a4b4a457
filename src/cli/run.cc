#include "run.h"

#include <unistd.h>

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "pes/output_file.h"
#include "pes/output_guard.h"
#include "pes/pipeline.h"
#include "pes/text.h"
#include "pes/walk_filter.h"
#include "triage.h"

namespace pes::cli {
namespace {

// The progress line on standard error: files and forms done, forms per second, forms with
// errors so far (an accepted finding is no error: it never fails the run).
class Progress {
 public:
  Progress(bool on, std::size_t files, bool chinese) : on_(on), chinese_(chinese), files_(files) {}

  void result(const FileResult& r) {
    if (r.part == 0) ++files_done_;
    forms_ += r.doc.forms.size();
    for (const FormResult& f : r.forms) {
      for (const Finding& x : f.findings) {
        if (x.severity == Severity::Error && !x.is_accepted()) {
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
    const double rate = secs > 0 ? static_cast<double>(forms_) / secs : 0.0;
    std::cerr << (chinese_ ? fmt::format("\r\x1b[K文件 {}/{} · 自评表 {} 张 · 每秒 {:.0f} 张 · "
                                         "有错误的 {} 张",
                                         files_done_, files_, forms_, rate, error_forms_)
                           : fmt::format("\r\x1b[Kfiles {}/{} · forms {} · {:.0f} forms/s · "
                                         "forms with errors {}",
                                         files_done_, files_, forms_, rate, error_forms_))
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
  bool chinese_;
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
  std::size_t n = 0;
  for (const Severity s : {Severity::Notice, Severity::Warning, Severity::Error}) {
    if (s >= fail_on) n += r.count(s);
  }
  return n;
}

// Where an output goes, so that two outputs to one place are caught: "-" for standard output,
// else the file (by device and inode when it exists, else by its absolute name).
std::string place_of(const std::string& path) {
  struct stat out {};
  if (path.empty() || path == "-" || path == "/dev/stdout") return "-";
  const std::optional<FileId> id = file_id(path);
  if (id && ::fstat(STDOUT_FILENO, &out) == 0 &&
      FileId{static_cast<std::uint64_t>(out.st_dev), static_cast<std::uint64_t>(out.st_ino)} == *id &&
      !S_ISREG(out.st_mode)) {
    return "-";  // /dev/fd/1 and the like: the terminal or pipe standard output is
  }
  if (id) return fmt::format("{}:{}", id->device, id->inode);
  std::error_code ec;
  return std::filesystem::absolute(path, ec).lexically_normal().string();
}

// Whether writing to `path` replaces a file (a regular one, or one not there yet) rather than
// writing through a device or a FIFO.
bool replaces_a_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode);
}

// Refuses two reports to one place where one would be lost or both mixed: the same report
// twice (`--output json --output json`, `sarif:a.sarif` and `sarif:./a.sarif`), and two
// reports to one file (the second replaced the first). Different reports may share standard
// output, a device or a FIFO, written one after the other, as they always could; on standard
// output, what is for people then moves to standard error.
bool outputs_apart(const std::vector<OutputSpec>& outputs, bool zh) {
  std::vector<std::string> places;
  for (const OutputSpec& o : outputs) places.push_back(place_of(o.path));
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const ReporterInfo& a = *outputs[j].reporter;
      const ReporterInfo& b = *outputs[i].reporter;
      if (places[i] != places[j]) continue;
      const bool standard = places[i] == "-";
      const std::string where = output_name(outputs[i].path);
      if (a.name == b.name) {
        std::cerr << (zh ? fmt::format("pes：{} 报告两次写到{}；每种报告每个去处只写一次\n",
                                       a.name, standard ? "标准输出" : where)
                         : fmt::format("pes: the {} report is asked for twice to {}; give it "
                                       "one place\n",
                                       a.name, standard ? "standard output" : where));
        return false;
      }
      if (standard || !replaces_a_file(outputs[i].path)) continue;
      std::cerr << (zh ? fmt::format("pes：{} 与 {} 两种报告都写到 {}，只会留下一种；请各写到一个文件\n",
                                     a.name, b.name, where)
                       : fmt::format("pes: the {} and {} reports both go to {}, where only one "
                                     "would be left; give each its own file\n",
                                     a.name, b.name, where));
      return false;
    }
  }
  return true;
}

}  // namespace

int run_checks(const RunRequest& request, const CommonOptions& common) {
  Settings settings;
  if (!common.settings(settings)) return kExitUsage;
  ReportStyle style = common.style(::isatty(STDOUT_FILENO) != 0);
  style.quiet = request.quiet;
  const bool zh = style.chinese;
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY")) style.step_summary = summary;
  if (!outputs_apart(request.outputs, zh)) return kExitUsage;

  // What a walk passes over: --exclude (relative to here) and pes.toml's exclude (relative to
  // its folder).
  WalkFilter filter(settings.cwd());
  for (const std::string& glob : request.exclude) filter.exclude(glob, settings.cwd());
  if (const auto& config = settings.config()) {
    for (const std::string& glob : config->exclude) filter.exclude(glob, config->path.parent_path());
  }

  // No output may be an input, under any name; the walk skips this run's own tables.
  OutputGuard guard;
  guard.add("-");
  for (const OutputSpec& spec : request.outputs) guard.add(spec.path);
  InputWalk walk = walk_inputs(request.paths, &guard, &filter);
  const std::vector<Input>& inputs = walk.inputs;
  for (const auto* list : {&walk.skipped, &walk.clashes}) {
    for (const Message& m : *list) std::cerr << pes_prefix(zh) << m.in(zh) << '\n';
  }
  if (!walk.clashes.empty()) return kExitUsage;

  Triage triage;  // [[accept]] entries and the baseline
  if (!triage.open(request.baseline, settings, zh)) return kExitUsage;
  std::erase_if(walk.inputs, [&](const Input& in) { return triage.is_baseline(in.path); });

  // Outputs are checked and opened before any work, so a bad path fails fast and nothing is
  // half-written.
  for (const OutputSpec& spec : request.outputs) {
    const ReporterInfo& info = *spec.reporter;
    if (info.own_file && spec.path.empty()) {
      std::cerr << (zh ? fmt::format("pes：{0} 格式需要文件路径（--output {0}:PATH）\n", info.name)
                       : fmt::format("pes: {0} needs a file (--output {0}:PATH)\n", info.name));
      return kExitUsage;
    }
    if (!info.annotates) continue;
    if (inputs.size() != 1 || inputs[0].format != Format::Xlsx) {
      std::cerr << (zh ? "pes：标注只能用于一个 .xlsx 工作簿\n"
                       : "pes: annotating takes exactly one .xlsx workbook to check\n");
      return kExitUsage;
    }  // the guard above refuses an annotated copy written over the workbook
  }
  std::vector<std::unique_ptr<OutputFile>> files(request.outputs.size());
  bool stdout_taken = false;  // by a format for machines (--out -, --format json, …)
  for (std::size_t i = 0; i < request.outputs.size(); ++i) {
    const OutputSpec& spec = request.outputs[i];
    bool standard = spec.path.empty();
    if (!standard) {
      files[i] = std::make_unique<OutputFile>();
      Message error;
      if (!files[i]->open(spec.path, error)) {
        std::cerr << pes_prefix(zh) << error.in(zh) << '\n';
        return kExitUsage;
      }
      standard = files[i]->is_standard_output();
    }
    stdout_taken = stdout_taken || (standard && !spec.reporter->for_people);
  }
  // With a format for machines on standard output, what is for people goes to standard error.
  std::vector<std::unique_ptr<Reporter>> reporters;
  for (std::size_t i = 0; i < request.outputs.size(); ++i) {
    const ReporterInfo& info = *request.outputs[i].reporter;
    std::ostream* out = info.for_people && stdout_taken ? &std::cerr : &std::cout;
    std::string where = request.outputs[i].path;
    ReportStyle s = style;
    if (files[i] != nullptr && !files[i]->is_standard_output()) {
      out = &files[i]->stream();
      if (info.own_file) where = files[i]->file_path();
      s.color = false;
    } else if (files[i] != nullptr && info.own_file) {
      where = files[i]->file_path();
    }
    reporters.push_back(info.make(*out, s, where));
  }
  if (request.statistics) {
    reporters.push_back(
        find_reporter("statistics")->make(stdout_taken ? std::cerr : std::cout, style, ""));
  }

  RunConfig config;
  config.options = settings.for_path("").options;
  config.options_for = [&settings](std::string_view path) {
    return settings.for_path(path).options;
  };
  config.encoding = common.input_encoding();
  config.jobs = request.jobs;

  Progress progress(request.progress, inputs.size(), zh);
  Summary summary;
  summary.skipped = walk.skipped;
  bool unreadable = false;
  bool failed = false;
  std::vector<std::uint64_t> forms_of(request.paths.size(), 0);  // per path given
  std::vector<bool> trouble_of(request.paths.size(), false);     // something reported there
  std::vector<std::size_t> inputs_of(request.paths.size(), 0);
  for (const Input& in : inputs) ++inputs_of[in.arg];
  // A path that exists but holds no form fails the run: nothing checked is no pass. It is
  // reported as what cannot be read, saying so, in every report: a file given alone in its
  // place, a folder (or standard input read in parts) after everything.
  auto holds_no_form = [&](std::size_t arg) {
    const std::string& path = request.paths[arg];
    return forms_of[arg] == 0 && !trouble_of[arg] && (path == "-" || file_id(path));
  };
  auto report = [&](FileResult& result) {
    const bool problem = !result.opened || (request.problems_to_stderr && !result.file_findings.empty());
    if (problem) progress.clear();
    if (!result.opened) {
      unreadable = true;
      std::cerr << pes_prefix(zh) << result.error.in(zh) << '\n';
    } else if (request.problems_to_stderr) {
      for (const Finding& f : result.file_findings) {
        std::cerr << finding_line(result.path, f, zh) << '\n';
      }
    }
    failed = failed || (result.opened && failing(result, result.rules.fail_on) > 0);
    summary.add(result);
    for (auto& r : reporters) r->file(result);
  };
  run_pipeline(inputs, config, [&](FileResult& result) {
    triage.apply(result, summary);
    const std::size_t arg = inputs[result.input].arg;
    forms_of[arg] += result.doc.forms.size();
    if (result.opened && result.part == 0 && result.last_part && inputs_of[arg] == 1 &&
        result.file_findings.empty() && holds_no_form(arg)) {
      result.opened = false;
      result.error = no_forms_found(result.path);
    }
    trouble_of[arg] = trouble_of[arg] || !result.opened || !result.file_findings.empty();
    report(result);
    progress.result(result);
  });
  progress.clear();
  for (std::size_t i = 0; i < request.paths.size(); ++i) {
    if (!holds_no_form(i)) continue;
    const std::string& path = request.paths[i];
    FileResult empty;
    empty.clear(path == "-" ? "<stdin>" : display_path(path));
    empty.error = no_forms_found(empty.path);
    report(empty);
  }
  for (auto& r : reporters) r->finish(summary);
  std::cout.flush();
  for (std::size_t i = 0; i < reporters.size(); ++i) {
    if (const Message* error = reporters[i]->error()) {
      // One that writes a file of its own wrote a temporary file: name the output instead.
      const bool own_file = i < request.outputs.size() && request.outputs[i].reporter->own_file;
      const Message said = own_file ? error->about(request.outputs[i].path) : *error;
      std::cerr << pes_prefix(zh) << said.in(zh) << '\n';
      return kExitUsage;  // no output file is committed
    }
  }
  for (auto& file : files) {
    Message error;
    if (file != nullptr && !file->commit(error)) {
      std::cerr << pes_prefix(zh) << error.in(zh) << '\n';
      return kExitUsage;
    }
  }
  bool warned = false;
  if (!triage.finish(unreadable, warned)) return kExitUsage;
  if (warned && settings.for_path("").fail_on <= Severity::Warning) failed = true;
  if (unreadable) return kExitUsage;
  if (request.exit_zero) return kExitClean;
  if (const auto max = settings.max_warnings(); max && summary.warnings > *max) {
    std::cerr << (zh ? fmt::format("pes：{} 个警告，超过上限 {}\n", summary.warnings, *max)
                     : fmt::format("pes: {}, more than the maximum of {}\n",
                                   counted(summary.warnings, "warning"), *max));
    return kExitFindings;
  }
  return failed ? kExitFindings : kExitClean;
}

}  // namespace pes::cli
