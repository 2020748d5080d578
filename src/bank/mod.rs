//! The question bank as the app sees it: a small index compiled in, and per-topic chunks
//! (rich text and highlighted code, rendered at build time) fetched on demand.

mod chunk;
mod index;
pub mod label;
pub mod search;

pub use bank_format::{Body, Choice, Chunk, Difficulty, Kind, Question, Rich};
pub use chunk::{read_chunk, read_chunk_only};
pub use index::{
    candidates, candidates_in, matching_count, question_meta, questions_in_topic, topic, topic_of,
    topics_of, QuestionMeta, TopicMeta, QUESTIONS, TOPICS,
};

/// A question around `body` with empty texts, for tests of the core.
#[cfg(test)]
pub(crate) fn test_question(id: &str, body: Body) -> Question {
    Question {
        id: id.into(),
        difficulty: Difficulty::Mid,
        tags: vec![],
        min_python: None,
        max_python: None,
        prompt: Rich::new(),
        code: None,
        hint: None,
        explanation: Rich::new(),
        docs: String::new(),
        body,
    }
}
