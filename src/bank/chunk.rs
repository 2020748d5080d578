use super::index::TopicMeta;
use bank_format::json::Json;
use bank_format::Chunk;

/// Reads a fetched chunk (already parsed by the browser) and checks it is the one asked for.
pub fn read_chunk<J: Json>(topic: &TopicMeta, doc: &J) -> Result<Chunk, String> {
    let unreadable = |e: String| {
        format!(
            "The questions for “{}” could not be read ({e}).",
            topic.title
        )
    };
    one_key_per_body(doc).map_err(unreadable)?;
    let chunk = bank_format::decode_chunk(doc).map_err(unreadable)?;
    if chunk.topic != topic.id {
        return Err(format!(
            "Expected the questions for “{}” but got “{}”.",
            topic.title, chunk.topic
        ));
    }
    Ok(chunk)
}

/// A question's body is an object whose only key names its type. With two keys the decoder
/// would take whichever comes first, and the browser's `JSON.parse` and serde_json order keys
/// differently, so the app and the native tests would read different questions: refuse it.
fn one_key_per_body<J: Json>(doc: &J) -> Result<(), String> {
    let questions = doc.get("questions").and_then(|q| q.items());
    for q in questions.unwrap_or_default() {
        let keys = q.get("body").and_then(|b| b.entries()).map(|e| e.len());
        if keys.is_some_and(|n| n != 1) {
            let id = q.str_at("id").unwrap_or_default();
            return Err(format!("{id}: a body must name exactly one type"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{test_question, Body, TOPICS};
    use serde_json::{json, Value};

    fn chunk_doc() -> Value {
        let chunk = Chunk {
            topic: TOPICS[0].id.to_string(),
            questions: vec![test_question(
                "q-1",
                Body::Short {
                    answers: vec!["a".into()],
                    prose: false,
                },
            )],
        };
        serde_json::to_value(&chunk).unwrap()
    }

    #[test]
    fn a_chunk_reads_and_must_be_the_topic_asked_for() {
        let doc = chunk_doc();
        assert_eq!(read_chunk(&TOPICS[0], &doc).unwrap().questions.len(), 1);
        let err = read_chunk(&TOPICS[1], &doc).unwrap_err();
        assert!(err.starts_with("Expected the questions for"), "{err}");
    }

    #[test]
    fn a_body_with_two_types_is_refused_not_read_by_key_order() {
        let mut doc = chunk_doc();
        doc["questions"][0]["body"]["flashcard"] = json!({"answer": "x"});
        let err = read_chunk(&TOPICS[0], &doc).unwrap_err();
        assert!(
            err.contains("q-1: a body must name exactly one type"),
            "{err}"
        );
        doc["questions"][0]["body"] = json!({});
        assert!(read_chunk(&TOPICS[0], &doc).is_err(), "no type at all");
    }
}
