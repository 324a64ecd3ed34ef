#!/usr/bin/env bash
# Runs the browser tests (tests/browser/*.test.mjs, node --test + playwright-core + Chromium)
# against dist/, served by tools/serve.mjs on 127.0.0.1 at a free port for the run.
# With --engines, the subset in Firefox and WebKit instead (tests/engines/*.test.mjs:
# Debian's firefox-esr through WebDriver BiDi, puppeteer-core; Debian's webkit2gtk-driver,
# WebKitWebDriver + MiniBrowser), with windows on an X display: a virtual one (xvfb-run)
# when there is none.
#
#   tools/test-browser.sh [--engines] [node --test options]
# Build dist/ first (tools/build-web.sh). Exit status is the tests'; a missing browser or
# Xvfb is a failure with a message, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
tests=(tests/browser/*.test.mjs)
if [ "${1:-}" = "--engines" ]; then
  shift
  tests=(tests/engines/*.test.mjs)
  missing=()
  command -v firefox-esr >/dev/null || missing+=("firefox-esr (Debian package firefox-esr)")
  command -v WebKitWebDriver >/dev/null || missing+=("WebKitWebDriver (Debian package webkit2gtk-driver)")
  if [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || missing+=("xvfb-run (Debian packages xvfb, xauth)")
    command -v xauth >/dev/null || missing+=("xauth (Debian package xauth)")
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'test-browser: cannot run the Firefox and WebKit tests, missing: %s (./emsdk-setup.sh installs them)\n' "${missing[*]}" >&2
    exit 1
  fi
  if [ -z "${DISPLAY:-}" ]; then
    # A virtual display (WebGL 2 needs one: headless Firefox has none); -a: a free number.
    exec xvfb-run -a -s "-screen 0 1280x1024x24" "$(pwd)/tools/test-browser.sh" --engines "$@"
  fi
fi
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
WWE_BASE_URL="$url" node --test --test-concurrency=1 "$@" "${tests[@]}"
