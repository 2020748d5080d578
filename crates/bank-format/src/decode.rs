//! Reading a chunk back from the JSON the compiler wrote (see `Chunk`'s `Serialize`). The app
//! runs this over the browser's `JSON.parse` result; the compiler's tests run it over its own
//! output, so both sides agree on the format.

use crate::json::Json;
use crate::{Body, Choice, Chunk, Difficulty, Question};

pub fn decode_chunk<J: Json>(doc: &J) -> Result<Chunk, String> {
    let topic = doc.str_at("topic").ok_or("no topic")?;
    let questions = doc
        .get("questions")
        .and_then(|q| q.items())
        .ok_or("no questions")?
        .iter()
        .map(decode_question)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Chunk { topic, questions })
}

fn decode_question<J: Json>(q: &J) -> Result<Question, String> {
    let id = q.str_at("id").ok_or("a question without an id")?;
    let need = |field: &str| q.str_at(field).ok_or_else(|| format!("{id}: no {field}"));
    let difficulty = q
        .str_at("difficulty")
        .and_then(|d| Difficulty::parse(&d))
        .ok_or_else(|| format!("{id}: bad difficulty"))?;
    let body = q.get("body").ok_or_else(|| format!("{id}: no body"))?;
    let (kind, inner) = body
        .entries()
        .and_then(|e| e.into_iter().next())
        .ok_or_else(|| format!("{id}: empty body"))?;
    let options = || -> Result<Vec<Choice>, String> {
        inner
            .get("options")
            .and_then(|o| o.items())
            .ok_or_else(|| format!("{id}: no options"))?
            .iter()
            .map(|o| {
                Ok(Choice {
                    key: o
                        .str_at("key")
                        .ok_or_else(|| format!("{id}: option without key"))?,
                    html: o.str_at("html").unwrap_or_default(),
                    correct: o.bool_at("correct").unwrap_or(false),
                    why: o.str_at("why"),
                })
            })
            .collect()
    };
    let body = match kind.as_str() {
        "single" => Body::Single {
            options: options()?,
        },
        "multi" => Body::Multi {
            options: options()?,
        },
        "output" => Body::Output {
            options: options()?,
        },
        "short" => Body::Short {
            answers: inner.strings_at("answers"),
            prose: inner.bool_at("prose").unwrap_or(false),
        },
        "flashcard" => Body::Flashcard {
            answer: inner.str_at("answer").unwrap_or_default(),
            checklist: inner.strings_at("checklist"),
        },
        other => return Err(format!("{id}: unknown type {other}")),
    };
    Ok(Question {
        difficulty,
        tags: q.strings_at("tags"),
        min_python: q.str_at("min_python"),
        max_python: q.str_at("max_python"),
        prompt: need("prompt")?,
        code: q.str_at("code"),
        hint: q.str_at("hint"),
        explanation: need("explanation")?,
        docs: need("docs")?,
        body,
        id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::option_key;

    #[test]
    fn a_serialized_chunk_decodes_to_itself() {
        let chunk = Chunk {
            topic: "scope".into(),
            questions: vec![
                Question {
                    id: "scp-01".into(),
                    difficulty: Difficulty::Mid,
                    tags: vec!["gotcha".into()],
                    min_python: Some("3.8".into()),
                    max_python: None,
                    prompt: "<p>p</p>".into(),
                    code: Some("<pre>x</pre>".into()),
                    hint: None,
                    explanation: "e".into(),
                    docs: "https://docs.python.org/3/#x".into(),
                    body: Body::Output {
                        options: vec![
                            Choice {
                                key: option_key("1"),
                                html: "1".into(),
                                correct: true,
                                why: None,
                            },
                            Choice {
                                key: option_key("2"),
                                html: "2".into(),
                                correct: false,
                                why: Some("w".into()),
                            },
                        ],
                    },
                },
                Question {
                    id: "scp-02".into(),
                    difficulty: Difficulty::Junior,
                    tags: vec![],
                    min_python: None,
                    max_python: Some("3.13".into()),
                    prompt: "p".into(),
                    code: None,
                    hint: Some("h".into()),
                    explanation: "e".into(),
                    docs: "d".into(),
                    body: Body::Short {
                        answers: vec!["a".into()],
                        prose: true,
                    },
                },
            ],
        };
        let value = serde_json::to_value(&chunk).unwrap();
        assert_eq!(decode_chunk(&value), Ok(chunk));
    }

    #[test]
    fn option_keys_are_stable_and_ignore_outer_white_space() {
        // Pinned: a change would make every saved answer point at nothing.
        assert_eq!(option_key("`x is None`"), option_key("  `x is None`\n"));
        assert_eq!(option_key("a"), "grr4vi");
        assert_ne!(option_key("a"), option_key("b"));
    }
}
