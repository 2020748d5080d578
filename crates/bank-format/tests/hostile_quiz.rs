//! Quiz files are written by strangers: property tests over the decoder with arbitrary JSON,
//! valid files full of markup-looking text, mutated, truncated and oversized files. Nothing
//! may panic; a file is accepted whole (every question, unchanged) or refused with a message.
#![cfg(not(target_arch = "wasm32"))]

use bank_format::limits::{MAX_DEPTH, MAX_OPTIONS, MAX_QUESTIONS, MAX_SHORT_CHARS};
use bank_format::rich::{Node, Rich, Tag, TokenClass};
use bank_format::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::rc::Rc;

const CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text an attacker would write, and anything else.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("\"'><svg onload=alert(1)>".to_string()),
        Just("</style></pre></code>".to_string()),
        Just("&lt;b&gt; &amp;".to_string()),
        prop::collection::vec(any::<char>(), 0..16).prop_map(String::from_iter),
    ]
}

fn allowed_href() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://docs.python.org/3/#x".to_string()),
        Just("http://my.blog.example/post?a=1".to_string()),
        Just("#section".to_string()),
    ]
}

fn el(tag: Tag, children: Vec<Node>) -> Node {
    Node::Element(tag, children)
}

/// Text, inline code, emphasis and links, a few levels deep.
fn inline() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        hostile_text().prop_map(Node::Text),
        hostile_text().prop_map(|t| el(Tag::Code, vec![Node::Text(t)])),
    ];
    // Small trees: the reader's depth cap has its own test, and small cases run fast.
    leaf.prop_recursive(3, 6, 2, |inner| {
        let children = prop::collection::vec(inner, 0..3);
        prop_oneof![
            children.clone().prop_map(|c| el(Tag::Emph, c)),
            children.clone().prop_map(|c| el(Tag::Strong, c)),
            (allowed_href(), children).prop_map(|(href, c)| Node::Link(href, c)),
        ]
    })
}

fn code_block() -> impl Strategy<Value = Node> {
    let token = prop_oneof![
        hostile_text().prop_map(Node::Text),
        (
            prop::sample::select(TokenClass::ALL.to_vec()),
            hostile_text()
        )
            .prop_map(|(class, t)| Node::token(class, t)),
    ];
    prop::collection::vec(token, 0..5).prop_map(|tokens| el(Tag::Pre, tokens))
}

fn rich() -> impl Strategy<Value = Rich> {
    let inlines = || prop::collection::vec(inline(), 0..3);
    let cell = prop_oneof![Just(Tag::HeadCell), Just(Tag::Cell)];
    let row = prop::collection::vec((cell, inlines()), 0..3)
        .prop_map(|cells| el(Tag::Row, cells.into_iter().map(|(t, c)| el(t, c)).collect()));
    // A list item holds text directly (a tight list) or paragraphs.
    let item = prop_oneof![
        inlines(),
        prop::collection::vec(inlines().prop_map(|c| el(Tag::Para, c)), 0..2),
    ]
    .prop_map(|c| el(Tag::Item, c));
    let list = (any::<bool>(), prop::collection::vec(item, 0..3))
        .prop_map(|(ordered, items)| el(if ordered { Tag::Numbers } else { Tag::Bullets }, items));
    let block = prop_oneof![
        4 => inlines().prop_map(|c| el(Tag::Para, c)),
        1 => list,
        1 => code_block(),
        1 => prop::collection::vec(row, 0..3).prop_map(|rows| el(Tag::Table, rows)),
    ];
    prop::collection::vec(block, 0..3)
}

/// An option's text: a paragraph or two, as authors write them (and cheaper to generate).
fn short_rich() -> impl Strategy<Value = Rich> {
    prop::collection::vec(
        prop::collection::vec(inline(), 0..3).prop_map(|c| el(Tag::Para, c)),
        0..2,
    )
}

/// Options with the first `correct` of them right (at least one, at most all).
fn choices(count: std::ops::Range<usize>) -> impl Strategy<Value = (Vec<Choice>, usize)> {
    let why = prop::option::weighted(0.3, short_rich());
    let texts = prop::collection::vec((short_rich(), why), count);
    (texts, any::<prop::sample::Index>()).prop_map(|(texts, right)| {
        let right = 1 + right.index(texts.len());
        let options = texts
            .into_iter()
            .enumerate()
            .map(|(i, (text, why))| Choice {
                key: format!("k{i}"),
                text,
                correct: i < right,
                why,
            })
            .collect();
        (options, right)
    })
}

