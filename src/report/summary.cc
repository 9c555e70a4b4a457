#include "pes/report.h"

namespace pes {

void Summary::add(const FileResult& file) {
  ++files;
  if (!file.opened) {
    ++unreadable;
    return;
  }
  forms += file.forms.size();
  errors += file.count(Severity::Error);
  warnings += file.count(Severity::Warning);
  infos += file.count(Severity::Info);
}

std::string_view pes_version() { return PES_VERSION; }

}  // namespace pes
