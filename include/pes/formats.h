// The one table of input formats: names, extensions, whether a directory walk picks a format
// up, whether `pes convert` writes it, and the reader that reads it. Readers, batch discovery,
// writers, help texts, completions and the report schema's enum all come from it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pes/finding.h"

namespace pes {

enum class Format : std::uint8_t { Json, JsonLines, Csv, Tsv, Xlsx, Docx, Html, Legacy };

class Readers;
class Source;
struct Document;
using ReadFn = void (*)(Readers& readers, const Source& source, Document& doc);

struct FormatInfo {
  Format id;
  std::string_view name;                          ///< "csv": what reports and --to call it
  std::span<const std::string_view> extensions;   ///< without the dot, lower case
  Bilingual description;                          ///< for help texts
  bool walked;    ///< a directory walk picks these files up
  bool writable;  ///< `pes convert` writes it
  ReadFn read;
  /// A container of bytes, not text: a NUL byte near the start is no sign of a wrong file.
  bool binary = false;
};

/// Every format, in the order help texts list them.
std::span<const FormatInfo> formats();
const FormatInfo& format_info(Format format);
/// The format a path's extension names, if any (case aside).
const FormatInfo* format_of_extension(std::string_view path);
/// The format called `name` ("csv"), if any.
const FormatInfo* find_format(std::string_view name);

/// The format of a path (anything unknown is read as JSON).
Format format_for_path(std::string_view path);
/// The format of a file read whole: its extension's, else (standard input, "-" or "<stdin>",
/// or an extension pes does not know) told by its text (sniff_format).
Format format_of_file(std::string_view path, std::string_view text);
/// Whether a path's extension names a format pes knows.
inline bool has_known_extension(std::string_view path) {
  return format_of_extension(path) != nullptr;
}
/// The format of text whose name says nothing (standard input): JSON when its first
/// character, after a byte-order mark and white space, is { or [; else CSV.
Format sniff_format(std::string_view text);
/// The name of a format ("json", "csv").
inline std::string_view format_name(Format format) { return format_info(format).name; }

/// "pes/1 JSON (.json), JSON Lines (.jsonl, .ndjson), …" for help texts: every format, or
/// only those a directory walk reads or `convert` writes.
enum class FormatFilter : std::uint8_t { All, Walked, Writable };
std::string describe_formats(FormatFilter filter, bool chinese);
/// The names of the formats the filter lets through ("json", "csv").
std::vector<std::string> format_names(FormatFilter filter);
/// Their extensions, ".json, .csv" (with "、" as `separator`: ".json、.csv").
std::string format_extensions(FormatFilter filter, std::string_view separator = ", ");

}  // namespace pes
