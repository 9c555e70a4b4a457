// pes batch: checks many files in parallel, hands back results in input order, and keeps
// memory flat however many forms there are. The engine never prints: results come back as
// chunks of rendered rows and a summary.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "pes/checker.h"
#include "pes/text_encoding.h"
#include "pes/decimal.h"
#include "pes/document.h"
#include "pes/grade.h"
#include "pes/options.h"

namespace pes {

/// One input of a batch: a file, or "-" for JSON Lines on standard input.
struct BatchInput {
  std::string path;
  Format format = Format::Json;
  std::size_t arg = 0;  ///< the index of the path given that this input came from
};

class OutputGuard;

/// What expanding the paths of a batch found.
struct InputWalk {
  std::vector<BatchInput> inputs;
  std::vector<Message> errors;  ///< paths that do not exist or cannot be listed
  /// Entries of walked directories not read: what is neither a regular file nor a directory
  /// (a FIFO, a device, a socket, a dangling or looping symbolic link), and the tables this
  /// run writes (left from an earlier run). One message each, naming the entry.
  std::vector<Message> skipped;
  /// Inputs that are an output of this run (and not a table pes batch wrote): the run must
  /// not start.
  std::vector<Message> clashes;
};

/// Expands files and directories into inputs, in a stable order: paths as given, each
/// directory walked recursively with its entries sorted by name (byte order). Directories
/// contribute their .json, .jsonl, .ndjson, .csv and .xlsx files; a file named directly is
/// read whatever its name. Each file and directory is visited once (by device and inode), so
/// links that form a cycle end. With `outputs`, a walked file that is an output is skipped
/// when it is a table pes batch writes (or empty), and is a clash otherwise; a file named
/// directly that is an output is always a clash.
InputWalk walk_inputs(const std::vector<std::string>& paths, const OutputGuard* outputs = nullptr);

/// walk_inputs()'s inputs; errors go to `errors`.
std::vector<BatchInput> expand_inputs(const std::vector<std::string>& paths,
                                      std::vector<Message>& errors);

/// True when the file starts as a table pes batch writes (--out or --findings, CSV or JSON
/// Lines), or is empty.
bool looks_like_batch_table(const std::string& path);

/// The format of a table written by --out and --findings.
enum class TableFormat : std::uint8_t { Csv, JsonLines };
/// .jsonl and .ndjson are JSON Lines; anything else is CSV.
TableFormat table_format_for_path(std::string_view path);

/// Σ figures of one department (主管部门), amounts in 万元 (forms in 元 are converted).
struct DepartmentTotals {
  std::uint64_t forms = 0;
  std::uint64_t without_amounts = 0;  ///< forms whose 全年预算数 or 全年执行数 is not readable
  Decimal annual = Decimal::of(0, 2);    ///< Σ 全年预算数
  Decimal executed = Decimal::of(0, 2);  ///< Σ 全年执行数
  /// Σ executed ÷ Σ annual × 100, 2 decimals rounded half-up; empty when Σ annual is 0.
  std::optional<Decimal> rate() const;
};

/// What a batch counts. Every figure is a sum, so summaries of parts merge exactly in any order.
struct BatchSummary {
  std::uint64_t files = 0;        ///< inputs read (opened)
  std::uint64_t unreadable = 0;   ///< inputs that could not be opened or read
  std::uint64_t unparseable = 0;  ///< files, or JSON Lines, that are not well-formed
  /// Entries of walked directories not read (InputWalk::skipped), each named and why.
  std::vector<Message> skipped;
  std::uint64_t forms = 0;
  std::uint64_t forms_with_errors = 0;
  std::uint64_t forms_with_warnings = 0;
  std::uint64_t errors = 0;  ///< findings by severity
  std::uint64_t warnings = 0;
  std::uint64_t infos = 0;
  std::array<std::uint64_t, kRuleCount> per_rule{};
  std::array<std::uint64_t, 5> grades{};  ///< recomputed 优 良 中 差, then forms with no total
  std::map<std::string, DepartmentTotals> departments;  ///< by 主管部门 as written ("" if none)

  /// Counts one checked form.
  void add_form(const Form& form, const FormResult& result);
  /// Counts a finding outside any form (a parse error, a JSON Lines line that is no form).
  void add_file_finding(const Finding& finding);
  void merge(const BatchSummary& other);
};

/// The summary as text for people (in Chinese or English).
std::string format_summary(const BatchSummary& summary, bool chinese);

/// What a batch does besides counting.
struct BatchConfig {
  Options options;
  /// When set, the options of each file by its path (pes.toml's [[overrides]]).
  std::function<Options(std::string_view path)> options_for;
  TextEncoding encoding = TextEncoding::Auto;  ///< of CSV input
  unsigned jobs = 1;                 ///< worker threads
  bool chinese = false;              ///< language of messages in rows and problems
  bool form_rows = false;            ///< render one row per form (--out)
  TableFormat form_format = TableFormat::Csv;
  bool finding_rows = false;         ///< render one row per finding (--findings)
  TableFormat finding_format = TableFormat::Csv;
  std::size_t block_bytes = 1 << 20;  ///< JSON Lines are read and checked in blocks this big
};

/// The results of one piece of work (a file, or a block of a JSON Lines file), handed back
/// in input order.
struct BatchChunk {
  std::size_t input = 0;     ///< index into the inputs
  bool unreadable = false;   ///< the input could not be opened or read
  std::uint64_t forms = 0;
  std::uint64_t forms_with_errors = 0;
  std::uint64_t errors = 0;  ///< error-severity findings
  std::string form_rows;     ///< rendered rows (when BatchConfig::form_rows)
  std::string finding_rows;  ///< rendered rows (when BatchConfig::finding_rows)
  std::string problems;      ///< one line each: unreadable input, parse errors
};

/// Checks every input with config.jobs threads. `on_chunk` runs on the calling thread for
/// each chunk, strictly in input order, so its output is the same for every number of jobs.
/// At most a few chunks per thread are held at once.
BatchSummary run_batch(const std::vector<BatchInput>& inputs, const BatchConfig& config,
                       const std::function<void(BatchChunk&)>& on_chunk);

/// The header row of a table (empty for JSON Lines).
std::string form_table_header(TableFormat format);
std::string finding_table_header(TableFormat format);

/// Appends one form's row. `form` is the form's number in its file, `line` its first line.
void append_form_row(std::string& out, TableFormat format, std::string_view file,
                     std::uint64_t form_number, std::uint64_t line, const Form& form,
                     const FormResult& result);
/// Appends one finding's row; `form_number` is empty for a finding about the whole file.
void append_finding_row(std::string& out, TableFormat format, std::string_view file,
                        std::optional<std::uint64_t> form_number, const Finding& finding,
                        bool chinese);


}  // namespace pes
