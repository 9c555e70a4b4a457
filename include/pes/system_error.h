// What the system says when a file cannot be opened, read or written, in both languages
// (strerror() speaks the C locale's English only).
#pragma once

#include "pes/finding.h"

namespace pes {

/// errno `e` in words: "No such file or directory" / 文件或目录不存在.
Message system_error_message(int e);

}  // namespace pes
