#include "pes/atomic_file.h"

#include <catch2/catch.hpp>
#include <dirent.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "test_support.h"

namespace {

std::string temp_dir() {
  std::string pattern = "/tmp/pes-atomic-XXXXXX";
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

int entries(const std::string& dir) {
  int n = 0;
  DIR* d = ::opendir(dir.c_str());
  while (dirent* e = ::readdir(d)) n += std::string(e->d_name) == "." || std::string(e->d_name) == ".." ? 0 : 1;
  ::closedir(d);
  return n;
}

}  // namespace

TEST_CASE("an atomic file replaces the old one only when committed", "[atomic]") {
  const std::string dir = temp_dir();
  const std::string path = dir + "/out.json";
  std::string error;
  REQUIRE(pes::write_file_atomically(path, "old", error));
  CHECK(pes::test::read_file(path) == "old");
  {
    pes::AtomicFile f;
    REQUIRE(f.open(path, error));
    REQUIRE(f.write("half of the new", error));
    CHECK(pes::test::read_file(path) == "old");  // not yet
    CHECK(entries(dir) == 2);                     // the old file and the temporary one
  }  // dropped without commit, as when interrupted
  CHECK(pes::test::read_file(path) == "old");
  CHECK(entries(dir) == 1);
  REQUIRE(pes::write_file_atomically(path, "new", error));
  CHECK(pes::test::read_file(path) == "new");
  CHECK(entries(dir) == 1);
  ::unlink(path.c_str());
  ::rmdir(dir.c_str());
}

TEST_CASE("an atomic file in a missing directory fails with a message", "[atomic]") {
  std::string error;
  CHECK_FALSE(pes::write_file_atomically("/nonexistent-dir/x.json", "x", error));
  CHECK(error.find("/nonexistent-dir/x.json") == 0);
}
