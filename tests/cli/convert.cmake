# End-to-end tests of `pes convert`: round trips through files and standard streams, the
# encodings CSV is written in, and the files it must never write.
set(dir ${WORKDIR}/convert)
file(REMOVE_RECURSE ${dir})
file(MAKE_DIRECTORY ${dir})

function(pes expected_code)
  execute_process(COMMAND ${PES} ${ARGN} WORKING_DIRECTORY ${dir}
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code STREQUAL expected_code)
    message(FATAL_ERROR "pes ${ARGN}: exit ${code}, expected ${expected_code}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(same a b)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${a} ${b} RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "${a} and ${b} differ")
  endif()
endfunction()

# Each sample: JSON → CSV → JSON gives the same bytes back; so does GBK CSV.
foreach(n 01 02 03 04 05 06 07 08 09 10 11 12)
  pes(0 convert ${SAMPLES}/form${n}.json form${n}.csv)
  pes(0 convert form${n}.csv form${n}.json)
  same(${SAMPLES}/form${n}.json ${dir}/form${n}.json)
  pes(0 convert ${SAMPLES}/form${n}.json gbk${n}.csv --encoding gbk)
  pes(0 convert gbk${n}.csv gbk${n}.json)
  same(${SAMPLES}/form${n}.json ${dir}/gbk${n}.json)
endforeach()
file(READ ${dir}/form01.csv head LIMIT 3 HEX)
if(NOT head STREQUAL "efbbbf")
  message(FATAL_ERROR "CSV written without a byte-order mark: ${head}")
endif()
file(READ ${dir}/gbk01.csv head LIMIT 4 HEX)
if(NOT head STREQUAL "d7d4c6c0")  # 自评 (of 自评表序号) in GBK
  message(FATAL_ERROR "--encoding gbk did not write GBK: ${head}")
endif()

# Standard streams: "-" in, "-" out; the input format is sniffed, the output is the other one.
execute_process(COMMAND ${PES} convert - - INPUT_FILE ${SAMPLES}/form01.json
                OUTPUT_FILE ${dir}/stdout.csv RESULT_VARIABLE code)
same(${dir}/form01.csv ${dir}/stdout.csv)
execute_process(COMMAND ${PES} convert - - INPUT_FILE ${dir}/stdout.csv
                OUTPUT_FILE ${dir}/stdout.json RESULT_VARIABLE code)
same(${SAMPLES}/form01.json ${dir}/stdout.json)
pes(0 convert form01.csv - --to csv)

# Never over the input, and nothing written for bad input, an unknown extension or JSON in GBK.
file(COPY ${SAMPLES}/form02.json DESTINATION ${dir})
pes(2 convert form02.json form02.json)
pes(2 convert form02.json ./form02.json)
same(${SAMPLES}/form02.json ${dir}/form02.json)
pes(2 convert form02.json out.txt)
# In Chinese, with a Chinese colon after the command too.
pes(2 convert form02.json out.txt --lang zh)
if(NOT err MATCHES "^pes convert：" OR err MATCHES "pes convert: ")
  message(FATAL_ERROR "unexpected message: ${err}")
endif()
pes(2 convert form02.json out.json --encoding gbk)
file(WRITE ${dir}/ragged.csv "项目名称,年度\n甲,2023,多\n")
pes(1 convert ragged.csv ragged.json --lang en)
if(NOT err MATCHES "ragged.csv:2:1: error\\[parse-error\\] line 2 has 3 cells")
  message(FATAL_ERROR "unexpected message: ${err}")
endif()
pes(1 convert ragged.csv ragged.json --lang zh)
if(NOT err MATCHES "pes convert：输入有误，未写出任何内容")
  message(FATAL_ERROR "unexpected message: ${err}")
endif()
if(EXISTS ${dir}/ragged.json OR EXISTS ${dir}/out.txt OR EXISTS ${dir}/out.json)
  message(FATAL_ERROR "a file was written for bad input")
endif()
file(GLOB leftovers ${dir}/.*pes-*)
if(leftovers)
  message(FATAL_ERROR "temporary files left: ${leftovers}")
endif()
file(REMOVE_RECURSE ${dir})
