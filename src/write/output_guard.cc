#include "pes/output_guard.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pes/text.h"

namespace pes {
namespace {

FileId id_of(const struct stat& st) {
  return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

}  // namespace

std::optional<FileId> file_id(const std::string& path) {
  struct stat st {};
  const int rc = path == "-" ? ::fstat(STDIN_FILENO, &st) : ::stat(path.c_str(), &st);
  if (rc != 0) return std::nullopt;
  return id_of(st);
}

std::string output_name(const std::string& path) {
  return path.empty() || path == "-" ? std::string("standard output") : display_path(path);
}

void OutputGuard::add(const std::string& path) {
  struct stat st {};
  if (path.empty() || path == "-") {
    if (::fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode))
      outputs_.emplace_back(id_of(st), "-");
    return;
  }
  if (::stat(path.c_str(), &st) == 0) outputs_.emplace_back(id_of(st), path);
}

const std::string* OutputGuard::find(const FileId& id) const {
  for (const auto& [output, path] : outputs_) {
    if (output == id) return &path;
  }
  return nullptr;
}

bool OutputGuard::check(const std::string& input, Message& error) const {
  if (outputs_.empty()) return true;
  const std::optional<FileId> id = file_id(input);
  const std::string* output = id ? find(*id) : nullptr;
  if (output == nullptr) return true;
  error = overwrite_refusal(*output, input);
  return false;
}

Message overwrite_refusal(const std::string& output, const std::string& input) {
  const std::string in = input == "-" ? std::string("<stdin>") : display_path(input);
  if (output.empty() || output == "-") {
    return {
        fmt::format("standard output is the input file {}; pes never writes over its input", in),
        fmt::format("标准输出就是输入文件 {}；pes 不会覆盖输入文件", in)};
  }
  const std::string out = display_path(output);
  if (out == in) {
    return {fmt::format("{} is an input of this run; pes never writes over its input", out),
            fmt::format("{} 是本次运行的输入文件；pes 不会覆盖输入文件", out)};
  }
  return {fmt::format("{} is the input file {} (the same file under another name); pes never "
                      "writes over its input",
                      out, in),
          fmt::format("{} 就是输入文件 {}（同一文件的另一个名字）；pes 不会覆盖输入文件", out, in)};
}

}  // namespace pes
