// libFuzzer target: any bytes as the printed table layout as tab-separated text.
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pes::fuzz::check_bytes(data, size, pes::Format::Tsv);
  return 0;
}
