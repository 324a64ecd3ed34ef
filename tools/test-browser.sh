#!/usr/bin/env bash
# Runs the browser tests (tests/browser/*.test.mjs, node --test + playwright-core + Chromium)
# against dist/, served by tools/serve.mjs on 127.0.0.1 at a free port for the run.
#
#   tools/test-browser.sh [node --test options]
# Build dist/ first (tools/build-web.sh). Exit status is the tests'.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f dist/index.html ] || [ ! -f dist/explorer.wasm ]; then
  echo "test-browser: dist/ is not built (run tools/build-web.sh)" >&2
  exit 1
fi
log=$(mktemp)
node tools/serve.mjs --root dist --port 0 >"$log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
url=
for _ in $(seq 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "test-browser: the static server did not start:" >&2
  cat "$log" >&2
  exit 1
fi
echo "test-browser: dist/ served at $url"
WWE_BASE_URL="$url" node --test --test-concurrency=1 "$@" tests/browser/*.test.mjs
