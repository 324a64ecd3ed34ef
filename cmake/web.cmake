# Win-Win Explorer: the web app (Emscripten builds only; included by the root CMakeLists
# after imgui.cmake, fonts.cmake and the wwe_ui target).
#
# Targets
#   explorer_web       src/platform: the page's program, dist/explorer.js + explorer.wasm;
#                      its JS half is src/platform/library_wwe.js (--js-library).
#   explorer_single    the same linked with -sSINGLE_FILE=1 (wasm inlined), for the
#                      standalone page (with all of Snowball's stemmers).
#   stemmers_module    dist/modules/stemmers.wasm: all of Snowball's stemmers, which
#                      explorer_web fetches for an article in a language other than English.
#   web_dist (ALL)     copies the shell, the embed example, the article and the licences
#                      into dist/ and writes
#                      dist/explorer-standalone.html (tools/make_standalone.py).
#
# The article shipped (WWE_ARTICLE_JSON) and the Python that writes the standalone page
# (WWE_PYTHON) are those of fonts.cmake.

# Optimisation per part (docs/benchmarks.md, "Build flags": sizes and speeds measured for
# -Os, -O2, -O3 and -flto; -flto itself is in the web preset's CMAKE_*_FLAGS, "Size").
# The core (search, layout, loading) is where the time goes: -O3.
# Dear ImGui is most of the code but little of the time: -Os keeps dist/ small. Each is a
# list of compiler flags placed after the build type's own (the last -O wins); the link's
# (Binaryen's wasm-opt) go to explorer_web and explorer_single.
set(WWE_WEB_OPT_CORE "-O3" CACHE STRING "Web: optimisation flags of wwe_core")
set(WWE_WEB_OPT_UI "-O2" CACHE STRING "Web: optimisation flags of wwe_ui and the platform layer")
set(WWE_WEB_OPT_IMGUI "-Os" CACHE STRING "Web: optimisation flags of Dear ImGui")
set(WWE_WEB_OPT_LINK "-O3" CACHE STRING "Web: optimisation flags of the link")
target_compile_options(wwe_core PRIVATE ${WWE_WEB_OPT_CORE})
target_compile_options(wwe_ui PRIVATE ${WWE_WEB_OPT_UI})
target_compile_options(imgui PRIVATE ${WWE_WEB_OPT_IMGUI})

# The core reports JSON syntax errors through nlohmann's exceptions, and the UI catches
# exceptions too (App::load): they must stay catchable (Emscripten's default aborts on
# throw). WebAssembly's own exceptions (-fwasm-exceptions: Chromium 95, Firefox 100,
# Safari 15.2), not Emscripten's JavaScript ones (-fexceptions), which send every call that
# may throw through an invoke_* JS trampoline: the program is 18 % smaller (wasm 2,344 KB
# -> 1,925 KB, 53 KB less gzip) and its calls stay inside WebAssembly (docs/benchmarks.md,
# "Build flags"). Every object that throws or catches must use the same model.
set(WWE_WEB_EH "-fwasm-exceptions" CACHE STRING "Web: the exception model (all objects and the link)")
target_compile_options(wwe_core PRIVATE ${WWE_WEB_EH})
target_compile_options(wwe_ui PRIVATE ${WWE_WEB_EH})

#------------------------------------------------------------------------------------------
# The page's program: two links of the same objects
#------------------------------------------------------------------------------------------
add_library(wwe_platform OBJECT
  "${CMAKE_SOURCE_DIR}/src/platform/web_main.cpp"
  "${CMAKE_SOURCE_DIR}/src/platform/pointer.cpp"
  "${CMAKE_SOURCE_DIR}/src/platform/text_input.cpp"
  "${CMAKE_SOURCE_DIR}/src/platform/url_state.cpp"
  "${CMAKE_SOURCE_DIR}/src/platform/storage.cpp"
  "${CMAKE_SOURCE_DIR}/src/platform/default_font.cpp")
target_link_libraries(wwe_platform PUBLIC wwe_ui)
target_link_libraries(wwe_platform PRIVATE wwe_warnings)
target_compile_options(wwe_platform PRIVATE ${WWE_WEB_EH} ${WWE_WEB_OPT_UI})

# The JS functions the C++ calls (the C++ <-> JS protocol is listed in its header).
set(WWE_JS_LIBRARY "${CMAKE_SOURCE_DIR}/src/platform/library_wwe.js")
set(WWE_JS_MIRROR "${CMAKE_SOURCE_DIR}/src/platform/library_mirror.js")

