// Libraries opened when first needed: a library or function that is missing is a message that
// names it and what the dynamic loader said, never a crash; libzip and libxlsxwriter load.
#include "core/dl_library.h"

#include <catch2/catch.hpp>
#include <cstring>

#include "core/dl_xlsxwriter.h"
#include "core/dl_zip.h"

using namespace pes;

namespace {

constexpr Bilingual kPurpose{"to test the loader", "测试加载"};

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a library that cannot be opened says which and why", "[dl]") {
  DlLibrary lib("libpes-no-such.so.0", kPurpose);
  CHECK_FALSE(lib.ok());
  INFO(lib.error().en);
  CHECK(contains(lib.error().en, "the library libpes-no-such.so.0 is needed to test the loader"));
  // dlerror()'s own words follow.
  CHECK(contains(lib.error().en, "libpes-no-such.so.0: cannot open shared object file"));
  CHECK(contains(lib.error().zh, "测试加载需要程序库 libpes-no-such.so.0，但无法加载："));
  std::size_t (*fn)(const char*) = &std::strlen;
  lib.bind(fn, "strlen");
  CHECK(fn == nullptr);
}

TEST_CASE("a function the library lacks is named, and the first trouble is kept", "[dl]") {
  DlLibrary lib("libc.so.6", kPurpose);
  REQUIRE(lib.ok());
  std::size_t (*length)(const char*) = nullptr;
  lib.bind(length, "strlen");
  REQUIRE(length != nullptr);
  CHECK(length("pes") == 3);
  CHECK(lib.ok());
  void (*missing)() = &std::abort;
  lib.bind(missing, "pes_no_such_function");
  CHECK(missing == nullptr);
  CHECK_FALSE(lib.ok());
  INFO(lib.error().en);
  CHECK(contains(lib.error().en, "the library libc.so.6 is needed to test the loader"));
  CHECK(contains(lib.error().en, "pes_no_such_function"));
  void (*other)() = nullptr;
  lib.bind(other, "pes_another_missing_function");
  CHECK_FALSE(contains(lib.error().en, "pes_another_missing_function"));
}

TEST_CASE("libzip and libxlsxwriter load with every function pes calls", "[dl]") {
  const Libzip& zip = libzip();
  INFO(zip.error().en);
  REQUIRE(zip.ok());
  CHECK(&zip == &libzip());  // loaded once
  zip_error_t err;
  zip.zip_error_init(&err);
  zip_source_t* empty = zip.zip_source_buffer_create(nullptr, 0, 0, &err);
  CHECK(empty != nullptr);
  zip.zip_source_free(empty);
  zip.zip_error_fini(&err);
  const Libxlsxwriter& xl = libxlsxwriter();
  INFO(xl.error().en);
  REQUIRE(xl.ok());
  CHECK(contains(xl.lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED), "malloc"));
}
