#!/usr/bin/env bash
# Builds the release app into dist/ and serves it on http://127.0.0.1:${PORT:-8080}/.
# On a fresh machine it first installs what is missing (see install-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-tools.sh
export PATH="$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
./scripts/build.sh
port="${PORT:-8080}"
echo "Serving dist/ on http://127.0.0.1:$port/ (Ctrl-C to stop); the embed demo is at /embed-demo.html"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
