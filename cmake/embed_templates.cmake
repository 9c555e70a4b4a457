# Writes OUT, a header that holds every templates/*.toml as a string: the built-in template
# profiles (template_profile.cc). Run at build time: cmake -DDIR=... -DOUT=... -P this file.
file(GLOB files ${DIR}/*.toml)
list(SORT files)
list(LENGTH files count)
set(body "")
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  file(READ ${f} text)
  string(APPEND body "    {\"${name}\", R\"pes_toml(${text})pes_toml\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from templates/*.toml by cmake/embed_templates.cmake: do not edit.\n#pragma once\n\n#include <array>\n#include <string_view>\n#include <utility>\n\nnamespace pes {\n\ninline constexpr std::array<std::pair<std::string_view, std::string_view>, ${count}> kBuiltinTemplates = {{\n${body}}};\n\n}  // namespace pes\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
