#include "pes/output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.h"

using namespace pes;
namespace fs = std::filesystem;

TEST_CASE("files are written whole through a temporary file and a rename", "[output]") {
  const fs::path dir =
      fs::temp_directory_path() / ("pes-output-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "out.csv").string();
  Message error;
  REQUIRE(write_file_atomically(path, "first", error));
  CHECK(test::read_file(path) == "first");
  ::chmod(path.c_str(), 0640);
  REQUIRE(write_file_atomically(path, "second", error));
  CHECK(test::read_file(path) == "second");
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);  // a replaced file keeps its permissions
  // Nothing but the file itself is left in the directory.
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);

  CHECK(same_file(path, (dir / "." / "out.csv").string()));
  CHECK_FALSE(same_file(path, (dir / "other.csv").string()));

  const std::string missing = (dir / "no-such-dir" / "out.csv").string();
  CHECK_FALSE(write_file_atomically(missing, "x", error));
  CHECK(error.en.starts_with(missing + ": cannot create a temporary file"));
  fs::remove_all(dir);
}
