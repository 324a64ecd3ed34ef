#!/usr/bin/env bash
# Builds the web app (CMake preset `web`) into dist/:
#   dist/index.html, shell.js, style.css, explorer.js, explorer.wasm, assets/article.json,
#   licenses/, and dist/explorer-standalone.html (one self-contained file).
#
#   tools/build-web.sh [-DOPTION=VALUE ...]    extra arguments go to the configure step,
#                                              e.g. -DWWE_ARTICLE_JSON=/path/article.json
# Needs what emsdk-setup.sh installs; environment from tools/env.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
. tools/env.sh
if ! command -v emcc >/dev/null; then
  echo "build-web: emcc not found (run ./emsdk-setup.sh)" >&2
  exit 1
fi
if [ -z "${WWE_EMSCRIPTEN_TOOLCHAIN:-}" ]; then
  echo "build-web: Emscripten's CMake toolchain file not found (set WWE_EMSCRIPTEN_TOOLCHAIN)" >&2
  exit 1
fi
# The preset names the toolchain through $WWE_EMSCRIPTEN_TOOLCHAIN (exported by env.sh).
cmake --preset web "$@" >/dev/null
cmake --build --preset web
echo "build-web: dist/ is ready ($(du -sh dist | cut -f1))"
