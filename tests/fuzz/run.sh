#!/usr/bin/env bash
# Runs one libFuzzer target of tests/fuzz (built by the `fuzz` preset), for CTest and by hand.
#
#   run.sh regressions BINARY NAME        each file of tests/fuzz/regressions/NAME/ once
#   run.sh smoke BINARY NAME SECONDS      fuzz from the seeds for SECONDS (a scratch corpus
#                                         in a temporary folder; the committed seeds stay)
#   run.sh long BINARY NAME SECONDS DIR   fuzz for SECONDS, growing the corpus in DIR
#                                         (docs/fuzzing.md); crashes land in DIR/../crashes
#
# Exit status: 0 when no input crashed, hung or leaked; the finding's file is printed.
set -uo pipefail
cd "$(dirname "$0")/../.."
mode=$1 bin=$2 name=$3
seeds=tests/fuzz/corpus/$name
dict=tests/fuzz/$name.dict
[ -f "$dict" ] || dict=tests/fuzz/json.dict
# Leaks count (a failing call must free what it took); one input at most 2 s and 512 MB.
opts=(-dict="$dict" -timeout=2 -rss_limit_mb=768 -malloc_limit_mb=512 -max_len=65536 -print_final_stats=1)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
case $mode in
  regressions)
    dir=tests/fuzz/regressions/$name
    files=()
    [ -d "$dir" ] && while IFS= read -r f; do files+=("$f"); done < <(find "$dir" -type f | sort)
    files+=("$seeds"/*)  # the seeds are regressions too
    exec "$bin" -runs=1 "${opts[@]}" "${files[@]}"
    ;;
  smoke)
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    mkdir -p "$scratch/corpus" "$scratch/out"
    "$bin" "${opts[@]}" -max_total_time="$4" -artifact_prefix="$scratch/out/" "$scratch/corpus" "$seeds" 2>&1 |
      grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written|    #[0-9]+ )' || true
    found=$(find "$scratch/out" -type f | head -1)
    if [ -n "$found" ]; then
      echo "fuzz/$name: a finding; its input (base64):"
      base64 -w0 "$found"; echo
      exit 1
    fi
    echo "fuzz/$name: no finding in $4 s"
    ;;
  long)
    out=$5
    mkdir -p "$out/corpus" "$out/crashes"
    exec "$bin" "${opts[@]}" -max_total_time="$4" -artifact_prefix="$out/crashes/" "$out/corpus" "$seeds"
    ;;
  *) echo "usage: see the head of $0" >&2; exit 2 ;;
esac
