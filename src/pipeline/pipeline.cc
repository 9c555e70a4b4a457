// The pipeline: one thread cuts the inputs into units of work (a file, or a part of whole lines
// of a JSON Lines input), `jobs` threads check them, and the calling thread takes the results
// back strictly in order. At most `window` units are between being cut and being handed back.
//
// One small file is cut, checked and handed back on the calling thread alone.
//
// Threads are woken in batches, not once per unit: the calling thread sleeps until `batch`
// results are ready in order (or nothing more is queued), then hands them all back; the
// cutting thread, once the window is full, sleeps until a batch of units fits again. Results go
// back to a free list, so the workers reuse their buffers.
#include "pes/source.h"
#include "pes/system_error.h"
#include "pes/pipeline.h"

#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "pes/text.h"
#include "pes/text_encoding.h"
#include "pipeline/array_cutter.h"
#include "pipeline/line_cutter.h"

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
  // A part of a large JSON array (array_cutter.h): its first form's number, and how many
  // characters of its first line come before it.
  bool array_part = false;
  std::uint32_t array_first_form = 0;
  std::uint32_t first_column = 0;
  // A part that cannot be read as lines (a NUL byte near the start, a line over the limit):
  // `failure` is reported at `failure_offset` of `text`.
  std::optional<Message> failure;
  std::uint64_t failure_offset = 0;
};

Message cannot(const std::string& path, bool open, int e) {
  const Message why = system_error_message(e);
  return {fmt::format("{}: cannot {}: {}", path, open ? "open" : "read", why.en),
          fmt::format("{}：无法{}：{}", path, open ? "打开" : "读取", why.zh)};
}

// Standard input that goes on past the most pes reads as one document, which is then not read.
Message too_large_document(std::uint64_t limit) {
  return {fmt::format("more than {} MB, the most pes reads as one document (an array of forms is "
                      "read in parts, without this limit); read no further",
                      limit >> 20),
          fmt::format("超过 {} MB，即 pes 作为一个文档读取的上限（表单数组分部分读取，不受此限）；"
                      "未再往下读取",
                      limit >> 20)};
}

