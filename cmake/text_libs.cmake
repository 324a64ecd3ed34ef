# Win-Win Explorer: the core's Unicode and stemming libraries, compiled from the same
# sources natively and for WebAssembly (included by the root CMakeLists before wwe_core).
# emsdk-setup.sh fetches them from Debian's source packages into .cache; they are never
# copied into the repository.
#
# Targets
#   wwe_utf8proc   utf8proc 2.8.0 (Debian source package `utf8proc`, MIT licence): Unicode
#                  general categories, case folding, compatibility and canonical
#                  (de)composition, used by core/text.cpp.
#   wwe_stemmer    Snowball 2.2.0's libstemmer (Debian source package `snowball`, BSD
#                  licence), its UTF-8 stemmers for 29 languages, whose C sources Snowball's
#                  compiler generated from the .sbl algorithms during emsdk-setup.sh.
#
# Both are third-party C: compiled without our warnings (-w), their headers SYSTEM.

set(WWE_UTF8PROC_DIR "${CMAKE_SOURCE_DIR}/.cache/utf8proc-2.8.0" CACHE PATH
    "utf8proc 2.8.0 sources (emsdk-setup.sh puts them here)")
set(WWE_SNOWBALL_DIR "${CMAKE_SOURCE_DIR}/.cache/snowball-2.2.0" CACHE PATH
    "Snowball 2.2.0 libstemmer sources, generated (emsdk-setup.sh puts them here)")
foreach(probe IN ITEMS "${WWE_UTF8PROC_DIR}/utf8proc.c" "${WWE_SNOWBALL_DIR}/libstemmer/libstemmer_utf8.c")
  if(NOT EXISTS "${probe}")
    message(FATAL_ERROR "No ${probe} (./emsdk-setup.sh fetches utf8proc and Snowball's libstemmer)")
  endif()
endforeach()

# utf8proc.c includes utf8proc_data.c (the Unicode tables) itself.
add_library(wwe_utf8proc STATIC "${WWE_UTF8PROC_DIR}/utf8proc.c")
target_include_directories(wwe_utf8proc SYSTEM PUBLIC "${WWE_UTF8PROC_DIR}")
target_compile_definitions(wwe_utf8proc PUBLIC UTF8PROC_STATIC)
target_compile_options(wwe_utf8proc PRIVATE -w)
set_target_properties(wwe_utf8proc PROPERTIES POSITION_INDEPENDENT_CODE ON)

file(GLOB WWE_SNOWBALL_STEMMERS "${WWE_SNOWBALL_DIR}/src_c/stem_UTF_8_*.c")
add_library(wwe_stemmer STATIC
  "${WWE_SNOWBALL_DIR}/libstemmer/libstemmer_utf8.c"
  "${WWE_SNOWBALL_DIR}/runtime/api.c"
  "${WWE_SNOWBALL_DIR}/runtime/utilities.c"
  ${WWE_SNOWBALL_STEMMERS})
target_include_directories(wwe_stemmer SYSTEM PUBLIC "${WWE_SNOWBALL_DIR}/include")
target_compile_options(wwe_stemmer PRIVATE -w)
set_target_properties(wwe_stemmer PROPERTIES POSITION_INDEPENDENT_CODE ON)
if(EMSCRIPTEN)
  # Small tables and string code, called per distinct word at load time: size over speed.
  target_compile_options(wwe_utf8proc PRIVATE -O2)
  target_compile_options(wwe_stemmer PRIVATE -Os)
endif()
