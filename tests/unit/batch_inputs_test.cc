// pes batch's inputs: the directory walk (cycles, entries that are not files, the run's own
// outputs) and JSON Lines cut into blocks at any line end.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <sstream>
#include <filesystem>
#include <fstream>

#include "pes/pipeline.h"
#include "pes/report.h"
#include "pes/summary.h"
#include "pes/tables.h"
#include "pes/output_guard.h"
#include "temp_dir.h"
#include "test_support.h"

using namespace pes;
using namespace pes::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> paths_of(const InputWalk& walk) {
  std::vector<std::string> out;
  for (const Input& in : walk.inputs) out.push_back(in.path);
  return out;
}

}  // namespace

TEST_CASE("a walk through symbolic link cycles ends and reads each file once", "[batch][walk]") {
  TempDir dir;
  dir.write("a.json", sample(1).dump());
  dir.write("sub/b.json", sample(2).dump());
  fs::create_directory_symlink("..", dir.path / "sub" / "up");
  fs::create_directory_symlink(".", dir.path / "self");
  fs::create_directory_symlink(".", dir.path / "self2");
  fs::create_symlink("a.json", dir.path / "z-again.json");
  const InputWalk walk = walk_inputs({dir.path.string()});
  CHECK(walk.skipped.empty());
  CHECK(paths_of(walk) == std::vector<std::string>{dir / "a.json", dir / "sub/b.json"});
}

TEST_CASE("entries that are not regular files are skipped, named and counted", "[batch][walk]") {
  TempDir dir;
  dir.write("a.json", sample(1).dump());
  REQUIRE(::mkfifo((dir / "pipe.json").c_str(), 0600) == 0);
  fs::create_symlink("nowhere.json", dir.path / "dangling.json");
  fs::create_symlink("loop.json", dir.path / "loop.json");
  const InputWalk walk = walk_inputs({dir.path.string()});
  CHECK(paths_of(walk) == std::vector<std::string>{dir / "a.json"});
  REQUIRE(walk.skipped.size() == 3);
  CHECK(walk.skipped[0].en == dir / "dangling.json" + ": skipped: a dangling symbolic link");
  CHECK(walk.skipped[1].en == dir / "loop.json" + ": skipped: a symbolic link that loops");
  CHECK(walk.skipped[2].en == dir / "pipe.json" + ": skipped: not a regular file (a FIFO)");
  CHECK(walk.skipped[2].zh == dir / "pipe.json" + "：已跳过：不是普通文件（命名管道）");
  // Named directly, a FIFO is an input (and is then reported as unreadable).
  const InputWalk named = walk_inputs({dir / "pipe.json"});
  CHECK(paths_of(named) == std::vector<std::string>{dir / "pipe.json"});
}

TEST_CASE("the run's own tables are skipped; an output that is a form is refused",
          "[batch][walk]") {
  TempDir dir;
  dir.write("a.json", sample(1).dump());
  dir.write("b.json", sample(2).dump());
  const std::string forms = dir.write("forms.csv", form_table_header(TableFormat::Csv) + "x\r\n");
  const std::string lines = dir.write("findings.jsonl", "{\"file\":\"a.json\",\"form\":0}\n");
  const std::string empty = dir.write("empty.csv", "");
  OutputGuard guard;
  for (const std::string& p : {forms, lines, empty}) guard.add(p);
  InputWalk walk = walk_inputs({dir.path.string()}, &guard);
  CHECK(paths_of(walk) == std::vector<std::string>{dir / "a.json", dir / "b.json"});
  REQUIRE(walk.skipped.size() == 3);
  CHECK(walk.skipped[0].en == dir / "empty.csv" + ": skipped: this run writes it (" + empty + ")");
  CHECK(walk.clashes.empty());

  guard.add(dir / "b.json");
  walk = walk_inputs({dir.path.string()}, &guard);
  REQUIRE(walk.clashes.size() == 1);
  CHECK(walk.clashes[0].en ==
        dir / "b.json" + " is an input of this run; pes never writes over its input");
  // A table named directly is an input like any other: refused too.
  walk = walk_inputs({forms}, &guard);
  CHECK(walk.inputs.empty());
  CHECK(walk.clashes.size() == 1);
  CHECK(looks_like_batch_table(forms));
  CHECK_FALSE(looks_like_batch_table(dir / "a.json"));
}

TEST_CASE("each input knows the path it came from", "[batch][walk]") {
  TempDir dir;
  dir.write("d/a.json", sample(1).dump());
  dir.write("d/b.json", sample(1).dump());
  dir.write("c.json", sample(1).dump());
  fs::create_directory(dir.path / "empty");
  const InputWalk walk = walk_inputs({dir / "c.json", dir / "empty", dir / "d", "-"});
  REQUIRE(walk.inputs.size() == 4);
  CHECK(walk.inputs[0].arg == 0);
  CHECK(walk.inputs[1].arg == 2);
  CHECK(walk.inputs[2].arg == 2);
  CHECK(walk.inputs[3].arg == 3);
}

