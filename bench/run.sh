#!/usr/bin/env bash
# The layout benchmark, one command: builds our layout as WebAssembly, installs the pinned
# peers (bench/package-lock.json) and prints the table recorded in docs/benchmarks.md.
#   bench/run.sh [--sizes 1000,10000,50000]
set -euo pipefail
cd "$(dirname "$0")"
../emsdk-setup.sh >/dev/null
. ../tools/env.sh
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
  || npm ci --no-audit --no-fund --loglevel=error
mkdir -p build
emcc -std=c++20 -O3 -I../src layout_wasm.cpp ../src/core/layout.cpp -o build/layout.cjs \
  -sENVIRONMENT=node -sMODULARIZE=1 -sALLOW_MEMORY_GROWTH=1 -sEXPORTED_RUNTIME_METHODS=[] \
  -sEXPORTED_FUNCTIONS=_malloc,_free,_wwe_layout_create,_wwe_layout_tick,_wwe_layout_reheat,_wwe_layout_x,_wwe_layout_y,_wwe_layout_destroy
echo "node $(node --version), emcc $(emcc --version | head -n1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1)" >&2
node --no-experimental-fetch bench.mjs "$@"
