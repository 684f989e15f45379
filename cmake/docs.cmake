# Writes into OUT the man page (flowlint.1.gz) and the shell completions
# (flowlint.bash, _flowlint, flowlint.fish) that FLOWLINT, the built
# binary, prints from its command and option tables, and the JSON Schema
# of the flow language (flow.schema.json) it prints from its built-in
# action catalog.  Run with cmake -P.
function(capture file)
  execute_process(COMMAND ${FLOWLINT} ${ARGN} OUTPUT_FILE ${OUT}/${file}
    RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "flowlint ${ARGN} failed: ${failed}")
  endif()
endfunction()

file(MAKE_DIRECTORY ${OUT})
capture(flowlint.1 man)
capture(flowlint.bash completions bash)
capture(_flowlint completions zsh)
capture(flowlint.fish completions fish)
capture(flow.schema.json schema --builtin)
execute_process(COMMAND gzip -9nf ${OUT}/flowlint.1 RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "gzip failed: ${failed}")
endif()