TEST_CASE("JSON Lines cut into blocks at CR, LF or CR LF keep their line numbers",
          "[batch][jsonl]") {
  TempDir dir;
  for (const std::string end : {"\n", "\r\n", "\r"}) {
    std::string text;
    for (int i = 0; i < 30; ++i) text += sample(1 + i % 12).dump() + end + (i % 4 == 0 ? end : "");
    const std::string path = dir.write("lines.jsonl", text);
    // Blocks of every size from small to large, so that a CR LF falls across a cut.
    for (const std::size_t block : {1000u, 4096u, 4097u, 4098u, 1u << 20}) {
      INFO("block " << block << ", line end "
                    << (end == "\n"   ? "LF"
                        : end == "\r" ? "CR"
                                      : "CRLF"));
      RunConfig config;
      config.jobs = 2;
      config.block_bytes = block;
      std::ostringstream table;
      auto forms = find_reporter("forms")->make(table, {}, "rows.jsonl");
      Summary s;
      run_pipeline({{path, Format::JsonLines}}, config, [&](const FileResult& r) {
        s.add(r);
        forms->file(r);
      });
      const std::string rows = table.str();
      CHECK(s.forms == 30);
      CHECK(s.unparseable == 0);
      std::size_t pos = 0;
      int line = 1;
      for (int i = 0; i < 30; ++i) {
        const auto nl = rows.find('\n', pos);
        const auto row = nlohmann::json::parse(rows.substr(pos, nl - pos));
        CHECK(row["form"] == i + 1);  // forms are numbered from 1
        CHECK(row["line"] == line);
        line += i % 4 == 0 ? 2 : 1;
        pos = nl + 1;
      }
    }
  }
}

TEST_CASE("a JSON Lines file with NUL bytes near its start is not read on", "[batch][jsonl]") {
  TempDir dir;
  std::string text = sample(1).dump() + "\n";
  text += std::string(3 << 20, '\0');
  const std::string path = dir.write("nul.jsonl", text);
  RunConfig config;
  std::string problems;  // what pes batch names on standard error
  Summary s;
  run_pipeline({{path, Format::JsonLines}}, config, [&](const FileResult& r) {
    s.add(r);
    for (const Finding& f : r.file_findings) problems += finding_line(r.path, f, false) + "\n";
  });
  CHECK(s.files == 1);
  CHECK(s.forms == 0);
  CHECK(s.unparseable == 1);
  CHECK(problems.find("nul.jsonl:2:1: error[parse-error] a NUL byte (0x00)") != std::string::npos);
}

TEST_CASE("the format of a text whose name says nothing is told by its first bytes", "[batch]") {
  CHECK(sniff_format("{\"year\": 2023}") == Format::Json);
  CHECK(sniff_format("\xEF\xBB\xBF \n[{}]") == Format::Json);
  CHECK(sniff_format("项目名称,年度\n") == Format::Csv);
  CHECK(sniff_format("") == Format::Csv);
  // The printed table as text: a title, or tab-separated cells, with no comma on line 1.
  CHECK(sniff_format("\n项目支出绩效自评表\n(2022年度)\n项目名称\t委托业务项目,其他\n") == Format::Tsv);
  CHECK(sniff_format("项目名称\t委托业务项目\r\n") == Format::Tsv);
  CHECK(sniff_format("\xEF\xBB\xBF项目名称,年度") == Format::Csv);
  CHECK(sniff_format("2022年度项目支出绩效自评表\t\t单位:元,公开14表\n") == Format::Tsv);
  CHECK(sniff_format("\n\t\t年度资金总额:,0\n") == Format::Tsv);
  // UTF-16 with its mark: JSON when its first character is, so the JSON reader says "save it
  // as UTF-8"; a CSV stays a CSV; else the printed table, as Excel's "Unicode Text" writes it.
  using namespace std::string_view_literals;
  CHECK(sniff_format("\xFF\xFE \0\n\0{\0\"\0"sv) == Format::Json);  // little-endian
  CHECK(sniff_format("\xFE\xFF\0[\0{"sv) == Format::Json);          // big-endian
  CHECK(sniff_format("\xFF\xFE\x79\x98\xEE\x76,\0"sv) == Format::Csv);  // 项目,
  CHECK(sniff_format("\xFF\xFE{\x4E"sv) == Format::Tsv);  // U+4E7B, not "{"
  CHECK(sniff_format("\xFF\xFE\x79\x98\t\0\xEE\x76\n\0,\0"sv) == Format::Tsv);  // 项\t目\n,
  CHECK(sniff_format("\xFF\xFE\n\0"sv) == Format::Csv);  // nothing but a line end
  CHECK(sniff_format("\xFF\xFE\x79\x98\t\0\xEE\x76,\0"sv) == Format::Tsv);  // 项\t目,
  // A file read whole: its extension's format, else its text's.
  CHECK(format_of_file("a.csv", "{}") == Format::Csv);
  CHECK(format_of_file("a.dat", "项目名称\t测试") == Format::Tsv);
  CHECK(format_of_file("noext", "项目名称,年度") == Format::Csv);
  CHECK(format_of_file("<stdin>", "[{}]") == Format::Json);
  CHECK(format_of_file("-", "项目支出绩效自评表") == Format::Tsv);
  CHECK(sniff_input("{\"a\": 1}\n{\"a\": 2}\n") == Format::JsonLines);
  CHECK(sniff_input("\xFF\xFE{\0\n\0"sv) == Format::Json);
}
