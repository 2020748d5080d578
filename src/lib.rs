//! pyquiz: a Python interview quiz that runs entirely in the browser.
//!
//! Everything but `platform` and `ui` is plain Rust, tested natively with `cargo test`. The
//! app (`src/bin/app.rs`) and the blog embed (`src/bin/embed.rs`) are two entry points on it.

pub mod bank; // the compiled-in index and the per-topic chunks
pub mod charts; // the progress page's charts as geometry
pub mod order; // one shared sort, for a smaller wasm
pub mod platform; // the only code that touches the browser
pub mod progress; // records, FSRS scheduling, storage documents and migrations, export
pub mod quiz; // selection, grading, the session, keyboard and main-button rules, the runner
pub mod route; // hash routes, parsed into typed values
pub mod share; // share links and embed parameters
pub mod state; // the app state: one apply, one Action match
pub mod ui; // Yew components
