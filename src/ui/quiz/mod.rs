//! The quiz components both the app and the embed draw: they take props and callbacks and
//! never read global state, so the embed links only what it shows.

mod card;
mod grid;
mod keys;
mod options;
mod review;
mod runner;
mod shortcuts;

pub use card::QuestionCard;
pub use keys::use_question_keys;
pub use options::Options;
pub use review::{Review, ScoreSummary};
pub use runner::QuizRunner;
pub use shortcuts::Shortcuts;

/// Provided around a blogger's own questions: their ids may begin like a bank topic's (`dec-1`)
/// without being about it, so no topic name is drawn on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnQuestions;