/// Only the first option right.
fn one_right(options: Vec<Choice>) -> Vec<Choice> {
    options
        .into_iter()
        .enumerate()
        .map(|(i, o)| Choice {
            correct: i == 0,
            ..o
        })
        .collect()
}

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        choices(2..6).prop_map(|(o, _)| Body::Single {
            options: one_right(o)
        }),
        // The most options a quiz may have; one more is tested below.
        choices(MAX_OPTIONS..MAX_OPTIONS + 1).prop_map(|(o, _)| Body::Single {
            options: one_right(o)
        }),
        choices(2..6).prop_map(|(options, _)| Body::Multi { options }),
        choices(2..5).prop_map(|(o, _)| Body::Output {
            options: one_right(o)
        }),
        (prop::collection::vec("[a-z_]{1,8}", 1..3), any::<bool>())
            .prop_map(|(answers, prose)| Body::Short { answers, prose }),
        (rich(), prop::collection::vec(short_rich(), 1..4))
            .prop_map(|(answer, checklist)| Body::Flashcard { answer, checklist }),
    ]
}

/// A question; its id is set by `quiz`, unique in the file.
fn question() -> impl Strategy<Value = Question> {
    let code = prop::option::of(code_block().prop_map(|c| vec![c]));
    let texts = (rich(), prop::option::of(rich()), rich(), code);
    let meta = (
        prop::sample::select(Difficulty::ALL.to_vec()),
        prop::collection::vec(hostile_text(), 0..3),
        prop::option::of(Just("3.10".to_string())),
    );
    (texts, meta, body()).prop_map(
        |((prompt, hint, explanation, code), (difficulty, tags, min_python), body)| Question {
            id: String::new(),
            difficulty,
            tags,
            min_python,
            max_python: None,
            prompt,
            code,
            hint,
            explanation,
            docs: "https://example.org/docs#x".into(),
            body,
        },
    )
}

fn quiz() -> impl Strategy<Value = OwnQuiz> {
    quiz_of(1..4)
}

/// A quiz of `count` questions: one is enough where the rest of the file does not matter.
fn quiz_of(count: std::ops::Range<usize>) -> impl Strategy<Value = OwnQuiz> {
    let questions = prop::collection::vec(question(), count);
    (questions, hostile_text(), prop::option::of(hostile_text())).prop_map(
        |(questions, title, description)| {
            let questions = questions
                .into_iter()
                .enumerate()
                .map(|(i, q)| {
                    Rc::new(Question {
                        id: format!("q-{i}"),
                        ..q
                    })
                })
                .collect();
            OwnQuiz {
                title,
                description,
                questions,
            }
        },
    )
}

/// Any JSON value, a few levels deep, including the shapes rich text uses.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("JSON has no NaN", |f| f.is_finite())
            .prop_map(|n| json!(n)),
        prop_oneof![
            Just("p"),
            Just("a"),
            Just("em"),
            Just("pre"),
            Just("ul"),
            Just("k"),
            Just("single")
        ]
        .prop_map(|s| json!(s)),
        hostile_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("text".to_string()),
                    Just("options".to_string()),
                    Just("id".to_string()),
                    "[a-z_]{1,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("the encoder writes JSON")
}

/// The promise for any input: refused with a message, or accepted whole, and then what was
/// accepted survives another trip through the file format unchanged.
fn whole_or_refused(doc: &Value) -> Result<(), TestCaseError> {
    match decode_quiz(doc) {
        Err(e) => prop_assert!(!e.to_string().is_empty()),
        Ok(quiz) => {
            let given = doc["questions"].as_array().map_or(0, Vec::len);
            prop_assert_eq!(quiz.questions.len(), given, "every question or none");
            let again = decode_quiz(&parse(&encode_quiz(&quiz)));
            prop_assert_eq!(again, Ok(quiz));
        }
    }
    Ok(())
}

