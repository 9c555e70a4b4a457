// libFuzzer target: any bytes as a saved web page (.html) in the printed table layout.
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pes::fuzz::check_bytes(data, size, pes::Format::Html);
  return 0;
}
