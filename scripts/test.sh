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
cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p pyquiz-author -- -D warnings
# The pre-render (native) and the app that hydrates it (wasm) build with features of their own.
cargo clippy --features ssr --bin prerender --test prerender -- -D warnings
cargo clippy --target wasm32-unknown-unknown --features hydration --bin app -- -D warnings

step "native tests (core, content compiler, command-line tool, bank rules)"
cargo test --workspace -- --skip on_every_python
cargo test --features ssr --test prerender

step "the bank against every CPython >= 3.11 here (prints the versions and any mismatch)"
cargo test -p bank-compiler --test bank_python -- --nocapture

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --test browser

step "release build (the app in dist/, the embed in dist/embed/, the author page in dist/author/)"
./scripts/build.sh

step "size budget (gzip bytes of the app's first load and of a one-topic embed)"
node --test tests/size/

step "end-to-end tests (Playwright + Chromium, axe-core on every route)"
node --test --test-concurrency=1 tests/e2e/
