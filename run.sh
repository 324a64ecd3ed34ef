#!/usr/bin/env bash
# Builds the web app (setting up what is missing first) and serves dist/ on
# http://127.0.0.1:8080/ (PORT=... to change it). Ctrl+C stops the server.
set -euo pipefail
cd "$(dirname "$0")"
./emsdk-setup.sh
. tools/env.sh
tools/build-web.sh
port=${PORT:-8080}
echo
echo "Win-Win Explorer, standalone file (opens from file://, no server):"
echo "  $(pwd)/dist/explorer-standalone.html"
echo "Serving dist/ (Ctrl+C stops the server); open the URL below once it is printed:"
exec node tools/serve.mjs --root dist --host 127.0.0.1 --port "$port"
