#!/usr/bin/env bash
# The bad-input suite: check.sh EXPLORER NAME
# Runs `explorer validate` on tests/data/bad/NAME.json (or, for the generated files, on
# NAME.json written by generate.py into a scratch folder) and compares standard error and
# standard output, then the exit status, with tests/data/bad/NAME.expected:
#   the messages, one per line, with the file named "FILE", then a last line "exit N".
# UPDATE_GOLDEN=1 rewrites NAME.expected instead (review the diff!).
set -u
cd "$(dirname "$0")"
explorer=$1 name=$2
if [ -f "$name.json" ]; then
  file=$name.json
else
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  python3 generate.py "$scratch" "$name" || exit 1
  file=$scratch/$name.json
  [ -f "$file" ] || { echo "no input $name.json, committed or generated"; exit 1; }
fi
actual=$("$explorer" validate "$file" 2>&1)
status=$?
actual=$(printf '%s\n' "$actual" | sed "s|$file|FILE|g"; echo "exit $status")
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  printf '%s\n' "$actual" > "$name.expected"
  echo "updated $name.expected (exit $status)"
  exit 0
fi
diff -u "$name.expected" <(printf '%s\n' "$actual") || { echo "the messages differ from $name.expected"; exit 1; }
