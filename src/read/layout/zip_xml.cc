#include "zip_xml.h"

#include <fmt/format.h>

namespace pes::layout {

std::string_view local_name(const char* name) {
  std::string_view s(name);
  const auto colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child_named(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children()) {
    if (local_name(c.name()) == name) return c;
  }
  return {};
}

bool XmlPackage::fail(std::string en, std::string zh) {
  error_en_ = std::move(en);
  error_zh_ = std::move(zh);
  return false;
}

bool XmlPackage::open(std::string_view bytes) {
  const Libzip& z = libzip();
  if (!z.ok()) return fail(z.error().en, z.error().zh);
  zip_error_t err;
  z.zip_error_init(&err);
  zip_source_t* src = z.zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src != nullptr) {
    zip_.reset(z.zip_open_from_source(src, ZIP_RDONLY, &err));
    if (!zip_) z.zip_source_free(src);
  }
  if (!zip_) {
    const std::string why = z.zip_error_strerror(&err);
    z.zip_error_fini(&err);
    return fail(
        fmt::format("not a readable {} (the zip container is broken: {})", kind_.what_en, why),
        fmt::format("不是可读取的 {}（zip 容器已损坏：{}）", kind_.what_zh, why));
  }
  z.zip_error_fini(&err);
  return true;
}

bool XmlPackage::xml(const std::string& name, pugi::xml_document& doc, bool required) {
  const Libzip& z = libzip();
  zip_stat_t st;
  z.zip_stat_init(&st);
  if (z.zip_stat(zip_.get(), name.c_str(), 0, &st) != 0) {
    if (!required) return false;
    return fail(fmt::format("not a readable {}: it has no {}", kind_.what_en, name),
                fmt::format("不是可读取的 {}：缺少 {}", kind_.what_zh, name));
  }
  if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > kMaxEntry) {
    return fail(fmt::format("{} in {} is too large to be a form", name, kind_.in_en),
                fmt::format("{}中的 {} 过大，不像自评表", kind_.in_zh, name));
  }
  std::string data(static_cast<std::size_t>(st.size), '\0');
  zip_file_t* f = z.zip_fopen(zip_.get(), name.c_str(), 0);
  const zip_int64_t got = f ? z.zip_fread(f, data.data(), st.size) : -1;
  if (f) z.zip_fclose(f);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
    return fail(fmt::format("{} in {} cannot be unpacked", name, kind_.in_en),
                fmt::format("无法解压{}中的 {}", kind_.in_zh, name));
  }
  const pugi::xml_parse_result r = doc.load_buffer(data.data(), data.size());
  if (!r) {
    return fail(fmt::format("{} in {} is not well-formed XML: {} at byte {}", name, kind_.in_en,
                            r.description(), r.offset),
                fmt::format("{}中的 {} 不是格式正确的 XML：{}（第 {} 字节）", kind_.in_zh, name,
                            r.description(), r.offset));
  }
  return true;
}

}  // namespace pes::layout
