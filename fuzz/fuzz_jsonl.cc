// libFuzzer target: any bytes as JSON Lines.
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pes::fuzz::check_bytes(data, size, pes::Format::JsonLines);
  return 0;
}
