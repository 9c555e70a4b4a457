# pes_soname(<var> <module>): the SONAME of the shared library that pkg-config found for
# <module> (pkg_check_modules(<module> ...) before), as `objdump -p` reads it from the file.
# pes opens such libraries with dlopen() by this name the first time they are needed
# (src/core/dl_library.h), so they are not loaded by every run of the program.
function(pes_soname var module)
  set(library "")
  foreach(candidate IN LISTS ${module}_LINK_LIBRARIES)
    if(candidate MATCHES "\\.so(\\.|$)")
      set(library ${candidate})
      break()
    endif()
  endforeach()
  if(NOT library)
    message(FATAL_ERROR "pkg-config module ${module} names no shared library "
                        "(${${module}_LINK_LIBRARIES}); pes loads it at run time by its SONAME")
  endif()
  set(objdump ${CMAKE_OBJDUMP})  # set by CMake for GCC and Clang (objdump, llvm-objdump)
  if(NOT objdump)
    find_program(PES_OBJDUMP NAMES objdump llvm-objdump)
    set(objdump ${PES_OBJDUMP})
  endif()
  if(NOT objdump)
    message(FATAL_ERROR "objdump (binutils) is needed to read the SONAME of ${library}")
  endif()
  execute_process(COMMAND ${objdump} -p ${library} OUTPUT_VARIABLE dump
                  RESULT_VARIABLE failed ERROR_QUIET)
  if(failed OR NOT dump MATCHES "SONAME[ \t]+([^ \t\r\n]+)")
    message(FATAL_ERROR "cannot read the SONAME of ${library} with ${objdump}")
  endif()
  message(STATUS "${module}: ${library}, loaded at run time as ${CMAKE_MATCH_1}")
  set(${var} ${CMAKE_MATCH_1} PARENT_SCOPE)
endfunction()
