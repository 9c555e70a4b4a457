#include "core/dl_library.h"

#include <dlfcn.h>
#include <fmt/format.h>

namespace pes {

DlLibrary::DlLibrary(std::string soname, Bilingual purpose)
    : soname_(std::move(soname)), purpose_(purpose) {
  // RTLD_NOW: a library that lacks what it needs fails here, not in the middle of a run.
  handle_ = dlopen(soname_.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr) fail(dlerror());
}

void* DlLibrary::symbol(const char* name) {
  if (handle_ == nullptr) return nullptr;
  dlerror();  // clear any earlier error
  void* p = dlsym(handle_, name);
  if (p == nullptr) {
    const char* why = dlerror();
    fail(why != nullptr ? why : fmt::format("{}: no function {}", soname_, name));
  }
  return p;
}

void DlLibrary::fail(std::string_view why) {
  if (!ok()) return;  // the first reason is the one to tell
  error_ = {fmt::format("the library {} is needed {} but cannot be loaded: {}", soname_,
                        purpose_.en, why),
            fmt::format("{}需要程序库 {}，但无法加载：{}", purpose_.zh, soname_, why)};
}

}  // namespace pes
