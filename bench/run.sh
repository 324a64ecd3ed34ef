#!/usr/bin/env bash
# The benchmark suite, one command: builds our search natively (the system compiler, -O3)
# and as WebAssembly (emcc -O3), and our layout as WebAssembly; installs the pinned peers
# (bench/package-lock.json); runs everything on the same seeded corpora and graphs and
# prints the Markdown tables recorded in docs/benchmarks.md.
#   bench/run.sh [--sizes 1000,10000,100000] [--layout-sizes 1000,10000,50000]
#                [--only search|layout] [--rounds 5] [--queries 200] [--slow-peers-max 10000]
# The default run is long: the run in docs/benchmarks.md (3 rounds, 100 queries) took 40 minutes
# on a heavily loaded 2-core machine, most of it the 100k builds; --sizes 1000,10000 is quick.
set -euo pipefail
cd "$(dirname "$0")"
../emsdk-setup.sh >/dev/null
. ../tools/env.sh
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
  || npm ci --no-audit --no-fund --loglevel=error
mkdir -p build

# The core sources the search path needs (loading, the corpus, search, query).
SEARCH_SRC=""
for s in article diagnostic json_reader date load text script stopwords inflect corpus facets search query view_state; do
  SEARCH_SRC="$SEARCH_SRC ../src/core/$s.cpp"
done
# utf8proc and Snowball's libstemmer (C, fetched by emsdk-setup.sh), compiled as C.
TEXT_LIBS="-x c ../.cache/utf8proc-2.8.0/utf8proc.c ../.cache/snowball-2.2.0/libstemmer/libstemmer_utf8.c \
  ../.cache/snowball-2.2.0/runtime/api.c ../.cache/snowball-2.2.0/runtime/utilities.c \
  $(ls ../.cache/snowball-2.2.0/src_c/stem_UTF_8_*.c | tr '\n' ' ') -x none"
TEXT_INC="-DUTF8PROC_STATIC -isystem ../.cache/utf8proc-2.8.0 -isystem ../.cache/snowball-2.2.0/include"
# Only these builds lift the 16 MiB article limit (the 100k corpus is ~60 MB).
LIMIT='-DWWE_ARTICLE_MAX_BYTES=(512u<<20)'
stale() {  # stale OUTPUT INPUTS...: OUTPUT is missing or older than an input
  local out=$1; shift
  [ -f "$out" ] || return 0
  for f in "$@"; do [ "$f" -nt "$out" ] && return 0; done
  return 1
}
DEPS="search_bench.cpp $SEARCH_SRC $(ls ../src/core/*.hpp)"
if stale build/search_native $DEPS; then
  echo "building build/search_native (g++ -O3)" >&2
  ${CXX:-g++} -std=c++20 -O3 -DNDEBUG "$LIMIT" -I../src $TEXT_INC search_bench.cpp $SEARCH_SRC $TEXT_LIBS -o build/search_native
fi
if stale build/search.cjs $DEPS; then
  echo "building build/search.cjs (emcc -O3)" >&2
  # One object per source, two compilers at a time (emcc reorders "-x c" away from the files
  # it applies to, so C and C++ are compiled apart); C objects are kept between builds.
  mkdir -p build/wasm-obj
  export CXXFLAGS_WASM="-std=c++20 -O3 -DNDEBUG -fwasm-exceptions $LIMIT -I../src $TEXT_INC -isystem ../.cache/include" TEXT_INC
  C_SRC=$(echo "$TEXT_LIBS" | tr ' ' '\n' | grep '\.c$')
  { for f in search_bench.cpp $SEARCH_SRC; do echo "cxx $f"; done
    for f in $C_SRC; do [ -f "build/wasm-obj/$(basename "$f").o" ] || echo "c $f"; done; } |
    xargs -P 2 -L 1 sh -c 'if [ "$0" = cxx ]; then emcc $CXXFLAGS_WASM -c "$1" -o "build/wasm-obj/$(basename "$1").o";
                           else emcc -O3 $TEXT_INC -c "$1" -o "build/wasm-obj/$(basename "$1").o"; fi'
  emcc -O3 -fwasm-exceptions build/wasm-obj/*.o \
    -o build/search.cjs -fwasm-exceptions -sENVIRONMENT=node -sMODULARIZE=1 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB \
    -sEXPORTED_RUNTIME_METHODS=[] \
    -sEXPORTED_FUNCTIONS=_malloc,_free,_wwe_bench_load,_wwe_bench_load_ms,_wwe_bench_index_ms,_wwe_bench_corpus_bytes,_wwe_bench_text_bytes,_wwe_bench_query,_wwe_bench_checksum,_wwe_bench_free
fi
if stale build/layout.cjs layout_wasm.cpp ../src/core/layout.cpp ../src/core/layout.hpp; then
  echo "building build/layout.cjs (emcc -O3)" >&2
  emcc -std=c++20 -O3 -I../src layout_wasm.cpp ../src/core/layout.cpp -o build/layout.cjs \
    -sENVIRONMENT=node -sMODULARIZE=1 -sALLOW_MEMORY_GROWTH=1 -sEXPORTED_RUNTIME_METHODS=[] \
    -sEXPORTED_FUNCTIONS=_malloc,_free,_wwe_layout_create,_wwe_layout_tick,_wwe_layout_reheat,_wwe_layout_x,_wwe_layout_y,_wwe_layout_destroy
fi
echo "node $(node --version), emcc $(emcc --version | head -n1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1)," \
  "$(${CXX:-g++} --version | head -n1), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
node --no-experimental-fetch --expose-gc --max-old-space-size=12000 bench.mjs "$@"
