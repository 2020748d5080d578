use crate::quiz::Candidate;
use bank_format::{Difficulty, Kind};

/// A topic as listed on the home page; its questions live in the chunk `bank/<chunk>`.
#[derive(Debug, PartialEq, Eq)]
pub struct TopicMeta {
    pub id: &'static str,
    /// Every question id of the topic starts with `<prefix>-` (the compiler checks).
    pub prefix: &'static str,
    pub title: &'static str,
    pub chunk: &'static str,
}

impl TopicMeta {
    /// The one-line description shown on the home page.
    pub fn summary(&self) -> &'static str {
        TOPICS
            .iter()
            .position(|t| t.id == self.id)
            .map_or("", |i| TOPIC_SUMMARIES[i])
    }
}

/// What selection, browsing and progress need to know about a question without downloading it.
#[derive(Debug, PartialEq, Eq)]
pub struct QuestionMeta {
    pub id: &'static str,
    /// Index into `TOPICS`.
    pub topic_index: usize,
    pub difficulty: Difficulty,
    pub kind: Kind,
    pub tags: &'static [&'static str],
    pub min_python: Option<&'static str>,
}

impl QuestionMeta {
    pub fn topic(&self) -> &'static TopicMeta {
        &TOPICS[self.topic_index]
    }

    pub fn candidate(&self) -> Candidate<'static> {
        Candidate {
            id: self.id,
            topic: self.topic().id,
            difficulty: self.difficulty,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/bank_index.rs"));

pub fn topic(id: &str) -> Option<&'static TopicMeta> {
    TOPICS.iter().find(|t| t.id == id)
}

/// The topic a question id belongs to, by its prefix: known before any chunk is loaded.
pub fn topic_of(id: &str) -> Option<&'static TopicMeta> {
    let (prefix, _) = id.rsplit_once('-')?;
    TOPICS.iter().find(|t| t.prefix == prefix)
}

/// The topics holding `ids`, each once, in the order they first appear.
pub fn topics_of<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<&'static TopicMeta> {
    let mut out: Vec<&'static TopicMeta> = Vec::new();
    for t in ids.into_iter().filter_map(topic_of) {
        if !out.iter().any(|x| x.id == t.id) {
            out.push(t);
        }
    }
    out
}

pub fn question_meta(id: &str) -> Option<&'static QuestionMeta> {
    QUESTIONS.iter().find(|q| q.id == id)
}

pub fn questions_in_topic(topic_index: usize) -> impl Iterator<Item = &'static QuestionMeta> {
    QUESTIONS
        .iter()
        .filter(move |q| q.topic_index == topic_index)
}

/// Every question, for selection.
pub fn candidates() -> impl Iterator<Item = Candidate<'static>> {
    QUESTIONS.iter().map(QuestionMeta::candidate)
}

/// How many questions pass the filters.
pub fn matching_count(filters: &crate::quiz::Filters) -> usize {
    crate::quiz::matching(candidates(), filters).len()
}

/// The questions of these topics (every topic when none is given) in bank order, from the
/// compact `POOL`: what the embed selects from without carrying the full index.
pub fn candidates_in(topics: &[String]) -> Vec<Candidate<'static>> {
    let level = |c: char| match c {
        's' => Difficulty::Senior,
        'm' => Difficulty::Mid,
        _ => Difficulty::Junior,
    };
    TOPICS
        .iter()
        .zip(POOL.iter())
        .filter(|(t, _)| topics.is_empty() || topics.iter().any(|x| x == t.id))
        .flat_map(|(t, (ids, levels))| {
            ids.split(' ')
                .zip(levels.chars())
                .map(move |(id, l)| Candidate {
                    id,
                    topic: t.id,
                    difficulty: level(l),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_consistent() {
        assert!(!TOPICS.is_empty());
        for q in &QUESTIONS {
            assert!(q.topic_index < TOPICS.len());
            assert_eq!(question_meta(q.id), Some(q));
            assert_eq!(
                topic_of(q.id),
                Some(q.topic()),
                "{} is found by its prefix",
                q.id
            );
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
        assert_eq!(topic_of("nope-1"), None);
        assert_eq!(
            candidates_in(&[]),
            candidates().collect::<Vec<_>>(),
            "the pool is the index"
        );
        let one = candidates_in(&[TOPICS[1].id.to_string()]);
        assert!(!one.is_empty() && one.iter().all(|c| c.topic == TOPICS[1].id));
        assert_eq!(topic_of("nodash"), None);
        let (a, b) = (&TOPICS[2], &TOPICS[0]);
        let ids = [
            format!("{}-1", a.prefix),
            "gone-9".into(),
            format!("{}-1", b.prefix),
            format!("{}-2", a.prefix),
        ];
        assert_eq!(
            topics_of(ids.iter().map(String::as_str)),
            [a, b],
            "each topic once, unknown ids left out, in first-seen order"
        );
    }
}
