// simdjson_walk PATH...: the floor pes batch is measured against. Reads the same .json and
// .jsonl files pes batch would (directories walked recursively, sorted) and walks each with
// simdjson's On-Demand API, touching every value: every key, every string unescaped, every
// number's text, every literal. It checks nothing. One thread; the read buffer and the parser
// are reused from file to file, as pes reuses its own, and JSON Lines are read in blocks.
//
// It prints what it touched, so no work can be left out: files, documents (a JSON file or a
// JSON Lines line), documents that are not well-formed, values, and the bytes of the strings
// and numbers it touched.
#include <fcntl.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace od = simdjson::ondemand;

struct Counts {
  std::uint64_t files = 0;
  std::uint64_t documents = 0;
  std::uint64_t broken = 0;
  std::uint64_t values = 0;
  std::uint64_t bytes = 0;
};

void walk(od::value v, Counts& c) {
  ++c.values;
  switch (v.type()) {
    case od::json_type::object:
      for (od::field f : v.get_object()) {
        c.bytes += f.unescaped_key().value().size();
        walk(f.value(), c);
      }
      break;
    case od::json_type::array:
      for (od::value e : v.get_array()) walk(e, c);
      break;
    case od::json_type::string:
      c.bytes += v.get_string().value().size();
      break;
    case od::json_type::number:
      c.bytes += v.raw_json_token().size();
      break;
    case od::json_type::boolean:
      c.bytes += v.get_bool() ? 1 : 0;
      break;
    case od::json_type::null:
      c.bytes += v.is_null() ? 0 : 1;
      break;
  }
}

// One document: text[0, size) with at least `capacity` readable bytes (simdjson's padding).
void walk_document(od::parser& parser, const char* text, std::size_t size, std::size_t capacity,
                   Counts& c) {
  ++c.documents;
  try {
    od::document doc = parser.iterate(simdjson::padded_string_view(text, size, capacity));
    walk(doc.get_value(), c);
  } catch (const simdjson::simdjson_error&) {
    ++c.broken;
  }
}

// Walks every line of text[0, size) that is not blank; `capacity` bytes are readable.
void walk_lines(od::parser& parser, const char* text, std::size_t size, std::size_t capacity,
                Counts& c) {
  for (std::size_t pos = 0; pos < size;) {
    const void* nl = std::memchr(text + pos, '\n', size - pos);
    const std::size_t end =
        nl == nullptr ? size : static_cast<std::size_t>(static_cast<const char*>(nl) - text);
    const std::string_view line(text + pos, end - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      walk_document(parser, text + pos, end - pos, capacity - pos, c);
    }
    pos = end + 1;
  }
}

// Reads into buffer[size, ...) until it holds `want` bytes or the file ends; keeps the padding
// after the bytes zeroed. Returns false on a read error.
bool fill(int fd, std::string& buffer, std::size_t& size, std::size_t want, bool& eof) {
  if (buffer.size() < want + simdjson::SIMDJSON_PADDING) {
    buffer.resize(want + simdjson::SIMDJSON_PADDING);
  }
  while (size < want) {
    const ssize_t n = ::read(fd, buffer.data() + size, want - size);
    if (n < 0) return false;
    if (n == 0) {
      eof = true;
      break;
    }
    size += static_cast<std::size_t>(n);
  }
  std::memset(buffer.data() + size, 0, simdjson::SIMDJSON_PADDING);
  return true;
}

// A JSON file is read whole into the reused buffer (sized once from fstat); a JSON Lines file
// in blocks of whole lines, as pes batch reads it, so memory stays flat.
void walk_file(const std::string& path, od::parser& parser, std::string& buffer, Counts& c) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    std::fprintf(stderr, "simdjson_walk: cannot read %s\n", path.c_str());
    if (fd >= 0) ::close(fd);
    return;
  }
  ++c.files;
  bool eof = false;
  std::size_t size = 0;
  bool ok = true;
  if (!path.ends_with(".jsonl") && !path.ends_with(".ndjson")) {
    ok = fill(fd, buffer, size, static_cast<std::size_t>(st.st_size), eof);
    if (ok) walk_document(parser, buffer.data(), size, size + simdjson::SIMDJSON_PADDING, c);
  } else {
    constexpr std::size_t kBlock = 1 << 20;
    while (ok && !eof) {
      ok = fill(fd, buffer, size, std::max(kBlock, size + kBlock / 4), eof);
      const std::string_view text(buffer.data(), size);
      const std::size_t cut = eof ? size : text.rfind('\n') + 1;  // 0 when no newline yet
      walk_lines(parser, buffer.data(), cut, buffer.size(), c);
      std::memmove(buffer.data(), buffer.data() + cut, size - cut);
      size -= cut;
    }
  }
  if (!ok) std::fprintf(stderr, "simdjson_walk: cannot read %s\n", path.c_str());
  ::close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path p(argv[i]);
    if (!std::filesystem::is_directory(p)) {
      files.push_back(p.string());
      continue;
    }
    for (const auto& e : std::filesystem::recursive_directory_iterator(p)) {
      const std::string name = e.path().string();
      if (e.is_regular_file() &&
          (name.ends_with(".json") || name.ends_with(".jsonl") || name.ends_with(".ndjson"))) {
        files.push_back(name);
      }
    }
  }
  std::sort(files.begin(), files.end());
  od::parser parser;
  std::string buffer;
  Counts c;
  for (const std::string& f : files) walk_file(f, parser, buffer, c);
  std::printf("%llu files, %llu documents (%llu not well-formed), %llu values, %llu bytes\n",
              static_cast<unsigned long long>(c.files),
              static_cast<unsigned long long>(c.documents),
              static_cast<unsigned long long>(c.broken), static_cast<unsigned long long>(c.values),
              static_cast<unsigned long long>(c.bytes));
  return 0;
}
