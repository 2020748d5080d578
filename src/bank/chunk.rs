use super::index::TopicMeta;
use bank_format::json::Json;
use bank_format::Chunk;

/// Reads a fetched chunk (already parsed by the browser) and checks it is the one asked for.
pub fn read_chunk<J: Json>(topic: &TopicMeta, doc: &J) -> Result<Chunk, String> {
    read_chunk_only(topic, doc, |_| true)
}

/// The same, keeping only the questions `keep` accepts (the embed needs only its quiz's).
pub fn read_chunk_only<J: Json>(
    topic: &TopicMeta,
    doc: &J,
    keep: impl Fn(&str) -> bool,
) -> Result<Chunk, String> {
    let unreadable = |e: String| {
        format!(
            "The questions for “{}” could not be read ({e}).",
            topic.title
        )
    };
    let chunk = bank_format::decode_chunk_only(doc, keep).map_err(unreadable)?;
    if chunk.topic != topic.id {
        return Err(format!(
            "Expected the questions for “{}” but got “{}”.",
            topic.title, chunk.topic
        ));
    }
    Ok(chunk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{test_question, Body, TOPICS};
    use serde_json::{json, Value};
    use std::rc::Rc;

    fn chunk_doc() -> Value {
        let chunk = Chunk {
            topic: TOPICS[0].id.to_string(),
            questions: vec![Rc::new(test_question(
                "q-1",
                Body::Short {
                    answers: vec!["a".into()],
                    prose: false,
                },
            ))],
        };
        let mut doc: Value = serde_json::from_str(&bank_format::encode_chunk(&chunk)).unwrap();
        doc["questions"][0]["docs"] = json!("https://docs.python.org/3/");
        doc
    }

    #[test]
    fn only_the_questions_asked_for_are_read() {
        let mut doc = chunk_doc();
        let first = doc["questions"][0].clone();
        let mut broken = first.clone();
        broken["id"] = json!("q-2");
        broken["prompt"] = json!("not rich text");
        doc["questions"] = json!([first, broken]);
        let only = read_chunk_only(&TOPICS[0], &doc, |id| id == "q-1").unwrap();
        assert_eq!(only.questions.len(), 1, "q-2 is skipped, not read");
        assert!(
            read_chunk(&TOPICS[0], &doc).is_err(),
            "read whole, the bad question counts"
        );
        let none = read_chunk_only(&TOPICS[0], &doc, |_| false).unwrap();
        assert!(none.questions.is_empty());
    }

    #[test]
    fn a_chunk_reads_and_must_be_the_topic_asked_for() {
        let doc = chunk_doc();
        assert_eq!(read_chunk(&TOPICS[0], &doc).unwrap().questions.len(), 1);
        let err = read_chunk(&TOPICS[1], &doc).unwrap_err();
        assert!(err.starts_with("Expected the questions for"), "{err}");
    }

    /// A question names its type in one string field (not as the one key of a body object,
    /// whose key order differs between the browser's `JSON.parse` and serde_json).
    #[test]
    fn a_question_of_an_unknown_or_missing_type_is_refused() {
        let mut doc = chunk_doc();
        doc["questions"][0]["type"] = json!("essay");
        assert!(read_chunk(&TOPICS[0], &doc).is_err(), "an unknown type");
        doc["questions"][0].as_object_mut().unwrap().remove("type");
        assert!(read_chunk(&TOPICS[0], &doc).is_err(), "no type at all");
    }
}
