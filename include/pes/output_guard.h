// Keeps a run's outputs off its inputs: files are told apart by device and inode, so a link or
// a second name of an input is caught as well as the input's own name.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pes/finding.h"

namespace pes {

/// Which file a path names: its device and inode.
struct FileId {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  friend auto operator<=>(const FileId&, const FileId&) = default;
};

/// The file `path` names, links followed ("-": standard input). Empty when there is none.
std::optional<FileId> file_id(const std::string& path);

/// The name pes gives an output in messages ("standard output" for "-").
std::string output_name(const std::string& path);

/// The outputs of a run.
class OutputGuard {
 public:
  /// Adds an output. "-" is standard output, which counts when it is a regular file (as with
  /// `> file`); an output that does not exist yet cannot be an input and is left out.
  void add(const std::string& path);
  /// The output (as given to add()) that is the file `id`, or null.
  const std::string* find(const FileId& id) const;
  /// False, with `error` saying why, when an output is the file `input` names.
  bool check(const std::string& input, Message& error) const;

 private:
  std::vector<std::pair<FileId, std::string>> outputs_;
};

/// Refuses to write `output` over `input`.
Message overwrite_refusal(const std::string& output, const std::string& input);

}  // namespace pes
