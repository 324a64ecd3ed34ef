# Win-Win Explorer: the fonts, for every article (nothing is subset to one article), for the
# web app and the native UI build (included by the root CMakeLists when a UI is built).
#
# Targets
#   wwe_fonts          tools/make_fonts.py writes <build>/generated/fonts_data.cpp: Noto Sans
#                      Regular/Bold with Latin (wwe::fonts::kRegular/kBold, compiled in) and
#                      the table of the faces fetched when an article needs them
#                      (wwe::fonts::kFetched), whose TTFs go to <build>/generated/fonts/
#                      (the web build copies them to dist/fonts/).
#
# Options
#   WWE_ARTICLE_JSON   the article shipped with the app (default assets/article.json).
#   WWE_FONTS_DIR      where Debian's fonts are (fonts-noto-core).
#   WWE_PYTHON         a Python 3 with fontTools (found when not given); the web build's
#                      standalone page is written with it too.

set(WWE_ARTICLE_JSON "${CMAKE_SOURCE_DIR}/assets/article.json" CACHE FILEPATH
    "The annotated article the web app ships with")
set(WWE_FONTS_DIR "/usr/share/fonts/truetype" CACHE PATH
    "Where Debian's fonts-noto-core puts Noto Sans, Noto Sans Arabic and Noto Sans Hebrew (SIL OFL 1.1)")
message(STATUS "WWE_ARTICLE_JSON=${WWE_ARTICLE_JSON}")
message(STATUS "WWE_FONTS_DIR=${WWE_FONTS_DIR}")

# A Python with fontTools (Debian's python3-fonttools is for /usr/bin/python3, which a
# pyenv or venv python3 earlier on PATH may not see).
if(NOT WWE_PYTHON)
  find_program(_wwe_path_python python3)
  foreach(candidate IN ITEMS /usr/bin/python3 "${_wwe_path_python}")
    if(candidate AND EXISTS "${candidate}")
      execute_process(COMMAND "${candidate}" -c "import fontTools.subset"
                      RESULT_VARIABLE _wwe_rc OUTPUT_QUIET ERROR_QUIET)
      if(_wwe_rc EQUAL 0)
        set(WWE_PYTHON "${candidate}" CACHE FILEPATH "Python 3 with fontTools")
        break()
      endif()
    endif()
  endforeach()
endif()
if(NOT WWE_PYTHON)
  message(FATAL_ERROR "No python3 with fontTools found (apt-get install python3-fonttools)")
endif()
message(STATUS "WWE_PYTHON=${WWE_PYTHON}")

set(WWE_GENERATED_DIR "${CMAKE_BINARY_DIR}/generated")
set(WWE_FETCHED_FONTS noto-sans-extra-regular.ttf noto-sans-extra-bold.ttf noto-sans-arabic.ttf noto-sans-hebrew.ttf)
set(WWE_FETCHED_FONT_FILES)
foreach(f IN LISTS WWE_FETCHED_FONTS)
  list(APPEND WWE_FETCHED_FONT_FILES "${WWE_GENERATED_DIR}/fonts/${f}")
endforeach()
add_custom_command(
  OUTPUT "${WWE_GENERATED_DIR}/fonts_data.cpp" ${WWE_FETCHED_FONT_FILES}
  COMMAND "${WWE_PYTHON}" "${CMAKE_SOURCE_DIR}/tools/make_fonts.py"
          --fonts-dir "${WWE_FONTS_DIR}"
          --out-dir "${WWE_GENERATED_DIR}/fonts" --cpp "${WWE_GENERATED_DIR}/fonts_data.cpp"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/make_fonts.py"
  COMMENT "Subsetting the fonts (compiled in: Latin; fetched when needed: more Latin, Greek, Cyrillic, Arabic, Hebrew)"
  VERBATIM)
add_library(wwe_fonts STATIC "${WWE_GENERATED_DIR}/fonts_data.cpp")
target_include_directories(wwe_fonts PUBLIC src)
