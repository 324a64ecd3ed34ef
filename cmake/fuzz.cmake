# libFuzzer targets (tests/fuzz/), built by the `fuzz` preset: clang with libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer (CMAKE_CXX_FLAGS of the preset instrument
# the core too). docs/fuzzing.md says how to run them.
#
#   fuzz_load          an article file: load, validate, index, query
#   fuzz_deep_link     a URL fragment into a view state, and back
#   fuzz_view_state    a view state from JSON, and back
#   fuzz_query         the query parser, search, hit spans, snippets
#   fuzz_embed         the embed options from the URL query, and back
#   fuzz_host_message  the host page's postMessage handler
#   fuzz_open          the run-time loader (intent::OpenArticle): a .json, .txt or .md file
#                      opened over the fixture, which stays when the file is refused
#   fuzz_import        the plain-text and Markdown import, the corpus of the result, its
#                      key terms accepted as concepts
#
# CTest: fuzz/<target>/regressions runs each committed crash input
# (tests/fuzz/regressions/<target>/) once; fuzz/<target>/smoke fuzzes from the seeds for
# WWE_FUZZ_SMOKE_SECONDS.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "WWE_BUILD_FUZZ needs clang (libFuzzer): use the `fuzz` preset")
endif()
set(WWE_FUZZ_SMOKE_SECONDS 8 CACHE STRING "Seconds each fuzz target runs in its CTest smoke run")
set(WWE_FUZZ_TARGETS load deep_link view_state query embed host_message open import)
foreach(name IN LISTS WWE_FUZZ_TARGETS)
  add_executable(fuzz_${name} tests/fuzz/fuzz_${name}.cpp)
  target_include_directories(fuzz_${name} PRIVATE src tests/fuzz)
  target_link_libraries(fuzz_${name} PRIVATE wwe_core wwe_warnings)
  target_compile_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  target_compile_definitions(fuzz_${name} PRIVATE WWE_FUZZ_ARTICLE="${CMAKE_SOURCE_DIR}/tests/data/mini.json")
  set_target_properties(fuzz_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
  add_test(NAME fuzz/${name}/regressions
    COMMAND "${CMAKE_SOURCE_DIR}/tests/fuzz/run.sh" regressions "$<TARGET_FILE:fuzz_${name}>" ${name}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  add_test(NAME fuzz/${name}/smoke
    COMMAND "${CMAKE_SOURCE_DIR}/tests/fuzz/run.sh" smoke "$<TARGET_FILE:fuzz_${name}>" ${name}
            ${WWE_FUZZ_SMOKE_SECONDS}
    WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
  set_tests_properties(fuzz/${name}/smoke PROPERTIES TIMEOUT 120)
endforeach()
