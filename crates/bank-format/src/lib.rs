//! The compiled question bank: the types the content compiler writes into the per-topic chunks
//! and the app reads back, plus the seeded shuffle both sides use so orders are reproducible.

mod decode;
pub mod json;
mod question;
pub mod short_answer;
mod shuffle;

pub use decode::decode_chunk;
pub use question::{option_key, Body, Choice, Chunk, Difficulty, Kind, Question};
pub use shuffle::{seed_from_str, shuffle, SplitMix64};
