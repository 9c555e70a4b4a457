// Writes a file whole or not at all: into a temporary file beside it, then renamed into place.
#pragma once

#include <string>
#include <string_view>

#include "pes/finding.h"

namespace pes {

/// Writes `data` to `path` through a temporary file in the same directory and a rename, so
/// that `path` never holds a half-written file. False, with `error` naming the path, on failure
/// (the temporary file is then removed).
bool write_file_atomically(const std::string& path, std::string_view data, Message& error);

/// True when both paths name the same existing file (same device and inode).
bool same_file(const std::string& a, const std::string& b);

}  // namespace pes
