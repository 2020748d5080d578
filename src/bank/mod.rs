//! The question bank as the app sees it: a small index compiled in, and per-topic chunks
//! (already rendered HTML) fetched on demand.

mod chunk;
mod index;

pub use bank_format::{Body, Choice, Chunk, Difficulty, Kind, Question};
pub use chunk::{chunk_path, decode_chunk};
pub use index::{
    question_meta, questions_in_topic, topic, topic_index, QuestionMeta, TopicMeta, QUESTIONS,
    TOPICS,
};
