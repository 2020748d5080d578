//! The compiled question bank: the types the content compiler writes into the per-topic chunks
//! and quiz files and the app reads back (rich text, never HTML), the JSON both sides use, the
//! caps on untrusted files, and the seeded shuffle both sides use so orders are reproducible.

#[cfg(test)]
mod codec_tests;
mod decode;
mod encode;
pub mod json;
pub mod limits;
mod question;
mod read;
pub mod rich;
mod rich_json;
pub mod short_answer;
mod shuffle;

pub use decode::{check_quiz_size, decode_chunk, decode_chunk_only, decode_quiz};
pub use encode::{encode_chunk, encode_quiz, QUIZ_FORMAT, QUIZ_VERSION};
pub use question::{option_key, Body, Choice, Chunk, Difficulty, Kind, OwnQuiz, Question};
pub use read::QuizError;
pub use rich::{Node, Rich, Tag, TokenClass};
pub use shuffle::{seed_from_str, shuffle, SplitMix64};
