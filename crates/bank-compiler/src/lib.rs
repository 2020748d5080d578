//! The content compiler: reads `content/`, validates every question, renders Markdown to rich
//! text and highlights Python, and emits the app's index and per-topic chunks. Runs at build
//! time and in the CLI, so none of its dependencies reach the app's wasm. `compile_quiz` (a
//! blogger's own quiz) touches no file system and also builds for wasm32.

pub mod audit;
mod bank;
mod diagnostic;
mod emit;
pub mod highlight;
pub mod markdown;
mod question;
mod quiz;
mod render;
mod source;

pub use bank::{load, source_files, Bank, BankTopic};
pub use diagnostic::Diagnostic;
pub use emit::{chunks, index_source, write_chunks, ChunkFile};
pub use markdown::{FencedCode, LinkRule};
pub use question::{normalize_output, python_version, SourceOption, SourceQuestion};
pub use quiz::compile_quiz;
pub use render::{
    in_shipped_order, render_in_written_order, render_question, shipped_order, Rendered,
};

/// The project's root folder (the one holding `content/` and `README.md`), for the CLI and the
/// tests that check the real bank.
pub fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the compiler crate lives in <root>/crates/bank-compiler")
}
