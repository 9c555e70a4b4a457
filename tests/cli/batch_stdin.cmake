# pes batch - reads JSON Lines from standard input: two forms, one broken line placed on line 2.
execute_process(COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 ${PES} batch --lang en --no-progress -j 2 -
                INPUT_FILE ${INPUT}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
foreach(want "1 file (0 unreadable, 1 not well-formed, with 1 bad line of JSON Lines), 2 forms" "rate-mismatch  " "parse-error  ")
  string(FIND "${out}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "stdout lacks \"${want}\":\n${out}")
  endif()
endforeach()
string(FIND "${err}" "<stdin>:2:" at)
if(at EQUAL -1)
  message(FATAL_ERROR "stderr does not place the broken line:\n${err}")
endif()
if(NOT code EQUAL 1)
  message(FATAL_ERROR "exit code ${code}, expected 1")
endif()
