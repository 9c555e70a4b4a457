// The batch pipeline: one thread cuts the inputs into units of work (a file, or a block of
// whole lines of a JSON Lines input), `jobs` threads check them, and the calling thread takes
// the results back strictly in order. At most `window` units are between being cut and being
// handed back, so memory stays flat however many forms pass through.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "line_cutter.h"
#include "pes/batch.h"
#include "pes/rules.h"
#include "pes/text.h"

namespace pes {
namespace {

struct Unit {
  std::size_t seq = 0;
  std::size_t input = 0;
  bool block = false;       // a block of a JSON Lines input, read by the cutting thread
  bool first = true;        // the input's first unit: counts the file once
  bool unreadable = false;  // then `error` says why
  Message error;
  std::string text;             // the block's lines
  std::uint32_t first_line = 1;  // the line the block starts on
  std::uint64_t first_form = 0;  // the number of the block's first form in its file
  // A block that cannot be read as lines (a NUL byte near the start, a line over the limit):
  // `failure` is reported at `failure_offset` of `text`.
  std::optional<Message> failure;
  std::uint64_t failure_offset = 0;
};

// The line a form starts on (a workbook's row for a place).
std::uint64_t line_of(const FileResult& r, std::uint64_t offset) {
  if (!r.doc.places.empty()) {
    return offset >= 1 && offset <= r.doc.places.size() ? r.doc.places[offset - 1].row : 1;
  }
  return (r.doc.decoded ? *r.doc.decoded : r.source).locate(offset).line;
}

class Pipeline {
 public:
  Pipeline(const std::vector<BatchInput>& inputs, const BatchConfig& config,
           const std::function<void(BatchChunk&)>& on_chunk)
      : inputs_(inputs),
        config_(config),
        on_chunk_(on_chunk),
        jobs_(std::max(1u, config.jobs)),
        window_(4 * static_cast<std::size_t>(jobs_) + 2) {}

  BatchSummary run() {
    std::thread cutter([this] { cut(); });
    std::vector<BatchSummary> sums(jobs_);
    std::vector<std::thread> workers;
    for (unsigned j = 0; j < jobs_; ++j) workers.emplace_back([this, &sums, j] { work(sums[j]); });
    consume();
    cutter.join();
    for (std::thread& t : workers) t.join();
    BatchSummary total;
    for (const BatchSummary& s : sums) total.merge(s);
    return total;
  }

 private:
  // --- cutting ---------------------------------------------------------------------------
  void push(Unit&& unit) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [this] { return in_flight_ < window_; });
    unit.seq = produced_++;
    ++in_flight_;
    queue_.push_back(std::move(unit));
    work_.notify_one();
  }

