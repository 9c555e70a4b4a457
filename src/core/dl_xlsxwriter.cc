#include "core/dl_xlsxwriter.h"

namespace pes {

Libxlsxwriter::Libxlsxwriter()
    : DlLibrary(PES_LIBXLSXWRITER_SONAME,
                {"to write the results workbook (.xlsx)", "写出结果工作簿（.xlsx）"}) {
  PES_LIBXLSXWRITER_FUNCTIONS(PES_DL_BIND)
}

const Libxlsxwriter& libxlsxwriter() {
  static const Libxlsxwriter lib;  // made once; a C++ static's first use is thread-safe
  return lib;
}

}  // namespace pes