set(WWE_WEB_EXPORTS
  "_main,_malloc,_free,_wwe_load,_wwe_load_bytes,_wwe_get_state,_wwe_set_state,_wwe_query,_wwe_export,_wwe_set_viewport,_wwe_request_frame,_wwe_highlight,_wwe_fragment,_wwe_embed,_wwe_display,_wwe_notice,_wwe_home,_wwe_memory,_wwe_text_scale,_wwe_host_message,_wwe_advance_clock,_wwe_is_idle,_wwe_announcements,_wwe_semantic_action,_wwe_semantic_focus,_wwe_semantic_key,_wwe_semantic_input,_wwe_semantic_value,_wwe_pointer,_wwe_citation,_wwe_fullscreen_changed,_wwe_notebook_add,_wwe_font_arrived,_wwe_article,_wwe_open,_wwe_open_bytes")
set(WWE_WEB_LINK_OPTIONS
  ${WWE_WEB_EH}
  -sENVIRONMENT=web
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432
  -sDYNAMIC_EXECUTION=0
  "-sEXPORTED_FUNCTIONS=[${WWE_WEB_EXPORTS}]"
  "-sEXPORTED_RUNTIME_METHODS=[UTF8ToString,stringToUTF8,lengthBytesUTF8]"
  "SHELL:--js-library \"${WWE_JS_LIBRARY}\""
  "SHELL:--js-library \"${WWE_JS_MIRROR}\""
  # Dear ImGui's default font, never used, out of the program (src/platform/default_font.cpp).
  "-Wl,--wrap=_ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig")

# Snowball for the page (docs/benchmarks.md, "Size"): explorer_web has English (and
# Porter) and asks dist/modules/stemmers.wasm, fetched only for an article in another
# language, for the rest (src/platform/stemmer_web.c, in place of libstemmer_utf8.c: its
# objects come before libwwe_stemmer.a, so only English, Porter and Snowball's runtime are
# taken from there). The standalone page (explorer_single) has them all.
add_library(wwe_stemmer_web OBJECT "${CMAKE_SOURCE_DIR}/src/platform/stemmer_web.c")
target_include_directories(wwe_stemmer_web PRIVATE "${WWE_SNOWBALL_DIR}/include" "${WWE_SNOWBALL_DIR}")
target_compile_options(wwe_stemmer_web PRIVATE -Os -Wno-unused-variable)  # modules_utf8.h's table

add_executable(stemmers_module "${CMAKE_SOURCE_DIR}/src/platform/stemmers_module.c")
target_link_libraries(stemmers_module PRIVATE wwe_stemmer)
target_link_options(stemmers_module PRIVATE --no-entry -sSTANDALONE_WASM=1 -sALLOW_MEMORY_GROWTH=1
  -sTOTAL_STACK=65536 -sINITIAL_MEMORY=1048576 -sFILESYSTEM=0
  "-sEXPORTED_FUNCTIONS=[_wwe_stemmer_new,_wwe_stemmer_stem,_sb_stemmer_length,_malloc,_free]")
set_target_properties(stemmers_module PROPERTIES OUTPUT_NAME stemmers SUFFIX ".wasm"
  RUNTIME_OUTPUT_DIRECTORY "${WWE_DIST_DIR}/modules")

add_executable(explorer_web $<TARGET_OBJECTS:wwe_platform> $<TARGET_OBJECTS:wwe_stemmer_web>)
target_link_libraries(explorer_web PRIVATE wwe_platform)
target_link_options(explorer_web PRIVATE ${WWE_WEB_LINK_OPTIONS} ${WWE_WEB_OPT_LINK})
# Emscripten 3.1.6 without Closure only strips whitespace from explorer.js: terser shortens
# its local names too (tools/minify_js.mjs, docs/benchmarks.md "Size").
find_program(WWE_NODE node REQUIRED)
add_custom_command(TARGET explorer_web POST_BUILD
  COMMAND "${WWE_NODE}" "${CMAKE_SOURCE_DIR}/tools/minify_js.mjs" "$<TARGET_FILE:explorer_web>" "$<TARGET_FILE:explorer_web>"
  VERBATIM)