/// Replaces one node of `node`, found by following `path` (indices taken modulo the size).
fn replace_at(node: &mut Value, path: &[usize], with: Value) {
    let Some((&step, rest)) = path.split_first() else {
        *node = with;
        return;
    };
    match node {
        Value::Array(items) if !items.is_empty() => {
            let n = items.len();
            replace_at(&mut items[step % n], rest, with)
        }
        Value::Object(map) if !map.is_empty() => {
            let n = map.len();
            let child = map.values_mut().nth(step % n).expect("in range");
            replace_at(child, rest, with)
        }
        _ => *node = with,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_json_never_panics(doc in any_json(), questions in any_json()) {
        let _ = decode_chunk(&doc);
        whole_or_refused(&doc)?;
        let shaped = json!({"format": QUIZ_FORMAT, "version": 1, "title": "t", "questions": questions});
        whole_or_refused(&shaped)?;
    }

    #[test]
    fn a_valid_file_round_trips_and_its_text_stays_text(quiz in quiz()) {
        let text = encode_quiz(&quiz);
        prop_assert!(check_quiz_size(text.len()).is_ok());
        let decoded = decode_quiz(&parse(&text));
        // Markup-looking strings come back as the same text nodes, links as written.
        prop_assert_eq!(decoded, Ok(quiz));
    }

    #[test]
    fn a_mutated_file_is_accepted_whole_or_refused(
        quiz in quiz(),
        path in prop::collection::vec(any::<usize>(), 1..9),
        with in any_json(),
    ) {
        let mut doc = parse(&encode_quiz(&quiz));
        replace_at(&mut doc, &path, with);
        whole_or_refused(&doc)?;
    }

    #[test]
    fn a_truncated_file_never_panics(quiz in quiz(), cut in any::<prop::sample::Index>()) {
        let text = encode_quiz(&quiz);
        let mut end = cut.index(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // A cut object is not JSON: the caller refuses it before the decoder runs.
        prop_assert!(serde_json::from_str::<Value>(&text[..end]).is_err());
        // Cut inside the structure instead: the last question's rich text loses its tail.
        let mut doc = parse(&text);
        if let Some(Value::Array(prompt)) = doc["questions"].as_array_mut().and_then(|q| q.last_mut()).map(|q| &mut q["prompt"]) {
            let keep = cut.index(prompt.len() + 1);
            prompt.truncate(keep);
        }
        whole_or_refused(&doc)?;
    }

    #[test]
    fn oversized_files_are_refused_by_name(
        quiz in quiz_of(1..2),
        extra in 1..40usize,
        which in 0..4usize,
    ) {
        let mut doc = parse(&encode_quiz(&quiz));
        let expected = match which {
            0 => {
                // Counted before any is read: these are not even questions.
                doc["questions"] = Value::Array(vec![json!({}); MAX_QUESTIONS + extra]);
                format!("more than {MAX_QUESTIONS} questions")
            }
            1 => {
                doc["questions"][0]["type"] = json!("single");
                doc["questions"][0]["options"] = (0..MAX_OPTIONS + extra)
                    .map(|i| json!({"key": format!("k{i}"), "text": [], "correct": i == 0}))
                    .collect();
                format!("question 1: more than {MAX_OPTIONS} options")
            }
            2 => {
                doc["questions"][0]["tags"] = json!(["x".repeat(MAX_SHORT_CHARS + extra)]);
                "question 1: tags longer than 2,000 characters".into()
            }
            _ => {
                let mut nested = json!("deep");
                for _ in 0..MAX_DEPTH + extra {
                    nested = json!(["strong", nested]);
                }
                doc["questions"][0]["prompt"] = json!([["p", nested]]);
                format!("question 1: prompt: nested more than {MAX_DEPTH} deep")
            }
        };
        prop_assert_eq!(decode_quiz(&doc).map_err(|e| e.to_string()), Err(expected));
    }

    #[test]
    fn scripted_links_are_refused_anywhere(
        quiz in quiz_of(1..2),
        href in prop_oneof![
            Just("javascript:alert(1)"), Just("JavaScript:alert(1)"), Just(" javascript:x"),
            Just("data:text/html,<script>alert(1)</script>"), Just("vbscript:x"),
            Just("/relative"), Just("//evil.example"), Just("https://a.example/\"onclick=x"),
        ],
        field in prop_oneof![Just("prompt"), Just("explanation")],
    ) {
        let mut doc = parse(&encode_quiz(&quiz));
        doc["questions"][0][field] = json!([["p", "see ", ["a", href, "here"]]]);
        let refused = decode_quiz(&doc).expect_err("a scripted link is refused");
        prop_assert_eq!(
            refused.to_string(),
            format!("question 1: {field}: a link that is not http(s)")
        );
    }
}
