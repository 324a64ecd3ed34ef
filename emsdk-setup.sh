#!/usr/bin/env bash
# Installs everything Win-Win Explorer's builds and tests need, on Debian, idempotently.
# Prints what it did; on a machine where all is in place it finishes in seconds.
#
#   ./emsdk-setup.sh          all of it (native + web build, browser tests)
#
# What it installs:
#   - Debian packages: compilers and CMake, nlohmann-json, doctest, GLFW (native runner),
#     Emscripten, Chromium (browser tests), Firefox ESR, WebKitGTK's WebDriver and Xvfb
#     (the browser tests in Firefox and WebKit), fontTools (font subsetting), the fonts,
#     clang 14 with libFuzzer and the sanitizer runtimes (the `fuzz` and `asan` presets).
#   - Emscripten: an `emcc` already on PATH if it is 3.1.6 or newer, else Debian's
#     `emscripten`, else the official emsdk at EMSDK_VERSION in .cache/emsdk.
#   - Dear ImGui 1.86 sources into .cache/imgui-1.86 (gitignored): Debian's source package
#     `imgui` (deb-src is enabled for the configured suites if needed), else upstream v1.86.
#   - npm packages of the browser tests (package-lock.json) into node_modules/ (none of
#     them downloads a browser: playwright-core and puppeteer-core drive Debian's).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
cache="$root/.cache"
mkdir -p "$cache"

IMGUI_VERSION=1.86
EMSDK_VERSION=3.1.6
did=()
say() { printf 'emsdk-setup: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; exit 1; fi
}

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -q >/dev/null
    apt_updated=1
  fi
}