set_target_properties(explorer_web PROPERTIES OUTPUT_NAME explorer SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${WWE_DIST_DIR}" LINK_DEPENDS "${WWE_JS_LIBRARY};${WWE_JS_MIRROR}")

add_executable(explorer_single $<TARGET_OBJECTS:wwe_platform>)
target_link_libraries(explorer_single PRIVATE wwe_platform)
target_link_options(explorer_single PRIVATE ${WWE_WEB_LINK_OPTIONS} ${WWE_WEB_OPT_LINK} -sSINGLE_FILE=1)
set_target_properties(explorer_single PROPERTIES OUTPUT_NAME explorer-single SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}" LINK_DEPENDS "${WWE_JS_LIBRARY};${WWE_JS_MIRROR}")

#------------------------------------------------------------------------------------------
# dist/: shell, data, licences, standalone page
#------------------------------------------------------------------------------------------
set(WWE_DIST_FILES
  "${CMAKE_SOURCE_DIR}/web/index.html=index.html"
  "${CMAKE_SOURCE_DIR}/web/style.css=style.css"
  "${CMAKE_SOURCE_DIR}/web/embed-example.html=embed-example.html"
  "${CMAKE_SOURCE_DIR}/web/embed-example.js=embed-example.js"
  "${CMAKE_SOURCE_DIR}/web/embed-example.css=embed-example.css"
  "${WWE_ARTICLE_JSON}=assets/article.json"
  "${CMAKE_SOURCE_DIR}/assets/fonts/OFL-1.1.txt=licenses/OFL-1.1.txt"
  "${WWE_UTF8PROC_DIR}/LICENSE.md=licenses/utf8proc-LICENSE.md"
  "${WWE_SNOWBALL_DIR}/COPYING=licenses/snowball-COPYING.txt"
  "${CMAKE_SOURCE_DIR}/assets/fonts/README.md=licenses/README.md")
# The fonts fetched when an article needs them (fonts.cmake, tools/make_fonts.py).
foreach(f IN LISTS WWE_FETCHED_FONTS)
  list(APPEND WWE_DIST_FILES "${WWE_GENERATED_DIR}/fonts/${f}=fonts/${f}")
endforeach()
set(WWE_DIST_OUTPUTS)
foreach(pair IN LISTS WWE_DIST_FILES)
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 from)
  list(GET parts 1 to)
  add_custom_command(OUTPUT "${WWE_DIST_DIR}/${to}"
    COMMAND ${CMAKE_COMMAND} -E copy "${from}" "${WWE_DIST_DIR}/${to}"
    DEPENDS "${from}" VERBATIM)
  list(APPEND WWE_DIST_OUTPUTS "${WWE_DIST_DIR}/${to}")
endforeach()

# shell.js as served: minified (the standalone page inlines web/shell.js as written).
add_custom_command(OUTPUT "${WWE_DIST_DIR}/shell.js"
  COMMAND "${WWE_NODE}" "${CMAKE_SOURCE_DIR}/tools/minify_js.mjs" "${CMAKE_SOURCE_DIR}/web/shell.js" "${WWE_DIST_DIR}/shell.js"
  DEPENDS "${CMAKE_SOURCE_DIR}/web/shell.js" "${CMAKE_SOURCE_DIR}/tools/minify_js.mjs" VERBATIM)
list(APPEND WWE_DIST_OUTPUTS "${WWE_DIST_DIR}/shell.js")

add_custom_command(
  OUTPUT "${WWE_DIST_DIR}/explorer-standalone.html"
  COMMAND "${WWE_PYTHON}" "${CMAKE_SOURCE_DIR}/tools/make_standalone.py"
          --shell "${CMAKE_SOURCE_DIR}/web/index.html"
          --css "${CMAKE_SOURCE_DIR}/web/style.css"
          --glue "${CMAKE_SOURCE_DIR}/web/shell.js"
          --program "$<TARGET_FILE:explorer_single>"
          --article "${WWE_ARTICLE_JSON}"
          --out "${WWE_DIST_DIR}/explorer-standalone.html"
  DEPENDS explorer_single "${CMAKE_SOURCE_DIR}/tools/make_standalone.py"
          "${CMAKE_SOURCE_DIR}/web/index.html" "${CMAKE_SOURCE_DIR}/web/style.css"
          "${CMAKE_SOURCE_DIR}/web/shell.js" "${WWE_ARTICLE_JSON}"
  COMMENT "Writing dist/explorer-standalone.html"
  VERBATIM)
list(APPEND WWE_DIST_OUTPUTS "${WWE_DIST_DIR}/explorer-standalone.html")

add_custom_target(web_dist ALL DEPENDS ${WWE_DIST_OUTPUTS} explorer_web stemmers_module)
