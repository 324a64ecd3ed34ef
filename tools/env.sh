# Sourced by run.sh and test.sh: environment for the builds (after emsdk-setup.sh).
# Emscripten's optimizer runs on node and needs acorn from Debian's node modules.
export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
if [ -f "$(dirname "${BASH_SOURCE[0]}")/../.cache/emsdk/emsdk_env.sh" ] && ! command -v emcc >/dev/null; then
  # shellcheck disable=SC1091
  . "$(dirname "${BASH_SOURCE[0]}")/../.cache/emsdk/emsdk_env.sh" >/dev/null 2>&1
fi
if [ -z "${WWE_EMSCRIPTEN_TOOLCHAIN:-}" ] && command -v emcc >/dev/null; then
  for d in "$(em-config EMSCRIPTEN_ROOT 2>/dev/null)" /usr/share/emscripten \
           "$(dirname "$(readlink -f "$(command -v emcc)")")"; do
    if [ -n "$d" ] && [ -f "$d/cmake/Modules/Platform/Emscripten.cmake" ]; then
      export WWE_EMSCRIPTEN_TOOLCHAIN="$d/cmake/Modules/Platform/Emscripten.cmake"
      break
    fi
  done
fi
