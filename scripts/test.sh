#!/usr/bin/env bash
# Runs every test: formatting and lints, native tests (core, content compiler, the bank checked
# by python3), wasm-bindgen tests in headless Chromium, and end-to-end tests against the release
# build. Installs what is missing first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-tools.sh --browser
export PATH="$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

step "native tests (core, content compiler, command-line tool, bank rules)"
cargo test --workspace -- --skip on_every_python

step "the bank against every CPython >= 3.11 here (prints the versions and any mismatch)"
cargo test -p bank-compiler --test bank_python -- --nocapture

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --test browser

step "release build"
trunk build --release

step "end-to-end tests (Playwright + Chromium)"
node --test --test-concurrency=1 tests/e2e/
