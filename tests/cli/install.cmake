# Installs into PREFIX and checks what lands where.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX}
                RESULT_VARIABLE code OUTPUT_QUIET)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()
foreach(f bin/pes share/man/man1/pes.1 share/bash-completion/completions/pes
          share/zsh/vendor-completions/_pes)
  if(NOT EXISTS ${PREFIX}/${f})
    message(FATAL_ERROR "cmake --install did not install ${f}")
  endif()
endforeach()

# The man page lists every rule the binary has.
file(READ ${PREFIX}/share/man/man1/pes.1 page)
execute_process(COMMAND ${PES} rule --list --lang en OUTPUT_VARIABLE list)
string(REPLACE "\n" ";" lines "${list}")
foreach(line ${lines})
  string(REGEX MATCH "^[a-z0-9-]+" name "${line}")
  if(name)
    string(REPLACE "-" "\\-" roff_name "${name}")
    string(FIND "${page}" ".B ${roff_name}\n" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "the man page does not list the rule ${name}")
    endif()
  endif()
endforeach()
if(page MATCHES "@[A-Z]+@")
  message(FATAL_ERROR "the man page has an unreplaced placeholder")
endif()

# The bash completion completes rule names from `pes rule --list` (with a minimal stand-in
# for bash-completion's _init_completion, which may not be installed).
find_program(BASH bash)
if(BASH)
  set(script "
_init_completion() { cur=\${COMP_WORDS[COMP_CWORD]}; prev=\${COMP_WORDS[COMP_CWORD-1]}; words=(\"\${COMP_WORDS[@]}\"); cword=$COMP_CWORD; }
source ${PREFIX}/share/bash-completion/completions/pes
COMP_WORDS=(${PES} check --select rate-m); COMP_CWORD=3; _pes; echo \"\${COMPREPLY[*]}\"
COMP_WORDS=(${PES} check --output sa); COMP_CWORD=3; _pes; echo \"\${COMPREPLY[*]}\"
COMP_WORDS=(${PES} ru); COMP_CWORD=1; _pes; echo \"\${COMPREPLY[*]}\"
")
  execute_process(COMMAND ${BASH} -c "${script}" OUTPUT_VARIABLE out RESULT_VARIABLE code)
  if(NOT out STREQUAL "rate-mismatch\nsarif sarif:\nrule\n")
    message(FATAL_ERROR "bash completion gave:\n${out}")
  endif()
endif()
file(REMOVE_RECURSE ${PREFIX})
