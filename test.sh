#!/usr/bin/env bash
# Runs every test: sets up what is missing, builds native and web, then runs the unit and
# CLI golden tests and the bad-input suite (CTest), the fuzz targets' regressions and a
# short smoke run of each (libFuzzer with ASan+UBSan, about a minute and a half; docs/fuzzing.md), the
# unit, UI, CLI and bad-input tests again under ASan+UBSan (tools/test-asan.sh: a second
# full build with clang, about a quarter of an hour on two cores; docs/fuzzing.md), the
# data-schema checks, and the browser tests (Chromium, then a subset in Firefox and WebKit).
# Ends with one line "suites: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
./emsdk-setup.sh || { echo "suites: 0 passed, 1 failed"; exit 1; }
. tools/env.sh

passed=0 failed=0 failures=()
suite() {  # suite NAME COMMAND...: runs one suite and records its outcome
  local name=$1; shift
  echo
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

suite "native build, unit and CLI tests (ctest)" cmake --workflow --preset native
suite "fuzz targets: regressions and smoke runs (ASan+UBSan)" cmake --workflow --preset fuzz
suite "unit, UI, CLI and bad-input tests under ASan+UBSan" tools/test-asan.sh
suite "article data against its JSON Schema" node --test tests/schema/
suite "web build" tools/build-web.sh
if [ -f dist/index.html ]; then
  suite "browser tests (Chromium)" tools/test-browser.sh
  suite "browser tests (Firefox, WebKit)" tools/test-browser.sh --engines
else
  failed=$((failed + 2)); failures+=("browser tests (no web build)")
fi

echo
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
