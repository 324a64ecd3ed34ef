#!/usr/bin/env bash
# Fails when a source under the given folders talks to Emscripten: EM_JS, EM_ASM (any
# variant, MAIN_THREAD_ ones too), __EMSCRIPTEN__, or an #include of <emscripten...>.
# src/core and src/ui must build anywhere; the browser is src/platform's business.
#
#   tests/lint/no-emscripten.sh DIR...     prints each offending line as file:line: text
#
# Exit status: 0 none found, 1 found (the last line counts them), 2 bad usage or a folder
# that cannot be read.
set -uo pipefail
if [ $# -eq 0 ]; then
  echo "usage: no-emscripten.sh DIR..." >&2
  exit 2
fi
# EM_JS/EM_ASM as words of their own (not the tail of ITEM_JSON or SYSTEM_ASM...).
pattern='(^|[^A-Za-z0-9_])(MAIN_THREAD_(ASYNC_)?)?EM_(JS|ASM)|__EMSCRIPTEN__|#[[:space:]]*include[[:space:]]*[<"]emscripten'
found=$(grep -rnE "$pattern" -- "$@")
status=$?
if [ "$status" -ge 2 ]; then
  echo "no-emscripten: cannot read $*" >&2
  exit 2
fi
if [ -n "$found" ]; then
  echo "$found"
  count=$(printf '%s\n' "$found" | wc -l)
  echo "no-emscripten: $count lines mention Emscripten in $* (only src/platform may)"
  exit 1
fi
echo "no-emscripten: none in $*"
