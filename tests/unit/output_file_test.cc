#include "pes/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "pes/output_guard.h"

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

namespace {

struct Scratch {
  fs::path dir;
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "pes-output-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string operator/(const std::string& name) const { return (dir / name).string(); }
  std::size_t entries() const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
  }
};

}  // namespace

TEST_CASE("a symbolic link is followed: its target is replaced, the link stays", "[output]") {
  Scratch s;
  { std::ofstream(s / "target.sarif") << "old"; }
  fs::create_symlink("target.sarif", s / "link.sarif");
  Message error;
  REQUIRE(write_file_atomically(s / "link.sarif", "new", error));
  CHECK(fs::is_symlink(s / "link.sarif"));
  CHECK(test::read_file(s / "target.sarif") == "new");
  // A link to a name that does not exist yet creates it.
  fs::create_symlink("sub-target.json", s / "dangling.json");
  REQUIRE(write_file_atomically(s / "dangling.json", "made", error));
  CHECK(fs::is_symlink(s / "dangling.json"));
  CHECK(test::read_file(s / "sub-target.json") == "made");
  CHECK(s.entries() == 4);  // no temporary file left
  // A link that points to itself is an error, not a loop.
  fs::create_symlink("loop", s / "loop");
  CHECK_FALSE(write_file_atomically(s / "loop", "x", error));
  CHECK(error.en.find("Too many levels of symbolic links") != std::string::npos);
}

TEST_CASE("a FIFO is written through, not replaced", "[output]") {
  Scratch s;
  const std::string fifo = s / "report.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string got;
  std::thread reader([&] { got = test::read_file(fifo); });
  Message error;
  CHECK(write_file_atomically(fifo, "through the pipe", error));
  reader.join();
  CHECK(got == "through the pipe");
  struct stat st {};
  REQUIRE(::lstat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  CHECK(s.entries() == 1);
}

TEST_CASE("a device is written in place; a write error names the output", "[output]") {
  Scratch s;
  if (::geteuid() != 0) {
    WARN("not root: no private device nodes (mknod), so this test is skipped");
    return;
  }
  const std::string null = s / "null";
  const std::string full = s / "full";
  REQUIRE(::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
  REQUIRE(::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0);
  Message error;
  CHECK(write_file_atomically(null, std::string(1 << 20, 'x'), error));
  CHECK_FALSE(write_file_atomically(full, std::string(1 << 20, 'x'), error));
  CHECK(error.en == full + ": cannot write: No space left on device");
  CHECK(error.zh.starts_with(full + "：无法写入："));
  for (const std::string& dev : {null, full}) {
    struct stat st {};
    REQUIRE(::lstat(dev.c_str(), &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
  }
  CHECK(s.entries() == 2);
}

TEST_CASE("/dev/fd/N is the descriptor itself, written where it stands", "[output]") {
  Scratch s;
  const std::string path = s / "through-fd.txt";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, "before;", 7) == 7);
  Message error;
  CHECK(write_file_atomically("/dev/fd/" + std::to_string(fd), "after", error));
  ::close(fd);
  CHECK(test::read_file(path) == "before;after");
  CHECK(s.entries() == 1);
  CHECK_FALSE(write_file_atomically("/dev/fd/987", "x", error));
  CHECK(error.en == "/dev/fd/987: cannot write: Bad file descriptor");
}

TEST_CASE("an output is never an input, under any of its names", "[output]") {
  Scratch s;
  { std::ofstream(s / "a.json") << "{}"; }
  fs::create_symlink("a.json", s / "link.json");
  fs::create_hard_link(s / "a.json", s / "hard.json");
  OutputGuard guard;
  guard.add(s / "link.json");
  guard.add(s / "new.json");  // does not exist: cannot be an input
  Message error;
  CHECK_FALSE(guard.check(s / "a.json", error));
  CHECK(error.en == s / "link.json" + " is the input file " + s / "a.json" +
                        " (the same file under another name); pes never writes over its input");
  CHECK_FALSE(guard.check(s / "hard.json", error));
  CHECK(guard.check(s / "other.json", error));
  OutputGuard same;
  same.add(s / "a.json");
  CHECK_FALSE(same.check(s / "a.json", error));
  CHECK(error.en == s / "a.json" + " is an input of this run; pes never writes over its input");
}