  void cut() {
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      if (inputs_[i].format == Format::JsonLines) {
        cut_lines(i);
      } else {
        Unit u;
        u.input = i;
        push(std::move(u));
      }
    }
    std::lock_guard lock(mutex_);
    cut_done_ = true;
    work_.notify_all();
    done_cv_.notify_all();
  }

  void unreadable(std::size_t input, bool first, const std::string& path, int e, bool open) {
    Unit u;
    u.input = input;
    u.first = first;
    u.unreadable = true;
    const char* why = std::strerror(e);
    u.error = {fmt::format("{}: cannot {}: {}", path, open ? "open" : "read", why),
               fmt::format("{}：无法{}：{}", path, open ? "打开" : "读取", why)};
    push(std::move(u));
  }

  // Reads a JSON Lines input and cuts it into blocks of whole lines (LineCutter).
  void cut_lines(std::size_t input) {
    const std::string& path = inputs_[input].path;
    const bool stdin_input = path == "-";
    const std::string shown = stdin_input ? "<stdin>" : display_path(path);
    int fd = STDIN_FILENO;
    if (!stdin_input) {
      fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
      struct stat st {};
      if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const int e = fd < 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        if (fd >= 0) ::close(fd);
        unreadable(input, true, shown, e, true);
        return;
      }
      const int flags = ::fcntl(fd, F_GETFL);
      if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    }
    LineCutter cutter(fd, config_.block_bytes);
    LineCutter::Block block;
    bool first = true;
    for (;;) {
      const LineCutter::Status status = cutter.next(block);
      if (status == LineCutter::Status::End) break;
      if (status == LineCutter::Status::ReadError) {
        unreadable(input, first, shown, cutter.errno_of_read(), false);
        break;
      }
      Unit u;
      u.input = input;
      u.block = true;
      u.first = first;
      u.first_line = block.first_line;
      u.first_form = block.first_form;
      u.text = std::move(block.text);
      u.failure = std::move(block.failure);
      u.failure_offset = block.failure_offset;
      push(std::move(u));
      first = false;
    }
    if (!stdin_input) ::close(fd);
  }

  // --- checking --------------------------------------------------------------------------
  void work(BatchSummary& summary) {
    Checker checker(config_.options);
    checker.readers().set_encoding(config_.encoding);
    FileResult result;
    for (;;) {
      Unit unit;
      {
        std::unique_lock lock(mutex_);
        work_.wait(lock, [this] { return !queue_.empty() || cut_done_; });
        if (queue_.empty()) return;
        unit = std::move(queue_.front());
        queue_.pop_front();
      }
      BatchChunk chunk;
      process(unit, checker, result, summary, chunk);
      std::lock_guard lock(mutex_);
      done_.emplace(unit.seq, std::move(chunk));
      done_cv_.notify_all();
    }
  }

  void process(const Unit& u, Checker& checker, FileResult& r, BatchSummary& summary,
               BatchChunk& chunk) {
    const BatchInput& in = inputs_[u.input];
    chunk.input = u.input;
    if (config_.options_for) checker.set_options(config_.options_for(in.path));
    if (!u.unreadable && u.block) {
      r.path = in.path == "-" ? "<stdin>" : display_path(in.path);
      r.opened = true;
      r.source.assign(r.path, u.text, u.first_line);
      if (u.failure) {
        r.doc.clear();
        r.doc.format = Format::JsonLines;
        r.doc.fail(u.failure_offset, u.failure->en, u.failure->zh);
        r.forms.clear();
        r.file_findings = r.doc.findings;
        for (Finding& f : r.file_findings) locate(r.source, r.doc, f);
      } else {
        checker.check_source(r, Format::JsonLines);
      }
    } else if (!u.unreadable) {
      checker.check_file(in.path, r);
    }
    if (u.unreadable || !r.opened) {
      ++summary.unreadable;
      chunk.unreadable = true;
      chunk.problems = "pes: " + (u.unreadable ? u.error : r.error).in(config_.chinese) + "\n";
      return;
    }
    if (u.first) ++summary.files;
    const std::string& file = r.path;
    const bool chinese = config_.chinese;
    auto report_file_finding = [&](const Finding& f) {
      summary.add_file_finding(f);
      chunk.errors += f.severity == Severity::Error ? 1 : 0;
      const std::optional<std::uint64_t> number =
          f.form == kWholeFile ? std::nullopt : std::optional<std::uint64_t>(u.first_form + f.form);
      if (config_.finding_rows) {
        append_finding_row(chunk.finding_rows, config_.finding_format, file, number, f, chinese);
      }
      chunk.problems += fmt::format("{}:{}:{}: {}[{}] {}\n", file, f.line, f.column,
                                    severity_name(f.severity), rule_info(f.rule).name,
                                    f.message.in(chinese));
    };

    std::size_t next_file_finding = 0;
    for (std::size_t i = 0; i < r.doc.forms.size(); ++i) {
      const Form& form = r.doc.forms[i];
      const FormResult& result = r.forms[i];
      while (next_file_finding < r.file_findings.size() &&
             r.file_findings[next_file_finding].offset < form.offset) {
        report_file_finding(r.file_findings[next_file_finding++]);
      }
      summary.add_form(form, result);
      ++chunk.forms;
      bool error = false;
      for (const Finding& f : result.findings) error = error || f.severity == Severity::Error;
      chunk.forms_with_errors += error ? 1 : 0;
      const std::uint64_t number = u.first_form + form.index;
      if (config_.form_rows) {
        append_form_row(chunk.form_rows, config_.form_format, file, number, line_of(r, form.offset),
                        form, result);
      }
      for (const Finding& f : result.findings) {
        chunk.errors += f.severity == Severity::Error ? 1 : 0;
        if (config_.finding_rows) {
          append_finding_row(chunk.finding_rows, config_.finding_format, file, number, f, chinese);
        }
      }
    }
    while (next_file_finding < r.file_findings.size()) {
      report_file_finding(r.file_findings[next_file_finding++]);
    }
  }

  // --- handing back in order -------------------------------------------------------------
  void consume() {
    for (std::size_t next = 0;; ++next) {
      BatchChunk chunk;
      {
        std::unique_lock lock(mutex_);
        done_cv_.wait(lock, [&] { return done_.count(next) > 0 || (cut_done_ && next == produced_); });
        const auto it = done_.find(next);
        if (it == done_.end()) return;
        chunk = std::move(it->second);
        done_.erase(it);
      }
      on_chunk_(chunk);
      std::lock_guard lock(mutex_);
      --in_flight_;
      space_.notify_one();
    }
  }

  const std::vector<BatchInput>& inputs_;
  const BatchConfig& config_;
  const std::function<void(BatchChunk&)>& on_chunk_;
  const unsigned jobs_;
  const std::size_t window_;

  std::mutex mutex_;
  std::condition_variable space_;    // a unit may be cut
  std::condition_variable work_;     // a unit waits to be checked
  std::condition_variable done_cv_;  // a chunk is ready
  std::deque<Unit> queue_;
  std::map<std::size_t, BatchChunk> done_;
  std::size_t produced_ = 0;
  std::size_t in_flight_ = 0;
  bool cut_done_ = false;
};

}  // namespace

BatchSummary run_batch(const std::vector<BatchInput>& inputs, const BatchConfig& config,
                       const std::function<void(BatchChunk&)>& on_chunk) {
  Pipeline pipeline(inputs, config, on_chunk);
  return pipeline.run();
}

}  // namespace pes
