// The batch pipeline: one thread cuts the inputs into units of work (a file, or a block of
// whole lines of a JSON Lines input), `jobs` threads check them, and the calling thread takes
// the results back strictly in order. At most `window` units are between being cut and being
// handed back, so memory stays flat however many forms pass through.
//
// Threads are woken in batches, not once per unit: the calling thread sleeps until `batch`
// results are ready in order (or nothing more is queued), then hands them all back; the
// cutting thread, once the window is full, sleeps until a batch of units fits again. The
// buffers a result is rendered into go back to the workers for the next unit.
#include "pes/batch.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "pes/rules.h"

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
};

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

// Lines and non-blank lines of a block of whole lines.
void count_lines(std::string_view text, std::uint32_t& lines, std::uint64_t& forms) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t end =
        nl == nullptr ? text.size() : static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
    forms += is_blank(text.substr(pos, end - pos)) ? 0 : 1;
    lines += nl == nullptr ? 0 : 1;
    pos = end + 1;
  }
}

std::uint32_t newlines(const char* begin, const char* end) {
  std::uint32_t n = 0;
  for (const char* p = begin; p < end; ++p) n += *p == '\n' ? 1 : 0;  // vectorized
  return n;
}

class Pipeline {
 public:
  Pipeline(const std::vector<BatchInput>& inputs, const BatchConfig& config,
           const std::function<void(BatchChunk&)>& on_chunk)
      : inputs_(inputs),
        config_(config),
        on_chunk_(on_chunk),
        jobs_(std::max(1u, config.jobs)),
        window_(4 * static_cast<std::size_t>(jobs_) + 2),
        batch_(window_ / 2) {}

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
    if (in_flight_ >= window_) {  // then wait until a whole batch fits, not for each free place
      cutter_waiting_ = true;
      space_.wait(lock, [this] { return in_flight_ + batch_ <= window_; });
      cutter_waiting_ = false;
    }
    unit.seq = produced_++;
    ++in_flight_;
    queue_.push_back(std::move(unit));
    if (idle_workers_ > 0) work_.notify_one();
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

  // Reads a JSON Lines input and cuts it into blocks of whole lines.
  void cut_lines(std::size_t input) {
    const std::string& path = inputs_[input].path;
    const bool stdin_input = path == "-";
    const std::string shown = stdin_input ? "<stdin>" : path;
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
    std::string buffer;
    std::uint32_t line = 1;
    std::uint64_t form = 0;
    bool first = true;
    bool eof = false;
    std::vector<char> chunk(1 << 16);
    std::size_t want = config_.block_bytes;
    while (!eof) {
      // Fill the buffer to a block, then cut after its last newline.
      while (!eof && buffer.size() < want) {
        const ssize_t n = ::read(fd, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
          const int e = errno;
          if (!stdin_input) ::close(fd);
          unreadable(input, first, shown, e, false);
          return;
        }
        buffer.append(chunk.data(), static_cast<std::size_t>(n));
        eof = n == 0;
      }
      std::string rest;
      if (!eof) {
        const auto nl = buffer.rfind('\n');
        if (nl == std::string::npos) {  // a line longer than a block: read on
          want = buffer.size() + config_.block_bytes;
          continue;
        }
        want = config_.block_bytes;
        rest.assign(buffer, nl + 1);
        buffer.resize(nl + 1);
      }
      if (buffer.empty() && !first) break;
      Unit u;
      u.input = input;
      u.block = true;
      u.first = first;
      u.first_line = line;
      u.first_form = form;
      count_lines(buffer, line, form);
      u.text = std::move(buffer);
      push(std::move(u));
      first = false;
      buffer = std::move(rest);
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
      BatchChunk chunk;
      {
        std::unique_lock lock(mutex_);
        ++idle_workers_;
        work_.wait(lock, [this] { return !queue_.empty() || cut_done_; });
        --idle_workers_;
        if (queue_.empty()) return;
        unit = std::move(queue_.front());
        queue_.pop_front();
        if (!spare_.empty()) {  // rendered into the buffers of a chunk already handed back
          chunk = std::move(spare_.back());
          spare_.pop_back();
        }
      }
      process(unit, checker, result, summary, chunk);
      std::lock_guard lock(mutex_);
      done_.emplace(unit.seq, std::move(chunk));
      if (consumer_waiting_ && ready_to_hand_back()) done_cv_.notify_one();
    }
  }

