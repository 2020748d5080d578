use bank_format::{Difficulty, Kind};

/// A topic as listed on the home page; its questions live in the chunk `bank/<chunk>`.
#[derive(Debug, PartialEq, Eq)]
pub struct TopicMeta {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub chunk: &'static str,
}

/// What selection and progress need to know about a question without downloading it.
#[derive(Debug, PartialEq, Eq)]
pub struct QuestionMeta {
    pub id: &'static str,
    /// Index into `TOPICS`.
    pub topic: usize,
    pub difficulty: Difficulty,
    pub kind: Kind,
}

impl QuestionMeta {
    pub fn topic(&self) -> &'static TopicMeta {
        &TOPICS[self.topic]
    }
}

include!(concat!(env!("OUT_DIR"), "/bank_index.rs"));

pub fn topic(id: &str) -> Option<&'static TopicMeta> {
    TOPICS.iter().find(|t| t.id == id)
}

pub fn question_meta(id: &str) -> Option<&'static QuestionMeta> {
    QUESTIONS.iter().find(|q| q.id == id)
}

pub fn questions_in_topic(topic: usize) -> impl Iterator<Item = &'static QuestionMeta> {
    QUESTIONS.iter().filter(move |q| q.topic == topic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_consistent() {
        assert!(!TOPICS.is_empty());
        for q in &QUESTIONS {
            assert!(q.topic < TOPICS.len());
            assert_eq!(question_meta(q.id), Some(q));
        }
        for (i, t) in TOPICS.iter().enumerate() {
            assert_eq!(topic(t.id), Some(t));
            assert!(
                questions_in_topic(i).count() > 0,
                "topic {} has no questions",
                t.id
            );
            assert!(t.chunk.starts_with(t.id) && t.chunk.ends_with(".json"));
        }
    }
}
