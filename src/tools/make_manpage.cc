// Writes pes(1): the template man/pes.1.in with the version and a RULES section generated from
// the rule table, so the man page lists exactly the rules pes has.
// usage: make_manpage TEMPLATE OUTPUT
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "pes/report.h"
#include "pes/rules.h"

namespace {

// Text safe in roff: backslashes doubled, hyphens as \-, no control word at a line's start.
std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::string rules_section() {
  std::string out;
  for (const pes::Rule& r : pes::rules()) {
    out += ".TP\n.B " + roff(r.name) + "\n(" + std::string(pes::group_name(r.group)) + ", " +
           std::string(pes::severity_name(r.severity)) + (r.enabled ? "" : ", off by default") +
           ") " + roff(r.summary.en) + "\n.br\n" + roff(r.summary.zh) + "\n";
  }
  return out;
}

void replace(std::string& text, std::string_view key, const std::string& value) {
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_manpage TEMPLATE OUTPUT\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "make_manpage: cannot read " << argv[1] << '\n';
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string page = ss.str();
  replace(page, "@VERSION@", std::string(pes::pes_version()));
  replace(page, "@RULES@\n", rules_section());
  std::ofstream out(argv[2], std::ios::binary);
  out << page;
  if (!out) {
    std::cerr << "make_manpage: cannot write " << argv[2] << '\n';
    return 2;
  }
  return 0;
}
