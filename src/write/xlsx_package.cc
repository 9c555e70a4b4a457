#include "write/xlsx_package.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "core/cell_ref.h"
#include "core/dl_zip.h"

namespace pes {
namespace {

// A part larger than this is refused rather than unpacked into memory.
constexpr zip_uint64_t kMaxPart = 512u << 20;

// Everything kept as written: white space, line ends (no normalisation), the declaration.
constexpr unsigned kParse = pugi::parse_full & ~pugi::parse_eol;

}  // namespace

struct XlsxPackage::Impl {
  zip_source_t* source = nullptr;
  zip_t* zip = nullptr;
  std::map<std::string, std::string> written;
};

XlsxPackage::XlsxPackage() : impl_(std::make_unique<Impl>()) {}

XlsxPackage::~XlsxPackage() {
  // Both are set only once libzip is loaded.
  if (impl_->zip != nullptr) libzip().zip_discard(impl_->zip);
  if (impl_->source != nullptr) libzip().zip_source_free(impl_->source);
}

bool XlsxPackage::open(std::string_view bytes, std::string& error) {
  const Libzip& z = libzip();
  if (!z.ok()) {
    error = z.error().en;
    return false;
  }
  zip_error_t err;
  z.zip_error_init(&err);
  impl_->source = z.zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (impl_->source != nullptr) {
    z.zip_source_keep(impl_->source);  // ours to free, and to read the new package from
    impl_->zip = z.zip_open_from_source(impl_->source, 0, &err);
  }
  if (impl_->zip == nullptr) {
    error = fmt::format("not a readable .xlsx workbook ({})", z.zip_error_strerror(&err));
    z.zip_error_fini(&err);
    return false;
  }
  z.zip_error_fini(&err);
  return true;
}

bool XlsxPackage::has(const std::string& part) const {
  return impl_->written.count(part) > 0 ||
         libzip().zip_name_locate(impl_->zip, part.c_str(), 0) >= 0;
}

std::vector<std::string> XlsxPackage::parts() const {
  const Libzip& z = libzip();
  std::vector<std::string> names;
  const zip_int64_t n = z.zip_get_num_entries(impl_->zip, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    if (const char* name = z.zip_get_name(impl_->zip, static_cast<zip_uint64_t>(i), 0)) {
      names.emplace_back(name);
    }
  }
  return names;
}

std::optional<std::string> XlsxPackage::read(const std::string& part, std::string& error) const {
  if (const auto it = impl_->written.find(part); it != impl_->written.end()) return it->second;
  const Libzip& z = libzip();
  zip_stat_t st;
  z.zip_stat_init(&st);
  if (z.zip_stat(impl_->zip, part.c_str(), 0, &st) != 0) return std::nullopt;
  if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > kMaxPart) {
    error = fmt::format("{} in the workbook is too large", part);
    return std::nullopt;
  }
  std::string data(static_cast<std::size_t>(st.size), '\0');
  zip_file_t* f = z.zip_fopen(impl_->zip, part.c_str(), 0);
  const zip_int64_t got = f != nullptr ? z.zip_fread(f, data.data(), st.size) : -1;
  if (f != nullptr) z.zip_fclose(f);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
    error = fmt::format("{} in the workbook cannot be unpacked", part);
    return std::nullopt;
  }
  return data;
}

bool XlsxPackage::read_xml(const std::string& part, pugi::xml_document& doc,
                           std::string& error) const {
  const std::optional<std::string> data = read(part, error);
  if (!data) {
    if (error.empty()) error = fmt::format("the workbook has no {}", part);
    return false;
  }
  const pugi::xml_parse_result r = doc.load_buffer(data->data(), data->size(), kParse);
  if (!r) {
    error = fmt::format("{} in the workbook is not well-formed XML: {} at byte {}", part,
                        r.description(), r.offset);
    return false;
  }
  return true;
}

void XlsxPackage::write(const std::string& part, std::string data) {
  impl_->written[part] = std::move(data);
}

void XlsxPackage::write_xml(const std::string& part, const pugi::xml_document& doc) {
  std::ostringstream out;
  unsigned flags = pugi::format_raw;
  // A document read with its declaration writes it back; a new one gets the usual one.
  bool declared = false;
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    declared = declared || n.type() == pugi::node_declaration;
  }
  if (declared) {
    flags |= pugi::format_no_declaration;
  } else {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
    flags |= pugi::format_no_declaration;
  }
  doc.save(out, "", flags, pugi::encoding_utf8);
  write(part, out.str());
}

