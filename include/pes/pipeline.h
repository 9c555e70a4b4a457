// The pipeline every checking command runs: inputs (files, directories walked, standard
// input) are checked by `jobs` threads and handed back strictly in input order, so every
// output is the same for every number of threads, and at most a few results per thread are
// held at once, so memory stays flat however many forms pass through.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pes/checker.h"
#include "pes/formats.h"
#include "pes/options.h"
#include "pes/text_encoding.h"

namespace pes {

/// One input of a run: a file, or "-" for standard input.
struct Input {
  std::string path;
  Format format = Format::Json;
  bool sniff = false;  ///< tell the format from the first bytes (standard input)
  std::size_t arg = 0;  ///< the index of the path given that this input came from
  /// Set when the walk could not reach it (a path that does not exist, a directory that cannot
  /// be listed): the input is an unreadable file, reported where every unreadable file is.
  std::optional<Message> error = std::nullopt;
};

class OutputGuard;
class WalkFilter;

/// What expanding the paths of a run found.
struct InputWalk {
  /// In order; what could not be reached or listed is among them, with its `error`.
  std::vector<Input> inputs;
  /// Entries of walked directories not read: what is neither a regular file nor a directory
  /// (a FIFO, a device, a socket, a dangling or looping symbolic link), and the tables this
  /// run writes (left from an earlier run). One message each, naming the entry.
  std::vector<Message> skipped;
  /// Inputs that are an output of this run (and not a table pes batch wrote): the run must
  /// not start.
  std::vector<Message> clashes;
};

/// Expands files and directories into inputs, in a stable order: paths as given, each
/// directory walked recursively with its entries sorted by name (byte order), taking the files
/// of the formats a walk reads (formats.h); a file named directly is read whatever its name.
/// "-" is standard input, its format told from its first bytes. Each file and directory is
/// visited once (by device and inode), so links that form a cycle end. With `outputs`, a walked
/// file that is an output is skipped when it is a table pes batch writes (or empty), and is a
/// clash otherwise; a file named directly that is an output is always a clash. Lock files,
/// hidden entries and macOS metadata in a walked directory are passed over, and so is what
/// `filter` excludes (pes/walk_filter.h); paths given are always read.
InputWalk walk_inputs(const std::vector<std::string>& paths, const OutputGuard* outputs = nullptr,
                      const WalkFilter* filter = nullptr);

/// True when the file starts as a table pes writes (--out or --findings, CSV or JSON Lines),
/// or is empty.
bool looks_like_batch_table(const std::string& path);

/// walk_inputs()'s inputs.
std::vector<Input> expand_inputs(const std::vector<std::string>& paths);

/// The largest document the JSON parser reads whole (simdjson's limit).
inline constexpr std::uint64_t kMaxDocumentBytes = 0xFFFF'FFFF;

struct RunConfig {
  Options options;
  /// When set, the options of each file by its path (pes.toml's [[overrides]]).
  std::function<Options(std::string_view path)> options_for;
  TextEncoding encoding = TextEncoding::Auto;  ///< of CSV input
  unsigned jobs = 1;                           ///< checking threads
  std::size_t block_bytes = 1 << 20;  ///< JSON Lines are read and checked in parts this big
  /// The most of standard input read whole as one document (not JSON Lines, not an array of
  /// forms read in parts). Past it, pes reads no further.
  std::uint64_t whole_bytes = kMaxDocumentBytes;
};

/// Checks every input. `on_result` runs on the calling thread for each file (or part of a
/// JSON Lines file), strictly in input order; it may change the result (mark or drop findings).
void run_pipeline(const std::vector<Input>& inputs, const RunConfig& config,
                  const std::function<void(FileResult&)>& on_result);

/// The format of text whose name says nothing (standard input), from its first bytes: JSON
/// Lines when its first two non-blank lines each start with "{" and the first ends with "}";
/// JSON when it starts with "{" or "["; else CSV.
Format sniff_input(std::string_view head);

}  // namespace pes
