#include "core/dl_zip.h"

namespace pes {

Libzip::Libzip()
    : DlLibrary(PES_LIBZIP_SONAME,
                {"to read and write .xlsx and .docx files", "读写 .xlsx 与 .docx 文件"}) {
  PES_LIBZIP_FUNCTIONS(PES_DL_BIND)
}

const Libzip& libzip() {
  static const Libzip lib;  // made once; a C++ static's first use is thread-safe
  return lib;
}

}  // namespace pes
