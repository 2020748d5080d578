#!/usr/bin/env bash
# Builds the release app and embed, then measures them against quizdown-js (a benchmark, not a
# test: it prints sizes, load times and the ratios).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-tools.sh --browser
./scripts/build.sh
# Lighthouse comes from package.json, like the tests' tools.
export PATH="$PWD/node_modules/.bin:$PATH"
node scripts/bench.mjs
