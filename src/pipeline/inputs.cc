// The inputs of pes batch: files and directories walked recursively, in a stable order.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "pes/batch.h"
#include "pes/readers.h"

namespace pes {
namespace {

namespace fs = std::filesystem;

bool wanted(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  // Printed-layout text (.txt, .tsv) is read when named, but not picked up from a directory:
  // too many notes and tables have those names. Legacy .xls, .doc, .et and .wps files are picked
  // up so that each is named with what to save it as, not skipped without a word.
  return ext == ".json" || ext == ".jsonl" || ext == ".ndjson" || ext == ".csv" || ext == ".xlsx" ||
         ext == ".docx" || ext == ".html" || ext == ".htm" || ext == ".xls" || ext == ".doc" ||
         ext == ".et" || ext == ".wps";
}

void cannot(std::vector<Message>& errors, const std::string& path, const std::error_code& ec) {
  errors.push_back({fmt::format("{}: cannot open: {}", path, ec.message()),
                    fmt::format("{}：无法打开：{}", path, ec.message())});
}

void walk(const fs::path& dir, std::vector<BatchInput>& out, std::vector<Message>& errors) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    cannot(errors, dir.string(), ec);
    return;
  }
  std::vector<std::pair<std::string, bool>> entries;  // name, is a directory
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::error_code type_ec;
    const bool is_dir = it->is_directory(type_ec);  // follows symbolic links
    const bool is_file = it->is_regular_file(type_ec);
    if (is_dir || (is_file && wanted(it->path()))) {
      entries.emplace_back(it->path().filename().string(), is_dir);
    }
  }
  if (ec) cannot(errors, dir.string(), ec);
  std::sort(entries.begin(), entries.end());
  for (const auto& [name, is_dir] : entries) {
    const fs::path p = dir / name;
    if (is_dir) {
      walk(p, out, errors);
    } else {
      std::string s = p.string();
      out.push_back({s, format_for_path(s)});
    }
  }
}

}  // namespace

std::vector<BatchInput> expand_inputs(const std::vector<std::string>& paths,
                                      std::vector<Message>& errors) {
  std::vector<BatchInput> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back({path, Format::JsonLines});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      cannot(errors, path, ec ? ec : std::make_error_code(std::errc::no_such_file_or_directory));
    } else if (fs::is_directory(st)) {
      std::string dir = path;
      while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
      walk(dir, out, errors);
    } else {
      out.push_back({path, format_for_path(path)});
    }
  }
  return out;
}

}  // namespace pes
