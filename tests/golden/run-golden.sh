#!/usr/bin/env bash
# Golden test of the CLI: run-golden.sh EXPLORER NAME.args
#   NAME.args    the arguments, one per line (run from the repository root)
#   NAME.out     the expected output (standard error, then standard output)
#   NAME.status  the expected exit status (absent: 0)
# With UPDATE_GOLDEN=1 the outputs are rewritten instead of compared (review the diff!).
set -u
explorer=$1 args_file=$2
base=${args_file%.args}
mapfile -t args < "$args_file"
actual=$("$explorer" "${args[@]}" 2>&1)
status=$?
want_status=0
[ -f "$base.status" ] && want_status=$(cat "$base.status")
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  printf '%s\n' "$actual" > "$base.out"
  [ "$status" -ne 0 ] && echo "$status" > "$base.status"
  echo "updated $base.out (exit $status)"
  exit 0
fi
fail=0
if [ "$status" -ne "$want_status" ]; then
  echo "exit status $status, expected $want_status"
  fail=1
fi
if ! diff -u "$base.out" <(printf '%s\n' "$actual"); then
  echo "standard output differs from $base.out"
  fail=1
fi
exit $fail
