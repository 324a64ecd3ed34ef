# Win-Win Explorer: Dear ImGui 1.86, for the web app and the native UI build (included by
# the root CMakeLists when a UI is built). The sources come from WWE_IMGUI_DIR (put there
# by emsdk-setup.sh) and are never copied into the repository.
#
# Targets
#   imgui   the core files (imgui, draw, tables, widgets), configured through imconfig-style
#           defines: no ini/log files, no obsolete API, no debug windows, 32-bit
#           vertex indices.
#           Web: plus the GLFW and OpenGL3 backends, and Emscripten's GLFW/WebGL 2 at link.
#           Native: no backend and no renderer (frames end as draw lists nobody draws),
#           compiled with ImGui's test-engine hooks for the UI tests (see below).
#
# ImGui's own sources are third-party code: they compile without warnings (-w), our
# warning flags (wwe_warnings) and WWE_WARNINGS_AS_ERRORS never apply to them, and their
# headers are SYSTEM includes, so warnings in them do not fail our code either.

if(NOT EXISTS "${WWE_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "No Dear ImGui 1.86 sources in ${WWE_IMGUI_DIR} (./emsdk-setup.sh puts them there)")
endif()

set(WWE_IMGUI_SOURCES
  "${WWE_IMGUI_DIR}/imgui.cpp"
  "${WWE_IMGUI_DIR}/imgui_draw.cpp"
  "${WWE_IMGUI_DIR}/imgui_tables.cpp"
  "${WWE_IMGUI_DIR}/imgui_widgets.cpp")
if(EMSCRIPTEN)
  list(APPEND WWE_IMGUI_SOURCES
    "${WWE_IMGUI_DIR}/backends/imgui_impl_glfw.cpp"
    "${WWE_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
endif()

add_library(imgui STATIC ${WWE_IMGUI_SOURCES})
target_include_directories(imgui SYSTEM PUBLIC "${WWE_IMGUI_DIR}")
# No metrics/debugger window nor stack tool: nothing calls them, and they are ~20 KB of wasm.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_FUNCTIONS
                                        IMGUI_DISABLE_METRICS_WINDOW)
# 32-bit ImDrawIdx: the OpenGL3 backend of 1.86 has no glDrawElementsBaseVertex under GLES3/
# WebGL2, so with 16-bit indices a draw list past 65,535 vertices (a long article's reader,
# a big table) is drawn as garbage. With sizeof(ImDrawIdx) == 4 the backend draws with
# GL_UNSIGNED_INT, which WebGL2 has. PUBLIC: imgui, wwe_ui, the platform and the tests must
# agree on the type (it is part of ImDrawList's layout; IMGUI_CHECKVERSION compares it).
target_compile_definitions(imgui PUBLIC "ImDrawIdx=unsigned int")
target_compile_options(imgui PRIVATE -w)  # not ours to fix (e.g. C++20's enum-enum deprecation)

if(EMSCRIPTEN)
  target_include_directories(imgui SYSTEM PUBLIC "${WWE_IMGUI_DIR}/backends")
  target_link_options(imgui INTERFACE -sUSE_GLFW=3 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2)
else()
  # The test-engine hooks, natively (one copy of imgui and wwe_ui, not two).
  #
  # IMGUI_ENABLE_TEST_ENGINE makes imgui.cpp and imgui_widgets.cpp report every item to
  # ImGuiTestEngineHook_ItemAdd/_ItemInfo (tests/ui/ui_driver.cpp records them) whenever
  # ImGuiContext::TestEngineHookItems is set; otherwise each item costs one branch. In
  # imgui_internal.h it also adds the Openable/Opened/Checkable/Checked enumerators to
  # ImGuiItemStatusFlags_ and turns IMGUI_TEST_ENGINE_ITEM_INFO (which a custom widget may
  # call, as ImGui's own do) from a no-op into a hook call. No struct layout changes, so
  # mixing would link, but the enum would differ between translation units (an ODR
  # violation) and wwe_ui's widgets would report differently from ImGui's: the define is
  # PUBLIC so that imgui, wwe_ui and the tests all see the same headers.
  #
  # Natively nothing else links a UI: the CLI links wwe_core alone and there is no native
  # runner, so defining it for the whole native build costs nothing, where a second
  # hook-free copy of imgui + wwe_ui would double their compile time for no user. The
  # price: whatever links the native imgui must define the four hooks; wwe_ui_driver
  # does. The web build (the one that ships) never defines it.
  target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE)
endif()
