#!/usr/bin/env bash
# Builds the release app and prints its sizes and load times (a benchmark, not a test).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-tools.sh --browser
export PATH="$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
trunk build --release
node scripts/bench.mjs