std::string XlsxPackage::free_name(std::string_view stem, std::string_view ext) const {
  for (int n = 1;; ++n) {
    std::string name = fmt::format("{}{}.{}", stem, n, ext);
    if (!has(name)) return name;
  }
}

bool XlsxPackage::save(std::string& out, std::string& error) {
  const Libzip& z = libzip();
  for (const auto& [part, data] : impl_->written) {
    zip_source_t* src = z.zip_source_buffer(impl_->zip, data.data(), data.size(), 0);
    const zip_int64_t index = z.zip_name_locate(impl_->zip, part.c_str(), 0);
    const bool ok =
        src != nullptr &&
        (index >= 0 ? z.zip_file_replace(impl_->zip, static_cast<zip_uint64_t>(index), src, 0) == 0
                    : z.zip_file_add(impl_->zip, part.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
    if (!ok) {
      if (src != nullptr) z.zip_source_free(src);
      error = fmt::format("cannot add {} to the workbook: {}", part, z.zip_strerror(impl_->zip));
      return false;
    }
  }
  if (z.zip_close(impl_->zip) != 0) {
    error = fmt::format("cannot write the workbook: {}", z.zip_strerror(impl_->zip));
    return false;
  }
  impl_->zip = nullptr;
  zip_stat_t st;
  z.zip_stat_init(&st);
  if (z.zip_source_stat(impl_->source, &st) != 0 || z.zip_source_open(impl_->source) != 0) {
    error = "cannot read the new workbook back";
    return false;
  }
  out.assign(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t got = z.zip_source_read(impl_->source, out.data(), st.size);
  z.zip_source_close(impl_->source);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
    error = "cannot read the new workbook back";
    return false;
  }
  return true;
}

std::string_view xml_local(const char* name) {
  std::string_view s(name);
  const auto colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node xml_child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && xml_local(c.name()) == name) return c;
  }
  return {};
}

bool WorkbookParts::load(const XlsxPackage& pkg, std::string& error) {
  constexpr std::string_view kOfficeDocument =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
  PackageRels root;
  if (!root.load(pkg, "_rels/.rels", error)) return false;
  if (pugi::xml_node r = root.find(kOfficeDocument)) {
    workbook = resolve_target("", r.attribute("Target").value());
  }
  pugi::xml_document book;
  if (!pkg.read_xml(workbook, book, error) || !rels.load(pkg, rels_part(workbook), error)) {
    return false;
  }
  for (pugi::xml_node s : xml_child(xml_child(book, "workbook"), "sheets").children()) {
    for (pugi::xml_attribute a : s.attributes()) {
      if (!std::string_view(a.name()).ends_with(":id")) continue;
      if (pugi::xml_node rel = rels.by_id(a.value())) {
        sheets[s.attribute("name").value()] =
            resolve_target(workbook, rel.attribute("Target").value());
      }
    }
  }
  return true;
}

std::pair<std::uint32_t, std::uint32_t> xlsx_merge_top(pugi::xml_node ws, std::uint32_t row,
                                                       std::uint32_t col) {
  for (pugi::xml_node m : xml_child(ws, "mergeCells").children()) {
    CellRange range;
    if (parse_cell_range(m.attribute("ref").value(), range) && range.contains(row, col)) {
      return {range.top, range.left};
    }
  }
  return {row, col};
}

std::string xml_name_like(pugi::xml_node sibling, std::string_view local) {
  const std::string_view name = sibling.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? std::string(local)
                                         : fmt::format("{}:{}", name.substr(0, colon), local);
}

std::size_t xml_count(pugi::xml_node list, std::string_view local) {
  std::size_t n = 0;
  for (pugi::xml_node c : list.children()) {
    n += c.type() == pugi::node_element && xml_local(c.name()) == local ? 1 : 0;
  }
  return n;
}

void xml_recount(pugi::xml_node list, std::string_view local) {
  if (pugi::xml_attribute count = list.attribute("count")) {
    count.set_value(static_cast<unsigned long long>(xml_count(list, local)));
  }
}

