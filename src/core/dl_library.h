// A shared library opened with dlopen() when pes first needs it, not by the dynamic loader at
// start: libzip and libxlsxwriter (with the libcrypto libzip brings) cost `pes check` on one
// form a third of its start-up, and most runs read and write no workbook. The tables of
// functions (dl_zip.h, dl_xlsxwriter.h) are made once, on first use, from any thread.
#pragma once

#include <string>
#include <string_view>

#include "pes/finding.h"

namespace pes {

class DlLibrary {
 public:
  /// Opens the library by its SONAME ("libzip.so.4"); `purpose` says what it is needed for
  /// ("to read and write .xlsx and .docx files"), for the message when it cannot be loaded.
  DlLibrary(std::string soname, Bilingual purpose);
  /// The library stays loaded for the rest of the run: its functions may be called to the end.
  ~DlLibrary() = default;
  DlLibrary(const DlLibrary&) = delete;
  DlLibrary& operator=(const DlLibrary&) = delete;

  /// Whether the library was loaded with every function bound so far.
  bool ok() const { return error_.en.empty(); }
  /// Why not: the library's name, what it is for and what the dynamic loader said.
  const Message& error() const { return error_; }

  /// Sets `fn` to the library's function `name`; leaves it null and sets the error when the
  /// library is not loaded or has no such function.
  template <typename F>
  void bind(F*& fn, const char* name) {
    fn = reinterpret_cast<F*>(symbol(name));
  }

 private:
  void* symbol(const char* name);
  void fail(std::string_view why);

  std::string soname_;
  Bilingual purpose_;
  void* handle_ = nullptr;
  Message error_;
};

}  // namespace pes

// In a table of a library's functions (a struct derived from DlLibrary): a member named as the
// function, typed from its declaration in the library's header; and its binding, in the
// constructor. Used with a list macro, X(name) for each function, so each is named once.
#define PES_DL_MEMBER(name) decltype(&::name) name = nullptr;
#define PES_DL_BIND(name) bind(name, #name);
