# Win-Win Explorer: the fonts, subset to the glyphs of the article and compiled in (no file
# loading), for the web app and the native UI build (included by the root CMakeLists when a
# UI is built).
#
# Targets
#   wwe_fonts          tools/make_fonts.py subsets Noto Sans + Droid Sans Fallback to what
#                      WWE_ARTICLE_JSON needs and writes <build>/generated/fonts_data.cpp
#                      (wwe::fonts::kRegular/kBold/kCjk of src/ui/fonts.hpp).
#
# Options
#   WWE_ARTICLE_JSON   the article shipped with the app (default assets/article.json).
#   WWE_FONT_*         the TrueType fonts to subset (Debian's paths by default).
#   WWE_PYTHON         a Python 3 with fontTools (found when not given); the web build's
#                      standalone page is written with it too.

set(WWE_ARTICLE_JSON "${CMAKE_SOURCE_DIR}/assets/article.json" CACHE FILEPATH
    "The annotated article the web app ships with")
set(WWE_FONT_REGULAR "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf" CACHE FILEPATH
    "Latin text font (Noto Sans Regular, SIL OFL 1.1)")
set(WWE_FONT_BOLD "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf" CACHE FILEPATH
    "Latin heading font (Noto Sans Bold, SIL OFL 1.1)")
set(WWE_FONT_CJK "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf" CACHE FILEPATH
    "CJK fallback font (Droid Sans Fallback, Apache 2.0)")
message(STATUS "WWE_ARTICLE_JSON=${WWE_ARTICLE_JSON}")
message(STATUS "WWE_FONT_REGULAR=${WWE_FONT_REGULAR}")
message(STATUS "WWE_FONT_BOLD=${WWE_FONT_BOLD}")
message(STATUS "WWE_FONT_CJK=${WWE_FONT_CJK}")

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
add_custom_command(
  OUTPUT "${WWE_GENERATED_DIR}/fonts_data.cpp"
  COMMAND "${WWE_PYTHON}" "${CMAKE_SOURCE_DIR}/tools/make_fonts.py"
          --article "${WWE_ARTICLE_JSON}"
          --regular "${WWE_FONT_REGULAR}" --bold "${WWE_FONT_BOLD}" --cjk "${WWE_FONT_CJK}"
          --out-dir "${WWE_GENERATED_DIR}/fonts" --cpp "${WWE_GENERATED_DIR}/fonts_data.cpp"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/make_fonts.py" "${WWE_ARTICLE_JSON}"
          "${WWE_FONT_REGULAR}" "${WWE_FONT_BOLD}" "${WWE_FONT_CJK}"
  COMMENT "Subsetting fonts to the glyphs of ${WWE_ARTICLE_JSON}"
  VERBATIM)
add_library(wwe_fonts STATIC "${WWE_GENERATED_DIR}/fonts_data.cpp")
target_include_directories(wwe_fonts PUBLIC src)