// A run of one file smaller than a part (pes check on a form) is one unit of work whatever its
// format: starting threads for it would cost more than checking it.
bool one_small_file(const std::vector<Input>& inputs, std::size_t block_bytes) {
  if (inputs.size() != 1 || inputs[0].sniff || inputs[0].path == "-") return false;
  struct stat st {};
  return ::stat(inputs[0].path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         static_cast<std::uint64_t>(st.st_size) < block_bytes;
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
        batch_(window_ / 2),
        serial_(one_small_file(inputs, config.block_bytes)) {}

  void run() {
    if (serial_) {  // cut, check and hand back on this thread: no thread is started
      cut();
      work();
      consume();
      return;
    }
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
    // Then wait until a whole batch fits, not for each free place (serially, nobody would
    // make room: the file grew after it was looked at, and the queue takes it all).
    if (in_flight_ >= window_ && !serial_) {
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
      if (in.error) {
        Unit u;
        u.input = i;
        u.unreadable = true;
        u.error = *in.error;
        push(std::move(u));
      } else if (in.sniff || in.format == Format::JsonLines) {
        cut_stream(i);
      } else if (in.format == Format::Json && cut_array(i)) {
        continue;
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

  // Reads a JSON Lines input, or standard input, and cuts it into parts of whole lines
  // (LineCutter). Standard input that is not JSON Lines (a JSON document, CSV) is read whole as
  // one part.
  void cut_stream(std::size_t input) {
    const Input& in = inputs_[input];
    const bool stdin_input = in.path == "-";
    const std::string shown = stdin_input ? "<stdin>" : display_path(in.path);
    int fd = STDIN_FILENO;
    bool stream = stdin_input;  // read as it comes, not a file of a known size
    if (!stdin_input) {
      // Opened without waiting (a FIFO with no writer then reads as empty: no hang), then read
      // as usual: a pipe or FIFO whose writer is there (`pes check <(cmd)`) is read to its end.
      struct stat st {};
      fd = ::open(in.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
      const bool readable = fd >= 0 && ::fstat(fd, &st) == 0 &&
                            (S_ISREG(st.st_mode) || (in.sniff && (S_ISFIFO(st.st_mode) ||
                                                                   S_ISCHR(st.st_mode))));
      if (!readable) {
        const int e = fd < 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        if (fd >= 0) ::close(fd);
        unreadable(input, 0, shown, e, true);
        return;
      }
      stream = !S_ISREG(st.st_mode);
      const int flags = ::fcntl(fd, F_GETFL);
      if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    }
    std::string head;
    if (in.sniff) {  // tell the format from the first part
      int e = 0;
      bool eof = read_up_to(fd, head, config_.block_bytes, e);
      if (e != 0) {
        if (!stdin_input) ::close(fd);
        unreadable(input, 0, shown, e, false);
        return;
      }
      const Format format = sniff_input(head);
      const std::size_t nul = std::string_view(head).substr(0, Source::kHeadBytes).find('\0');
      if (!eof && nul != std::string_view::npos) {  // not text: read no further
        if (!stdin_input) ::close(fd);
        Unit u;
        u.input = input;
        u.preloaded = true;
        u.format = format;
        u.text = std::move(head);
        u.failure = not_text_stream();
        u.failure_offset = nul;
        push(std::move(u));
        return;
      }
      if (format != Format::JsonLines) {  // a document, read whole
        Spooled spooled = Spooled::NotSpooled;
        if (!eof && stream && format == Format::Json) {
          spooled = spool_stream(input, shown, fd, head, eof, e);
          if (spooled == Spooled::InParts) return;
        }
        if (e == 0 && !eof) eof = read_up_to(fd, head, config_.whole_bytes + 1, e);
        if (!stdin_input) ::close(fd);
        if (e != 0) {
          unreadable(input, 0, shown, e, false);
          return;
        }
        Unit u;
        u.input = input;
        u.preloaded = true;
        u.format = format;
        if (head.size() > config_.whole_bytes) {  // more than any document pes can read whole
          u.failure = too_large_document(config_.whole_bytes);
          push(std::move(u));
          return;
        }
        // A large array of forms on standard input is read in parts as a file is: held in
        // memory once, not parsed whole (which took 7 times the memory and 12 times the time).
        if (spooled == Spooled::NotSpooled && format == Format::Json &&
            cut_text_array(input, shown, head)) {
          return;
        }
        u.text = std::move(head);
        push(std::move(u));
        return;
      }
    }
    LineCutter cutter(fd, config_.block_bytes, std::move(head));
    LineCutter::Block block;
    std::uint32_t part = 0;
    std::optional<Unit> pending;  // pushed once it is known whether another part follows
    for (;;) {
      const LineCutter::Status status = cutter.next(block);
      if (status == LineCutter::Status::End) break;
      if (pending) {
        pending->last_part = false;
        push(std::move(*pending));
        pending.reset();
      }
      if (status == LineCutter::Status::ReadError) {
        unreadable(input, part, shown, cutter.errno_of_read(), false);
        break;
      }
      Unit u;
      u.input = input;
      u.part = part++;
      u.preloaded = true;
      u.format = Format::JsonLines;
      u.first_line = block.first_line;
      u.first_form = block.first_form;
      u.text = std::move(block.text);
      u.failure = std::move(block.failure);
      u.failure_offset = block.failure_offset;
      pending = std::move(u);
    }
    if (pending) push(std::move(*pending));
    if (part == 0 && !pending && cutter.errno_of_read() == 0) {  // nothing at all: no forms
      Unit u;
      u.input = input;
      u.preloaded = true;
      u.format = Format::JsonLines;
      push(std::move(u));
    }
    if (!stdin_input) ::close(fd);
  }

  // A large JSON array of forms is read in parts of whole forms (array_cutter.h): a first
  // pass checks that the file reads exactly as it would whole and finds where parts start, a
  // second reads and hands on one part at a time. False when the file is to be read whole
  // (small, not an array of forms, not well-formed, unreadable: reading it whole says why).
  bool cut_array(std::size_t input) {
    const Input& in = inputs_[input];
    // Most files are small: one stat() tells, where opening would take three calls.
    struct stat st {};
    const auto large_file = [&] {
      return S_ISREG(st.st_mode) &&
             static_cast<std::uint64_t>(st.st_size) >= 4 * config_.block_bytes;
    };
    if (::stat(in.path.c_str(), &st) != 0 || !large_file()) return false;
    const int fd = ::open(in.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    const bool large = ::fstat(fd, &st) == 0 && large_file();
    ArrayScanner scanner(config_.block_bytes);
    bool cut = large;
    if (cut) {
      const int flags = ::fcntl(fd, F_GETFL);
      if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
      std::string chunk(piece_bytes(), '\0');
      for (;;) {
        const ssize_t n = ::read(fd, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 || (n > 0 && !scanner.feed({chunk.data(), static_cast<std::size_t>(n)}))) {
          cut = false;
          break;
        }
        if (n == 0) {
          cut = scanner.finish();
          break;
        }
      }
    }
    if (!cut) {
      ::close(fd);
      return false;
    }
    // (EIO: the file got shorter since the first pass.)
    push_parts(input, display_path(in.path), scanner,
               [fd](std::uint64_t begin, std::string& text) { return pread_all(fd, begin, text); });
    ::close(fd);
    return true;
  }

  enum class Spooled : std::uint8_t { InParts, Whole, NotSpooled };

  // A JSON document on standard input or a named FIFO, larger than `head` (what was read of
  // it): copied to an unnamed temporary file while the array scanner reads it, then read in
  // parts from there as a file is, so that memory stays flat (InParts). As soon as it is known
  // not to be an array to read in parts (or a write fails), it is no longer copied: `head` is
  // given all of it that was read, `eof` says whether that is the end, and the rest is read
  // whole (Whole; `e` set when a read failed). With no temporary file (NotSpooled), `head` is
  // as it was.
  Spooled spool_stream(std::size_t input, const std::string& shown, int fd, std::string& head,
                       bool& eof, int& e) {
    const char* dir = std::getenv("TMPDIR");
    const int spool = ::open(dir != nullptr && *dir != '\0' ? dir : "/tmp",
                             O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (spool < 0) return Spooled::NotSpooled;
    const auto write_all = [spool](const char* p, std::size_t n) {
      while (n > 0) {
        const ssize_t w = ::write(spool, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= static_cast<std::size_t>(w);
      }
      return true;
    };
    ArrayScanner scanner(config_.block_bytes);
    bool scanning = feed_in_pieces(scanner, head);
    std::uint64_t spooled = head.size();
    bool written = scanning && write_all(head.data(), head.size());
    if (!written) {  // head is all that was read: read on from there
      ::close(spool);
      return Spooled::Whole;
    }
    std::string chunk(piece_bytes(), '\0');
    std::string_view unspooled;  // what was read but could not be written
    while (scanning) {
      const ssize_t n = ::read(fd, chunk.data(), chunk.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) e = errno;
      if (n <= 0) {
        eof = n == 0;
        break;
      }
      const std::string_view got(chunk.data(), static_cast<std::size_t>(n));
      if (!write_all(got.data(), got.size())) {
        unspooled = got;
        break;
      }
      spooled += got.size();
      scanning = scanner.feed(got);
    }
    if (eof && scanning && unspooled.empty() && scanner.finish()) {
      head.clear();
      head.shrink_to_fit();
      push_parts(input, shown, scanner, [spool](std::uint64_t begin, std::string& text) {
        return pread_all(spool, begin, text);
      });
      ::close(spool);
      return Spooled::InParts;
    }
    // To be read whole: what was copied back in memory (no more than a document can be).
    head.resize(std::min<std::uint64_t>(spooled, config_.whole_bytes + 1));
    const int back = pread_all(spool, 0, head);
    ::close(spool);
    if (back != 0 && e == 0) e = back;
    head.append(unspooled);
    return Spooled::Whole;
  }

  std::size_t piece_bytes() const { return std::max<std::size_t>(config_.block_bytes, 1 << 16); }

  // Feeds `text` to the scanner in pieces (it keeps a copy of what it has not yet scanned):
  // false once it is known not to be cut.
  bool feed_in_pieces(ArrayScanner& scanner, std::string_view text) const {
    const std::size_t piece = piece_bytes();
    for (std::size_t at = 0; at < text.size(); at += piece) {
      if (!scanner.feed(text.substr(at, piece))) return false;
    }
    return true;
  }

  // Reads `text.size()` bytes at `begin` of `fd` into `text`: 0, or the errno of a read that
  // failed (EIO when the file ended first).
  static int pread_all(int fd, std::uint64_t begin, std::string& text) {
    std::size_t got = 0;
    while (got < text.size()) {
      const ssize_t n =
          ::pread(fd, text.data() + got, text.size() - got, static_cast<off_t>(begin + got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return n < 0 ? errno : EIO;
      got += static_cast<std::size_t>(n);
    }
    return 0;
  }

  // The same for a JSON document held in memory (standard input): false when it is to be
  // read whole.
  bool cut_text_array(std::size_t input, const std::string& shown, const std::string& text) {
    if (text.size() < 4 * config_.block_bytes) return false;
    ArrayScanner scanner(config_.block_bytes);
    if (!feed_in_pieces(scanner, text) || !scanner.finish()) return false;
    push_parts(input, shown, scanner, [&text](std::uint64_t begin, std::string& out) {
      out.assign(text, begin, out.size());
      return 0;
    });
    return true;
  }

  // Hands on the parts the scanner found, each read by `read(begin, text)` into a text sized
  // to the part (0, or the errno of a read that failed: then the input is unreadable there).
  template <class Read>
  void push_parts(std::size_t input, const std::string& shown, const ArrayScanner& scanner,
                  Read read) {
    const std::vector<ArrayCut>& cuts = scanner.cuts();
    for (std::size_t k = 0; k < cuts.size(); ++k) {
      const std::uint64_t begin = cuts[k].offset;
      const std::uint64_t end = k + 1 < cuts.size() ? cuts[k + 1].offset : scanner.end();
      Unit u;
      u.input = input;
      u.part = static_cast<std::uint32_t>(k);
      u.last_part = k + 1 == cuts.size();
      u.preloaded = true;
      u.array_part = true;
      u.format = Format::Json;
      u.first_line = cuts[k].line;
      u.first_column = cuts[k].column;
      u.array_first_form = cuts[k].first_form;
      u.text.resize(end - begin);
      if (const int e = read(begin, u.text); e != 0) {
        unreadable(input, u.part, shown, e, false);
        break;
      }
      push(std::move(u));
    }
  }

  // Appends what `fd` gives to `out` until it holds `want` bytes or the input ends (true when
  // it ended); `e` is set when a read fails. Reads straight into `out`, which grows by
  // doubling (to the file's size at once when standard input is a file).
  static bool read_up_to(int fd, std::string& out, std::size_t want, int& e) {
    struct stat st {};
    if (want == std::string::npos && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<std::uint64_t>(st.st_size) > out.size()) {
      out.reserve(static_cast<std::size_t>(st.st_size) + 1);  // + 1: the end is read as 0
    }
    std::size_t have = out.size();
    while (have < want) {
      // 64 KiB at a time (a pipe gives no more): resize() zeroes what it adds.
      std::size_t room = std::size_t{1} << 16;
      if (want != std::string::npos) room = std::min(room, want - have);
      out.resize(have + room);
      const ssize_t n = ::read(fd, out.data() + have, room);
      if (n < 0 && errno == EINTR) {
        out.resize(have);
        continue;
      }
      if (n <= 0) {
        out.resize(have);
        if (n < 0) e = errno;
        return n == 0;
      }
      have += static_cast<std::size_t>(n);
      out.resize(have);
    }
    return false;
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
      r.clear(in.path == "-" ? "<stdin>" : display_path(in.path));
      r.error = u.error;
    } else if (u.preloaded) {
      r.clear(in.path == "-" ? "<stdin>" : display_path(in.path));
      r.opened = true;
      r.source.assign(r.path, u.text, u.first_line, u.first_column);
      if (u.array_part) {
        checker.check_array_part(r, u.array_first_form);
      } else if (u.failure) {  // not read: a NUL byte, a line or a document over the limit
        r.doc.format = u.format;
        r.doc.fail(u.failure_offset, u.failure->en, u.failure->zh);
        r.file_findings = r.doc.findings;
        for (Finding& f : r.file_findings) locate(r.source, r.doc, f);
      } else {
        checker.check_source(r, u.format);
      }
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
  const bool serial_;        // one unit of work: checked on the calling thread

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
  // JSON or CSV as any document is told; an object may start JSON Lines.
  if (const Format f = sniff_format(head); f != Format::Json || head[first] == '[') return f;
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
