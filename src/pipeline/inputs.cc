// The inputs of a run: files and directories walked recursively, in a stable order, each
// file and directory once, whatever links lead to them.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "pes/system_error.h"
#include "pes/formats.h"
#include "pes/output_guard.h"
#include "pes/pipeline.h"
#include "pes/tables.h"
#include "pes/text.h"
#include "pes/walk_filter.h"

namespace pes {
namespace {

namespace fs = std::filesystem;

// A walk takes the files of the formats the format table marks as walked.
bool wanted(const std::string& name) {
  const FormatInfo* f = format_of_extension(name);
  return f != nullptr && f->walked;
}

Message cannot(const std::string& path, const Message& why) {
  const std::string shown = display_path(path);
  return {fmt::format("{}: cannot open: {}", shown, why.en),
          fmt::format("{}：无法打开：{}", shown, why.zh)};
}

Message cannot(const std::string& path, const std::error_code& ec) {
  return cannot(path, ec.category() == std::generic_category() ||
                              ec.category() == std::system_category()
                          ? system_error_message(ec.value())
                          : Message{ec.message(), ec.message()});
}

// What kind of entry, other than a regular file or a directory, a walk passes over.
Message skipped_entry(const std::string& path, const struct stat* st, int stat_errno) {
  const std::string shown = display_path(path);
  std::string_view en = "not a regular file";
  std::string_view zh = "不是普通文件";
  if (st == nullptr) {
    en = stat_errno == ELOOP ? "a symbolic link that loops" : "a dangling symbolic link";
    zh = stat_errno == ELOOP ? "循环的符号链接" : "指向不存在目标的符号链接";
  } else if (S_ISFIFO(st->st_mode)) {
    en = "not a regular file (a FIFO)";
    zh = "不是普通文件（命名管道）";
  } else if (S_ISSOCK(st->st_mode)) {
    en = "not a regular file (a socket)";
    zh = "不是普通文件（套接字）";
  } else if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
    en = "not a regular file (a device)";
    zh = "不是普通文件（设备）";
  }
  return {fmt::format("{}: skipped: {}", shown, en), fmt::format("{}：已跳过：{}", shown, zh)};
}

FileId id_of(const struct stat& st) {
  return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

class Walker {
 public:
  Walker(const OutputGuard* outputs, const WalkFilter* filter, InputWalk& out)
      : outputs_(outputs), filter_(filter), out_(out) {}

  void path(const std::string& path, std::size_t arg) {
    arg_ = arg;
    if (path == "-") {
      out_.inputs.push_back({path, Format::JsonLines, true, arg});
      return;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      failed(path, cannot(path, system_error_message(errno)));
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      std::string dir = path;
      while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
      if (dirs_.insert(id_of(st)).second) walk(dir);
      return;
    }
    // A file named directly is read whatever it is, once. A FIFO (`pes check <(cmd)`) or a
    // character device is read as standard input is, its format told by its first bytes; what
    // else cannot be read (a socket) is then reported as unreadable.
    if (S_ISREG(st.st_mode) && !files_.insert(id_of(st)).second) return;
    if (const std::string* output = outputs_ != nullptr ? outputs_->find(id_of(st)) : nullptr) {
      out_.clashes.push_back(overwrite_refusal(*output, path));
      return;
    }
    // A file whose name says no format (x.dat, a name with no extension) is told by its first
    // bytes too.
    const bool sniff = S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) ||
                       (S_ISREG(st.st_mode) && format_of_extension(path) == nullptr);
    out_.inputs.push_back({path, sniff ? Format::JsonLines : format_for_path(path), sniff, arg});
  }

 private:
  // What cannot be reached or listed is an input that is reported as unreadable, in its place.
  void failed(const std::string& path, Message why) {
    out_.inputs.push_back({path, Format::Json, false, arg_, std::move(why)});
  }

  void walk(const std::string& dir) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      failed(dir, cannot(dir, ec));
      return;
    }
    std::vector<std::string> names;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      names.push_back(it->path().filename().string());
    }
    if (ec) failed(dir, cannot(dir, ec));
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      // Lock files, hidden entries and macOS metadata are passed over without a word.
      if (WalkFilter::is_clutter(name, true)) continue;
      const std::string p = dir == "/" ? "/" + name : dir + "/" + name;
      struct stat st {};
      if (::stat(p.c_str(), &st) != 0) {  // follows symbolic links
        const int e = errno;
        struct stat link {};
        if (::lstat(p.c_str(), &link) == 0 && S_ISLNK(link.st_mode) &&
            (e == ENOENT || e == ELOOP)) {
          out_.skipped.push_back(skipped_entry(p, nullptr, e));
        } else {
          failed(p, cannot(p, system_error_message(e)));
        }
        continue;
      }
      if (filter_ != nullptr && filter_->skips(p, S_ISDIR(st.st_mode))) continue;  // excluded
      if (S_ISDIR(st.st_mode)) {
        if (dirs_.insert(id_of(st)).second) walk(p);  // a directory seen before: a cycle
        continue;
      }
      if (!S_ISREG(st.st_mode)) {
        out_.skipped.push_back(skipped_entry(p, &st, 0));
        continue;
      }
      if (!wanted(name) || !files_.insert(id_of(st)).second) continue;
      if (const std::string* output = outputs_ != nullptr ? outputs_->find(id_of(st)) : nullptr) {
        if (looks_like_batch_table(p)) {
          const std::string shown = display_path(p);
          out_.skipped.push_back(
              {fmt::format("{}: skipped: this run writes it ({})", shown, output_name(*output)),
               fmt::format("{}：已跳过：本次运行要写入该文件（{}）", shown, output_name(*output))});
        } else {
          out_.clashes.push_back(overwrite_refusal(*output, p));
        }
        continue;
      }
      out_.inputs.push_back({p, format_for_path(p), false, arg_});
    }
  }

  const OutputGuard* outputs_;
  const WalkFilter* filter_;
  InputWalk& out_;
  std::size_t arg_ = 0;
  std::set<FileId> dirs_;
  std::set<FileId> files_;
};

}  // namespace

InputWalk walk_inputs(const std::vector<std::string>& paths, const OutputGuard* outputs,
                      const WalkFilter* filter) {
  InputWalk out;
  Walker walker(outputs, filter, out);
  for (std::size_t i = 0; i < paths.size(); ++i) walker.path(paths[i], i);
  return out;
}

std::vector<Input> expand_inputs(const std::vector<std::string>& paths) {
  return std::move(walk_inputs(paths).inputs);
}

bool looks_like_batch_table(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  std::string head(4096, '\0');
  ssize_t n = 0;
  do {
    n = ::read(fd, head.data(), head.size());
  } while (n < 0 && errno == EINTR);
  ::close(fd);
  if (n < 0) return false;
  head.resize(static_cast<std::size_t>(n));
  if (head.empty()) return true;
  for (const bool chinese : {false, true}) {
    for (const std::string& header : {form_table_header(TableFormat::Csv, chinese),
                                      finding_table_header(TableFormat::Csv, chinese)}) {
      if (head.starts_with(header)) return true;
    }
  }
  // JSON Lines rows start with the file's name, then the form's number.
  return head.starts_with("{\"file\":") &&
         head.substr(0, head.find('\n')).find(",\"form\":") != std::string::npos;
}

}  // namespace pes
