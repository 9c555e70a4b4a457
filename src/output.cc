#include "pes/output.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

namespace pes {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kOutputFormats); ++i) {
    if (kOutputFormats[i] == name) return static_cast<OutputFormat>(i);
  }
  return std::nullopt;
}

std::optional<OutputSpec> parse_output_spec(std::string_view text) {
  const std::size_t colon = text.find(':');
  const auto format = parse_output_format(text.substr(0, colon));
  if (!format) return std::nullopt;
  OutputSpec spec{*format, ""};
  if (colon != std::string_view::npos) {
    spec.path = std::string(text.substr(colon + 1));
    if (spec.path.empty()) return std::nullopt;
    if (spec.path == "-") spec.path.clear();
  }
  return spec;
}

std::unique_ptr<Reporter> make_reporter(OutputFormat format, std::ostream& out, ReportStyle style) {
  switch (format) {
    case OutputFormat::Plain: return make_text_reporter(out, std::move(style));
    case OutputFormat::Json: return make_json_reporter(out, std::move(style));
    case OutputFormat::Sarif: return make_sarif_reporter(out, std::move(style));
    case OutputFormat::Github: return make_github_reporter(out, std::move(style));
    case OutputFormat::Junit: return make_junit_reporter(out, std::move(style));
  }
  return make_text_reporter(out, std::move(style));
}

OutputFile::~OutputFile() {
  if (!temp_.empty()) {
    out_.close();
    std::remove(temp_.c_str());
  }
}

bool OutputFile::open(const std::string& path, std::string& error) {
  path_ = path;
  const std::filesystem::path target(path);
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  std::string name = ".";
  name.append(target.filename().string()).append(".XXXXXX");
  const std::string pattern = (dir / name).string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  const int fd = ::mkstemp(buf.data());
  if (fd < 0) {
    error = fmt::format("{}: {}", path, std::strerror(errno));
    return false;
  }
  ::close(fd);
  temp_ = buf.data();
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    error = fmt::format("{}: cannot write", path);
    return false;
  }
  return true;
}

bool OutputFile::commit(std::string& error) {
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok) {
    error = fmt::format("{}: write failed", path_);
    return false;
  }
  // mkstemp makes the file 0600; give it what a new file normally gets.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  std::error_code ec;
  std::filesystem::permissions(temp_, static_cast<std::filesystem::perms>(0666 & ~mask), ec);
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    error = fmt::format("{}: {}", path_, std::strerror(errno));
    return false;
  }
  temp_.clear();
  return true;
}

}  // namespace pes
