#include "triage.h"

#include <algorithm>
#include <iostream>
#include <vector>

#include <fmt/format.h>

#include "commands.h"
#include "pes/output_file.h"

namespace pes::cli {

void BaselineOptions::add_to(CLI::App& app) {
  app.add_option("--baseline", baseline,
                 "FILE: report only findings not in this baseline, and list its entries that no "
                 "longer occur (default: pes.toml's baseline) / 只报告基线之外的问题")
      ->allow_extra_args(false);
  CLI::Option* write =
      app.add_option("--write-baseline", write_baseline,
                     "FILE: record today's findings there as the baseline; they are not reported "
                     "and do not fail the run / 将当前问题记为基线");
  write->allow_extra_args(false)->excludes("--baseline");
}

bool Triage::open(const BaselineOptions& options, const Settings& settings, bool zh) {
  zh_ = zh;
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  accepts_ = AcceptList(settings.config(), cwd);
  if (settings.config()) config_path_ = settings.config()->path;
  recording_ = !options.write_baseline.empty();
  if (recording_) {
    baseline_path_ = options.write_baseline;
  } else if (!options.baseline.empty()) {
    baseline_path_ = options.baseline;
  } else if (settings.config() && settings.config()->baseline) {
    baseline_path_ = (settings.config()->path.parent_path() / *settings.config()->baseline).string();
  } else {
    return true;
  }
  baseline_.emplace(baseline_path_, cwd);
  if (recording_) return true;
  Message error;
  if (!baseline_->load(error)) {
    std::cerr << pes_prefix(zh_) << error.in(zh_) << '\n';
    return false;
  }
  return true;
}

bool Triage::is_baseline(const std::string& path) const {
  return baseline_ && path != "-" && same_file(path, baseline_path_);
}

void Triage::apply(FileResult& result, Summary& summary) {
  accepts_.mark(result);
  if (!baseline_) return;
  if (!recording_) {
    summary.baselined += baseline_->filter(result);
    return;
  }
  // Recording: every finding but the accepted ones goes into the baseline, none is reported.
  baseline_->record(result);
  auto drop = [&summary](std::vector<Finding>& findings) {
    const std::size_t before = findings.size();
    std::erase_if(findings, [](const Finding& f) { return !f.is_accepted(); });
    summary.baselined += before - findings.size();
  };
  drop(result.file_findings);
  for (FormResult& form : result.forms) drop(form.findings);
}

bool Triage::finish(bool trouble, bool& warned) {
  const bool zh = zh_;
  if (baseline_ && recording_ && trouble) {
    const std::string name = baseline_->path().string();
    std::cerr << (zh ? fmt::format("pes：有输入无法读取，未写入基线 {}\n", name)
                     : fmt::format("pes: an input could not be read; the baseline {} is not "
                                   "written\n",
                                   name));
  } else if (baseline_ && recording_) {
    Message error;
    if (!baseline_->write(error)) {
      std::cerr << pes_prefix(zh) << error.in(zh) << '\n';
      return false;
    }
    const std::uint64_t n = baseline_->recorded();
    const std::string name = baseline_->path().string();
    std::cerr << (zh ? fmt::format("pes：已将 {} 条问题记入基线 {}\n", n, name)
                     : fmt::format("pes: recorded {} finding{} in the baseline {}\n", n,
                                   n == 1 ? "" : "s", name));
  } else if (baseline_) {
    const std::vector<BaselineEntry> gone = baseline_->gone();
    if (!gone.empty()) {
      std::uint64_t n = 0;
      for (const BaselineEntry& e : gone) n += e.count;
      const std::string name = baseline_->path().string();
      std::cerr << (zh ? fmt::format(
                             "pes：基线 {} 中有 {} 条问题已不再出现（用 --write-baseline {} "
                             "重写基线即可删去）：\n",
                             name, n, name)
                       : fmt::format("pes: {} finding{} in the baseline {} no longer occur{} "
                                     "(rewrite it with --write-baseline {} to drop them):\n",
                                     n, n == 1 ? "" : "s", name, n == 1 ? "s" : "", name));
      for (const BaselineEntry& e : gone) std::cerr << "  " << Baseline::describe(e) << '\n';
    }
  }
  for (const Accept* a : accepts_.unused()) {
    warned = true;
    const std::string where = fmt::format("{}:{}:{}", config_path_.string(), a->line, a->column);
    std::cerr << (zh ? fmt::format("pes：警告：{}：[[accept]]（规则 {}）没有覆盖任何问题；请删去\n",
                                   where, a->rule)
                     : fmt::format("pes: warning: {}: [[accept]] for {} covers no finding; "
                                   "remove it\n",
                                   where, a->rule));
  }
  return true;
}

}  // namespace pes::cli
