//! pyquiz: a Python interview quiz that runs entirely in the browser.
//!
//! Everything but `platform` and `ui` is plain Rust, tested natively with `cargo test`.

pub mod bank; // the compiled-in index and the per-topic chunks
pub mod platform; // the only code that touches the browser
pub mod progress; // progress model, scheduling, storage schema and migrations
pub mod quiz; // selection, grading and the quiz session
pub mod share; // share links and embed parameters
pub mod state; // the app state: one Reducible, one Action match
pub mod ui; // Yew components