pugi::xml_node xml_insert_before_any(pugi::xml_node parent, const std::string& name,
                                     std::span<const std::string_view> before) {
  for (pugi::xml_node c : parent.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::find(before.begin(), before.end(), xml_local(c.name())) != before.end()) {
      return parent.insert_child_before(name.c_str(), c);
    }
  }
  return parent.append_child(name.c_str());
}

bool PackageRels::load(const XlsxPackage& pkg, const std::string& part, std::string& error) {
  if (!pkg.has(part)) {
    root_ = doc_.append_child("Relationships");
    root_.append_attribute("xmlns") =
        "http://schemas.openxmlformats.org/package/2006/relationships";
    return true;
  }
  if (!pkg.read_xml(part, doc_, error)) return false;
  root_ = xml_child(doc_, "Relationships");
  if (!root_) error = fmt::format("{} in the workbook holds no relationships", part);
  return static_cast<bool>(root_);
}

pugi::xml_node PackageRels::find(std::string_view type) const {
  for (pugi::xml_node r : root_.children()) {
    if (r.type() == pugi::node_element && r.attribute("Type").value() == type) return r;
  }
  return {};
}

pugi::xml_node PackageRels::by_id(std::string_view id) const {
  for (pugi::xml_node r : root_.children()) {
    if (r.type() == pugi::node_element && r.attribute("Id").value() == id) return r;
  }
  return {};
}

std::string PackageRels::add(std::string_view type, std::string_view target) {
  std::string id;
  for (std::size_t n = xml_count(root_, "Relationship") + 1;; ++n) {
    id = fmt::format("rId{}", n);
    if (!by_id(id)) break;
  }
  pugi::xml_node r = root_.append_child(xml_name_like(root_, "Relationship").c_str());
  r.append_attribute("Id") = id.c_str();
  r.append_attribute("Type") = std::string(type).c_str();
  r.append_attribute("Target") = std::string(target).c_str();
  return id;
}

void add_content_override(pugi::xml_document& types, const std::string& part,
                          std::string_view content) {
  pugi::xml_node root = xml_child(types, "Types");
  for (pugi::xml_node o : root.children()) {
    if (xml_local(o.name()) == "Override" && o.attribute("PartName").value() == part) return;
  }
  pugi::xml_node o = root.append_child(xml_name_like(root, "Override").c_str());
  o.append_attribute("PartName") = part.c_str();
  o.append_attribute("ContentType") = std::string(content).c_str();
}

void add_content_default(pugi::xml_document& types, std::string_view ext,
                         std::string_view content) {
  pugi::xml_node root = xml_child(types, "Types");
  for (pugi::xml_node d : root.children()) {
    if (xml_local(d.name()) != "Default") continue;
    std::string e = d.attribute("Extension").value();
    for (char& ch : e) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if (e == ext) return;
  }
  // Defaults come before Overrides.
  pugi::xml_node first_override;
  for (pugi::xml_node o : root.children()) {
    if (xml_local(o.name()) == "Override") {
      first_override = o;
      break;
    }
  }
  const std::string name = xml_name_like(root, "Default");
  pugi::xml_node d = first_override ? root.insert_child_before(name.c_str(), first_override)
                                    : root.append_child(name.c_str());
  d.append_attribute("Extension") = std::string(ext).c_str();
  d.append_attribute("ContentType") = std::string(content).c_str();
}

std::string resolve_target(std::string_view from_part, std::string_view target) {
  if (target.starts_with("/")) return std::string(target.substr(1));
  const auto slash = from_part.rfind('/');
  std::string dir = slash == std::string_view::npos ? "" : std::string(from_part.substr(0, slash));
  while (target.starts_with("../")) {
    target.remove_prefix(3);
    const auto up = dir.rfind('/');
    dir = up == std::string::npos ? "" : dir.substr(0, up);
  }
  if (target.starts_with("./")) target.remove_prefix(2);
  return dir.empty() ? std::string(target) : fmt::format("{}/{}", dir, target);
}

std::string rels_part(std::string_view part) {
  const auto slash = part.rfind('/');
  const std::string_view dir = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
  const std::string_view name = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return fmt::format("{}_rels/{}.rels", dir, name);
}

}  // namespace pes