# --- Debian packages -------------------------------------------------------------------
# "command-or-file:package" pairs: the package is installed when the probe is missing.
needs=(
  "cmake:cmake" "g++:g++" "ninja:ninja-build" "node:nodejs" "npm:npm"
  "/usr/include/nlohmann/json.hpp:nlohmann-json3-dev"
  "/usr/include/doctest/doctest.h:doctest-dev"
  "/usr/include/GLFW/glfw3.h:libglfw3-dev"
  "/usr/include/GL/gl.h:libgl-dev"
  "chromium:chromium"
  "firefox-esr:firefox-esr"
  "WebKitWebDriver:webkit2gtk-driver"
  "xvfb-run:xvfb" "xauth:xauth"
  "/usr/lib/python3/dist-packages/fontTools/subset/__init__.py:python3-fonttools"
  "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf:fonts-noto-core"
  "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf:fonts-droid-fallback"
  "dpkg-source:dpkg-dev"
  "gzip:gzip"
  "clang++-14:clang-14"
  "/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev"
)
missing=()
for pair in "${needs[@]}"; do
  probe=${pair%%:*} pkg=${pair#*:}
  if [[ $probe == /* ]]; then [ -e "$probe" ] && continue
  else command -v "$probe" >/dev/null 2>&1 && continue; fi
  missing+=("$pkg")
done

# Emscripten: keep an emcc on PATH when it is new enough.
emcc_ok() {
  command -v emcc >/dev/null 2>&1 || return 1
  local v
  v=$(emcc --version 2>/dev/null | head -n1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1)
  [ -n "$v" ] && [ "$(printf '%s\n%s\n' "$EMSDK_VERSION" "$v" | sort -V | head -n1)" = "$EMSDK_VERSION" ]
}
if ! emcc_ok && [ ! -x "$cache/emsdk/upstream/emscripten/emcc" ]; then
  missing+=("emscripten")
fi

if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  apt_update_once
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >"$cache/apt.log" 2>&1; then
    # Emscripten may be absent from this Debian: fall back to the official emsdk.
    rest=()
    for p in "${missing[@]}"; do [ "$p" = emscripten ] || rest+=("$p"); done
    if [ ${#rest[@]} -gt 0 ]; then
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${rest[@]}" >>"$cache/apt.log" 2>&1 \
        || { say "apt-get install failed, see $cache/apt.log"; tail -n 20 "$cache/apt.log"; exit 1; }
    fi
  fi
  did+=("installed ${missing[*]}")
fi

if ! emcc_ok; then
  if [ ! -x "$cache/emsdk/upstream/emscripten/emcc" ]; then
    say "no usable emcc; installing emsdk $EMSDK_VERSION into $cache/emsdk"
    git clone -q https://github.com/emscripten-core/emsdk.git "$cache/emsdk"
    (cd "$cache/emsdk" && ./emsdk install "$EMSDK_VERSION" && ./emsdk activate "$EMSDK_VERSION") >/dev/null
    did+=("installed emsdk $EMSDK_VERSION")
  fi
fi

# --- Dear ImGui sources ----------------------------------------------------------------
imgui_dir="$cache/imgui-$IMGUI_VERSION"
if [ ! -f "$imgui_dir/imgui.cpp" ] || [ ! -f "$imgui_dir/backends/imgui_impl_opengl3.cpp" ]; then
  say "fetching Dear ImGui $IMGUI_VERSION sources"
  tmp=$(mktemp -d)
  got=0
  if ! apt-cache showsrc imgui 2>/dev/null | grep -q "^Version: $IMGUI_VERSION"; then
    # Enable deb-src for the suites this machine already uses.
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
        | as_root tee /etc/apt/sources.list.d/win-win-explorer-src.sources >/dev/null
    elif [ -f /etc/apt/sources.list ]; then
      grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' \
        | as_root tee /etc/apt/sources.list.d/win-win-explorer-src.list >/dev/null
    fi
    apt_updated=0
    apt_update_once
  fi
  ver=$(apt-cache showsrc imgui 2>/dev/null | sed -n 's/^Version: //p' | grep "^$IMGUI_VERSION" | head -n1 || true)
  if [ -n "$ver" ] && (cd "$tmp" && apt-get source -q --download-only "imgui=$ver" >/dev/null 2>&1 \
       && dpkg-source -x --skip-debianization ./*.dsc src >/dev/null 2>&1); then
    got=1
  elif git clone -q --depth 1 --branch "v$IMGUI_VERSION" https://github.com/ocornut/imgui.git "$tmp/src" 2>/dev/null; then
    got=1
  fi
  [ "$got" -eq 1 ] || { say "could not get Dear ImGui $IMGUI_VERSION sources"; exit 1; }
  rm -rf "$imgui_dir"
  mkdir -p "$imgui_dir/backends"
  cp "$tmp"/src/*.h "$tmp"/src/*.cpp "$tmp/src/LICENSE.txt" "$imgui_dir/"
  cp "$tmp"/src/backends/imgui_impl_glfw.* "$tmp"/src/backends/imgui_impl_opengl3* "$imgui_dir/backends/"
  rm -rf "$tmp"
  did+=("Dear ImGui $IMGUI_VERSION into .cache/imgui-$IMGUI_VERSION")
fi

# --- nlohmann-json for the Emscripten build ----------------------------------------------
# Only its own headers, so that no other system header leaks into the wasm build.
if [ ! -f "$cache/include/nlohmann/json.hpp" ] || [ /usr/include/nlohmann/json.hpp -nt "$cache/include/nlohmann/json.hpp" ]; then
  mkdir -p "$cache/include"
  rm -rf "$cache/include/nlohmann"
  cp -r /usr/include/nlohmann "$cache/include/nlohmann"
  did+=("nlohmann-json headers into .cache/include")
fi

# --- npm packages for the browser tests -------------------------------------------------
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error >"$cache/npm.log" 2>&1 \
    || { say "npm ci failed, see $cache/npm.log"; tail -n 20 "$cache/npm.log"; exit 1; }
  did+=("npm packages")
fi

if [ ${#did[@]} -eq 0 ]; then
  say "everything already installed"
else
  for d in "${did[@]}"; do say "done: $d"; done
fi
