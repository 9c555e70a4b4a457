// libFuzzer target: any bytes as CSV (any encoding).
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pes::fuzz::check_bytes(data, size, pes::Format::Csv);
  return 0;
}
