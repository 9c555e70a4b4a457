// The pipeline: one thread cuts the inputs into units of work (a file, or a part of whole lines
// of a JSON Lines input), `jobs` threads check them, and the calling thread takes the results
// back strictly in order. At most `window` units are between being cut and being handed back.
//
// Threads are woken in batches, not once per unit: the calling thread sleeps until `batch`
// results are ready in order (or nothing more is queued), then hands them all back; the
// cutting thread, once the window is full, sleeps until a batch of units fits again. Results go
// back to a free list, so the workers reuse their buffers.
#include "pes/pipeline.h"

#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "pes/text_encoding.h"

namespace pes {
namespace {

struct Unit {
  std::size_t seq = 0;
  std::size_t input = 0;
  std::uint32_t part = 0;
  bool last_part = true;
  bool preloaded = false;  // `text` holds the input (a part of a JSON Lines input, stdin)
  Format format = Format::Json;
  bool unreadable = false;  // then `error` says why
  Message error;
  std::string text;
  std::uint32_t first_line = 1;  // the line the text starts on
  std::uint64_t first_form = 0;  // the number of the text's first form in its file
};

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

// Lines and non-blank lines of a part of whole lines.
void count_lines(std::string_view text, std::uint32_t& lines, std::uint64_t& forms) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t end = nl == nullptr ? text.size()
                                          : static_cast<std::size_t>(
                                                static_cast<const char*>(nl) - text.data());
    forms += is_blank(text.substr(pos, end - pos)) ? 0 : 1;
    lines += nl == nullptr ? 0 : 1;
    pos = end + 1;
  }
}

Message cannot(const std::string& path, bool open, int e) {
  const char* why = std::strerror(e);
  return {fmt::format("{}: cannot {}: {}", path, open ? "open" : "read", why),
          fmt::format("{}：无法{}：{}", path, open ? "打开" : "读取", why)};
}

class Pipeline {
 public:
  Pipeline(const std::vector<Input>& inputs, const RunConfig& config,
           const std::function<void(FileResult&)>& on_result)
      : inputs_(inputs),
        config_(config),
        on_result_(on_result),
        jobs_(std::max(1u, config.jobs)),
        window_(4 * static_cast<std::size_t>(jobs_) + 2),
        batch_(window_ / 2) {}

