// libFuzzer target: any bytes as pes/1 JSON.
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pes::fuzz::check_bytes(data, size, pes::Format::Json);
  return 0;
}
