// libzip's functions that pes calls (the .xlsx and .docx readers, the .xlsx package editor),
// from libzip loaded on first use (dl_library.h). Each pointer has the type of the function
// in <zip.h>, so a call that does not match the header does not compile.
#pragma once

#include <zip.h>

#include "core/dl_library.h"

namespace pes {

#define PES_LIBZIP_FUNCTIONS(X) \
  X(zip_close)                  \
  X(zip_discard)                \
  X(zip_error_fini)             \
  X(zip_error_init)             \
  X(zip_error_strerror)         \
  X(zip_fclose)                 \
  X(zip_file_add)               \
  X(zip_file_replace)           \
  X(zip_fopen)                  \
  X(zip_fread)                  \
  X(zip_get_name)               \
  X(zip_get_num_entries)        \
  X(zip_name_locate)            \
  X(zip_open_from_source)       \
  X(zip_source_buffer)          \
  X(zip_source_buffer_create)   \
  X(zip_source_close)           \
  X(zip_source_free)            \
  X(zip_source_keep)            \
  X(zip_source_open)            \
  X(zip_source_read)            \
  X(zip_source_stat)            \
  X(zip_stat)                   \
  X(zip_stat_init)              \
  X(zip_strerror)

struct Libzip : DlLibrary {
  Libzip();
  PES_LIBZIP_FUNCTIONS(PES_DL_MEMBER)
};

/// libzip, loaded by the first call (from any thread); check ok() before calling a function.
const Libzip& libzip();

}  // namespace pes
