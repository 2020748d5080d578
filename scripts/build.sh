#!/usr/bin/env bash
# Builds the release app into dist/, the blog embed into dist/embed/ (two trunk builds on one
# crate: src/bin/app.rs and src/bin/embed.rs) and the author page into dist/author/
# (crates/author), with Home pre-rendered into index.html. Assumes the tools are installed
# (scripts/install-tools.sh); serve.sh, test.sh and bench.sh call it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
# Home as a first visit sees it, rendered natively from the app's own components; postbuild.mjs
# puts it into index.html, and the app's wasm hydrates it.
cargo run --quiet --features ssr --bin prerender -- target/prerendered-home.html
# No build-machine path ships in the wasm (panic locations name crate files): the registry's
# and this checkout's paths become relative. Only these release builds use the flags.
registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
export CARGO_ENCODED_RUSTFLAGS="--remap-path-prefix=$PWD/=$(printf '\x1f')--remap-path-prefix=$registry/="
trunk build --release
trunk build --release --dist dist/embed embed/index.html
# The author page: its own wasm with the quiz compiler, so the app and the embed never carry it.
trunk build --release --dist dist/author author/index.html
