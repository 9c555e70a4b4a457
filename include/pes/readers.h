// Picks the reader for a file's format and runs it. Each format has its own reader class.
#pragma once

#include <string_view>

#include "pes/csv_reader.h"
#include "pes/document.h"
#include "pes/json_reader.h"
#include "pes/source.h"

namespace pes {

/// The format a path's extension names (.json → Json, .csv → Csv; anything unknown is read as JSON).
Format format_for_path(std::string_view path);
/// Whether a path's extension names a format pes knows.
bool has_known_extension(std::string_view path);
/// The format of text whose name says nothing (standard input): JSON when its first
/// character, after a byte-order mark and white space, is { or [; else CSV.
Format sniff_format(std::string_view text);
/// The name of a format ("json", "csv").
std::string_view format_name(Format format);

/// Holds one reader per format, so their buffers are reused from file to file.
class Readers {
 public:
  /// Reads a source in the given format into `doc` (cleared first).
  void read(const Source& source, Format format, Document& doc);
  /// The encoding of tabular input (CSV); JSON is always UTF-8.
  void set_encoding(TextEncoding encoding) { csv_.set_encoding(encoding); }

 private:
  JsonReader json_;
  CsvReader csv_;
};

}  // namespace pes