  void run() {
    std::thread cutter([this] { cut(); });
    std::vector<std::thread> workers;
    for (unsigned j = 0; j < jobs_; ++j) workers.emplace_back([this] { work(); });
    consume();
    cutter.join();
    for (std::thread& t : workers) t.join();
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
      const Input& in = inputs_[i];
      if (in.sniff || in.format == Format::JsonLines) {
        cut_stream(i);
      } else {
        Unit u;
        u.input = i;
        u.format = in.format;
        push(std::move(u));
      }
    }
    std::lock_guard lock(mutex_);
    cut_done_ = true;
    work_.notify_all();
    done_cv_.notify_all();
  }

  void unreadable(std::size_t input, std::uint32_t part, const std::string& path, int e,
                  bool open) {
    Unit u;
    u.input = input;
    u.part = part;
    u.unreadable = true;
    u.error = cannot(path, open, e);
    push(std::move(u));
  }

  // Reads a JSON Lines input, or standard input, and cuts it into parts of whole lines.
  // Standard input that is not JSON Lines (a JSON document, CSV) is read whole as one part.
  void cut_stream(std::size_t input) {
    const Input& in = inputs_[input];
    const bool stdin_input = in.path == "-";
    const std::string shown = stdin_input ? "<stdin>" : in.path;
    int fd = STDIN_FILENO;
    if (!stdin_input) {
      fd = ::open(in.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
      struct stat st {};
      if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const int e = fd < 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        if (fd >= 0) ::close(fd);
        unreadable(input, 0, shown, e, true);
        return;
      }
      const int flags = ::fcntl(fd, F_GETFL);
      if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    }
    Format format = in.format;
    std::string buffer;
    std::uint32_t line = 1;
    std::uint64_t form = 0;
    std::uint32_t part = 0;
    bool eof = false;
    bool sniffed = !in.sniff;
    std::vector<char> chunk(1 << 16);
    std::size_t want = config_.block_bytes;
    std::optional<Unit> pending;  // pushed once it is known whether another part follows
    auto fail = [&](int e) {
      if (!stdin_input) ::close(fd);
      if (pending) {
        pending->last_part = false;
        push(std::move(*pending));
      }
      unreadable(input, part, shown, e, false);
    };
    while (!eof) {
      // Fill the buffer to a part, then cut after its last newline.
      while (!eof && buffer.size() < want) {
        const ssize_t n = ::read(fd, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
          fail(errno);
          return;
        }
        buffer.append(chunk.data(), static_cast<std::size_t>(n));
        eof = n == 0;
      }
      if (!sniffed) {
        sniffed = true;
        format = sniff_input(buffer);
        if (format != Format::JsonLines) {  // a document to read whole
          while (!eof) {
            const ssize_t n = ::read(fd, chunk.data(), chunk.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
              fail(errno);
              return;
            }
            buffer.append(chunk.data(), static_cast<std::size_t>(n));
            eof = n == 0;
          }
        }
      }
      std::string rest;
      if (!eof) {
        const auto nl = buffer.rfind('\n');
        if (nl == std::string::npos) {  // a line longer than a part: read on
          want = buffer.size() + config_.block_bytes;
          continue;
        }
        want = config_.block_bytes;
        rest.assign(buffer, nl + 1);
        buffer.resize(nl + 1);
      }
      if (buffer.empty() && pending) break;
      Unit u;
      u.input = input;
      u.part = part++;
      u.preloaded = true;
      u.format = format;
      u.first_line = line;
      u.first_form = form;
      if (format == Format::JsonLines) count_lines(buffer, line, form);
      u.text = std::move(buffer);
      if (pending) {
        pending->last_part = false;
        push(std::move(*pending));
      }
      pending = std::move(u);
      buffer = std::move(rest);
    }
    if (pending) push(std::move(*pending));
    if (!stdin_input) ::close(fd);
  }

  // --- checking --------------------------------------------------------------------------
  std::unique_ptr<FileResult> take_result() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_unique<FileResult>();
    auto r = std::move(free_.back());
    free_.pop_back();
    return r;
  }

  void work() {
    Checker checker(config_.options);
    checker.readers().set_encoding(config_.encoding);
    for (;;) {
      Unit unit;
      {
        std::unique_lock lock(mutex_);
        ++idle_workers_;
        work_.wait(lock, [this] { return !queue_.empty() || cut_done_; });
        --idle_workers_;
        if (queue_.empty()) return;
        unit = std::move(queue_.front());
        queue_.pop_front();
      }
      std::unique_ptr<FileResult> result = take_result();
      process(unit, checker, *result);
      std::lock_guard lock(mutex_);
      done_.emplace(unit.seq, std::move(result));
      if (consumer_waiting_ && ready_to_hand_back()) done_cv_.notify_one();
    }
  }

  void process(const Unit& u, Checker& checker, FileResult& r) {
    const Input& in = inputs_[u.input];
    if (config_.options_for) checker.set_options(config_.options_for(in.path));
    if (u.unreadable) {
      r.clear(in.path == "-" ? "<stdin>" : in.path);
      r.error = u.error;
    } else if (u.preloaded) {
      r.clear(in.path == "-" ? "<stdin>" : in.path);
      r.opened = true;
      r.source.assign(r.path, u.text, u.first_line);
      checker.check_source(r, u.format);
    } else {
      checker.check_file(in.path, r);
    }
    r.input = u.input;
    r.part = u.part;
    r.last_part = u.last_part;
    if (u.first_form == 0) return;
    // Forms are numbered in their file, not in the part.
    const auto shift = static_cast<std::uint32_t>(u.first_form);
    for (Form& f : r.doc.forms) f.index += shift;
    for (FormResult& f : r.forms) {
      for (Finding& x : f.findings) x.form += shift;
    }
    for (Finding& x : r.file_findings) {
      if (x.form != kWholeFile) x.form += shift;
    }
  }

  // --- handing back in order -------------------------------------------------------------
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
    std::vector<std::unique_ptr<FileResult>> ready;
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
      for (const auto& result : ready) on_result_(*result);
      std::lock_guard lock(mutex_);
      in_flight_ -= ready.size();
      for (auto& result : ready) free_.push_back(std::move(result));
      ready.clear();
      if (cutter_waiting_ && in_flight_ + batch_ <= window_) space_.notify_one();
    }
  }

  const std::vector<Input>& inputs_;
  const RunConfig& config_;
  const std::function<void(FileResult&)>& on_result_;
  const unsigned jobs_;
  const std::size_t window_;
  const std::size_t batch_;  // units handed back, or cut, per wake-up

  std::mutex mutex_;
  std::condition_variable space_;    // a unit may be cut
  std::condition_variable work_;     // a unit waits to be checked
  std::condition_variable done_cv_;  // a result is ready
  std::deque<Unit> queue_;
  std::map<std::size_t, std::unique_ptr<FileResult>> done_;
  std::vector<std::unique_ptr<FileResult>> free_;  // results handed back, kept for their buffers
  std::size_t produced_ = 0;
  std::size_t next_ = 0;  // the next unit to hand back
  std::size_t in_flight_ = 0;
  unsigned idle_workers_ = 0;
  bool cutter_waiting_ = false;
  bool consumer_waiting_ = false;
  bool cut_done_ = false;
};

}  // namespace

void run_pipeline(const std::vector<Input>& inputs, const RunConfig& config,
                  const std::function<void(FileResult&)>& on_result) {
#ifdef __GLIBC__
  // Blocks and buffers of a megabyte or so are allocated by one thread and freed by another,
  // over and over. By default glibc maps such sizes afresh or trims them off the heap when
  // freed, and every page is faulted in again for the next block (98,000 faults for a million
  // forms of JSON Lines, 10% of the CPU). Kept in the heap, they are reused; memory still
  // stays flat, as the window bounds what is allocated at once.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
  Pipeline(inputs, config, on_result).run();
}

Format sniff_input(std::string_view head) {
  if (head.starts_with(kUtf8Bom)) head.remove_prefix(kUtf8Bom.size());
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Format::JsonLines;  // nothing yet: no forms
  if (head[first] == '[') return Format::Json;
  if (head[first] != '{') return Format::Csv;
  // One object a line: the first line ends its object, and the next non-blank line starts one.
  const auto nl = head.find('\n', first);
  if (nl == std::string_view::npos) return Format::Json;
  std::string_view line = head.substr(first, nl - first);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  const auto next = head.find_first_not_of(" \t\r\n", nl);
  return line.ends_with('}') && next != std::string_view::npos && head[next] == '{'
             ? Format::JsonLines
             : Format::Json;
}

}  // namespace pes
