// Picks the reader for a file's format and runs it. Each format has its own reader class.
#pragma once

#include <string_view>

#include "pes/document.h"
#include "pes/json_reader.h"
#include "pes/source.h"

namespace pes {

/// The format a path's extension names (.json → Json; anything unknown is read as JSON).
Format format_for_path(std::string_view path);

/// Holds one reader per format, so their buffers are reused from file to file.
class Readers {
 public:
  /// Reads a source in the given format into `doc` (cleared first).
  void read(const Source& source, Format format, Document& doc);

 private:
  JsonReader json_;
};

}  // namespace pes
