//! Compiles `content/` into the app: validates every question (a bad one fails the build with
//! `file:line: message`), writes the index the app includes, and the per-topic chunks that
//! trunk's post-build hook (scripts/postbuild.mjs) copies into `dist/bank/`.

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let content = root.join("content");
    println!("cargo:rerun-if-changed=content");
    for file in bank_compiler::source_files(&content) {
        println!("cargo:rerun-if-changed={}", file.display());
    }

    let bank = match bank_compiler::load(&content, "content") {
        Ok(bank) => bank,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!(
                "{} problem(s) in the question bank; see content/README.md for the format",
                errors.len()
            );
            process::exit(1);
        }
    };

    let chunks = bank_compiler::chunks(&bank);
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(
        out_dir.join("bank_index.rs"),
        bank_compiler::index_source(&bank, &chunks),
    )
    .expect("write the bank index");
    // A fixed place outside OUT_DIR, so the trunk hook can find the chunks without knowing
    // cargo's hashed build folders.
    let chunk_dir = root.join("target").join("bank-chunks");
    if let Err(e) = bank_compiler::write_chunks(&chunks, &chunk_dir) {
        eprintln!("error: cannot write {}: {e}", chunk_dir.display());
        process::exit(1);
    }
    // `topic=prefix=file;…` for the pages' boot script, which starts chunk downloads before
    // the wasm has loaded (scripts/postbuild.mjs puts it in the HTML).
    let map: Vec<String> = bank
        .topics
        .iter()
        .zip(&chunks)
        .map(|(t, c)| format!("{}={}={}", t.entry.id, t.entry.prefix, c.file_name))
        .collect();
    if let Err(e) = fs::write(root.join("target").join("bank-chunks.map"), map.join(";")) {
        eprintln!("error: cannot write the chunk map: {e}");
        process::exit(1);
    }
}