  void process(const Unit& u, Checker& checker, FileResult& r, BatchSummary& summary,
               BatchChunk& chunk) {
    const BatchInput& in = inputs_[u.input];
    reset(chunk);
    chunk.input = u.input;
    if (config_.options_for) checker.set_options(config_.options_for(in.path));
    if (!u.unreadable && u.block) {
      r.path = in.path == "-" ? "<stdin>" : in.path;
      r.opened = true;
      r.source.assign(r.path, u.text, u.first_line);
      checker.check_source(r, Format::JsonLines);
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

    const std::string_view text = r.source.text();
    std::uint32_t line = u.first_line;
    std::uint64_t counted = 0;  // newlines counted up to here
    std::size_t next_file_finding = 0;
    for (std::size_t i = 0; i < r.doc.forms.size(); ++i) {
      const Form& form = r.doc.forms[i];
      const FormResult& result = r.forms[i];
      while (next_file_finding < r.file_findings.size() &&
             r.file_findings[next_file_finding].offset < form.offset) {
        report_file_finding(r.file_findings[next_file_finding++]);
      }
      const std::uint64_t at = std::min<std::uint64_t>(form.offset, text.size());
      if (config_.form_rows && at > counted) {  // the line is only needed for the row
        line += newlines(text.data() + counted, text.data() + at);
        counted = at;
      }
      summary.add_form(form, result);
      ++chunk.forms;
      bool error = false;
      for (const Finding& f : result.findings) error = error || f.severity == Severity::Error;
      chunk.forms_with_errors += error ? 1 : 0;
      const std::uint64_t number = u.first_form + form.index;
      if (config_.form_rows) {
        append_form_row(chunk.form_rows, config_.form_format, file, number, line, form, result);
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
  // Empties a chunk for reuse, keeping the capacity of its buffers.
  static void reset(BatchChunk& c) {
    c.input = 0;
    c.unreadable = false;
    c.forms = 0;
    c.forms_with_errors = 0;
    c.errors = 0;
    c.form_rows.clear();
    c.finding_rows.clear();
    c.problems.clear();
  }

  // Whether the calling thread has work worth waking for (mutex_ held): the next result and a
  // batch after it, or the next result and nothing queued behind it (the other units are being
  // checked, or there are none), or the end.
  bool ready_to_hand_back() const {
    if (cut_done_ && next_ == produced_) return true;
    auto it = done_.find(next_);
    if (it == done_.end()) return false;
    if (queue_.empty() || cut_done_) return true;
    std::size_t run = 0;
    for (std::size_t seq = next_; it != done_.end() && it->first == seq && run < batch_;
         ++it, ++seq) {
      ++run;
    }
    return run >= batch_;
  }

  void consume() {
    std::vector<BatchChunk> ready;
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        consumer_waiting_ = true;
        done_cv_.wait(lock, [this] { return ready_to_hand_back(); });
        consumer_waiting_ = false;
        for (auto it = done_.find(next_); it != done_.end() && it->first == next_;
             it = done_.erase(it), ++next_) {
          ready.push_back(std::move(it->second));
        }
        if (ready.empty()) return;  // cut_done_ and every unit handed back
      }
      for (BatchChunk& chunk : ready) on_chunk_(chunk);
      std::lock_guard lock(mutex_);
      in_flight_ -= ready.size();
      for (BatchChunk& chunk : ready) {
        if (spare_.size() < jobs_) spare_.push_back(std::move(chunk));  // one per worker
      }
      ready.clear();
      if (cutter_waiting_ && in_flight_ + batch_ <= window_) space_.notify_one();
    }
  }

  const std::vector<BatchInput>& inputs_;
  const BatchConfig& config_;
  const std::function<void(BatchChunk&)>& on_chunk_;
  const unsigned jobs_;
  const std::size_t window_;
  const std::size_t batch_;  // units handed back, or cut, per wake-up

  std::mutex mutex_;
  std::condition_variable space_;    // a unit may be cut
  std::condition_variable work_;     // a unit waits to be checked
  std::condition_variable done_cv_;  // a chunk is ready
  std::deque<Unit> queue_;
  std::map<std::size_t, BatchChunk> done_;
  std::vector<BatchChunk> spare_;  // handed back, buffers kept for the next units
  std::size_t produced_ = 0;
  std::size_t next_ = 0;  // the next unit to hand back
  std::size_t in_flight_ = 0;
  unsigned idle_workers_ = 0;
  bool cutter_waiting_ = false;
  bool consumer_waiting_ = false;
  bool cut_done_ = false;
};

}  // namespace

BatchSummary run_batch(const std::vector<BatchInput>& inputs, const BatchConfig& config,
                       const std::function<void(BatchChunk&)>& on_chunk) {
#ifdef __GLIBC__
  // Blocks and buffers of a megabyte or so are allocated by one thread and freed by another,
  // over and over. By default glibc maps such sizes afresh or trims them off the heap when
  // freed, and every page is faulted in again for the next block (98,000 faults for a million
  // forms of JSON Lines, 10% of the CPU). Kept in the heap, they are reused; memory still
  // stays flat, as the window bounds what is allocated at once.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
  Pipeline pipeline(inputs, config, on_chunk);
  return pipeline.run();
}

}  // namespace pes
