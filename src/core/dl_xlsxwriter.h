// libxlsxwriter's functions that the results workbook reporter calls, from libxlsxwriter
// loaded on first use (dl_library.h). Each pointer has the type of the function in
// <xlsxwriter.h>, so a call that does not match the header does not compile.
#pragma once

#include <xlsxwriter.h>

#include "core/dl_library.h"

namespace pes {

#define PES_LIBXLSXWRITER_FUNCTIONS(X) \
  X(format_set_align)                  \
  X(format_set_bg_color)               \
  X(format_set_bold)                   \
  X(format_set_bottom)                 \
  X(format_set_font_color)             \
  X(format_set_num_format)             \
  X(format_set_pattern)                \
  X(format_set_text_wrap)              \
  X(format_set_top)                    \
  X(format_set_underline)              \
  X(lxw_strerror)                      \
  X(workbook_add_format)               \
  X(workbook_add_worksheet)            \
  X(workbook_close)                    \
  X(workbook_new_opt)                  \
  X(worksheet_autofilter)              \
  X(worksheet_freeze_panes)            \
  X(worksheet_set_column)              \
  X(worksheet_write_blank)             \
  X(worksheet_write_formula)           \
  X(worksheet_write_number)            \
  X(worksheet_write_string)            \
  X(worksheet_write_url)

struct Libxlsxwriter : DlLibrary {
  Libxlsxwriter();
  PES_LIBXLSXWRITER_FUNCTIONS(PES_DL_MEMBER)
};

/// libxlsxwriter, loaded by the first call (from any thread); check ok() before calling.
const Libxlsxwriter& libxlsxwriter();

}  // namespace pes
