#!/usr/bin/env bash
# The unit, UI, CLI golden and bad-input tests built with AddressSanitizer and
# UndefinedBehaviorSanitizer (clang-14; the `asan` preset, into build/asan). Leaks count.
# A second full build of the core, the UI library and the tests (about a quarter of an hour
# on two cores); ./test.sh runs it as one of its suites.
#   tools/test-asan.sh [ctest arguments, e.g. -R unit/]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset asan >/dev/null
cmake --build --preset asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --preset asan "$@"
