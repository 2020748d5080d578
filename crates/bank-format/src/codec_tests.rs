//! Chunks and quiz files: what `encode` writes, `decode` reads back unchanged, and what the
//! decoder refuses, with the message an author sees.

use crate::rich::{text_para, Node, Tag, TokenClass};
use crate::*;
use serde_json::{json, Value};
use std::rc::Rc;

fn text(s: &str) -> Node {
    Node::text(s)
}

fn el(tag: Tag, children: Vec<Node>) -> Node {
    Node::Element(tag, children)
}

fn choice(t: &str, correct: bool, why: Option<&str>) -> Choice {
    Choice {
        key: option_key(t),
        text: text_para(t),
        correct,
        why: why.map(text_para),
    }
}

fn question(id: &str, body: Body) -> Question {
    Question {
        id: id.into(),
        difficulty: Difficulty::Mid,
        tags: vec![],
        min_python: None,
        max_python: None,
        prompt: text_para("p"),
        code: None,
        hint: None,
        explanation: text_para("e"),
        docs: "https://docs.python.org/3/#x".into(),
        body,
    }
}

/// One question of each type, every optional field used somewhere.
pub fn sample_questions() -> Vec<Rc<Question>> {
    let mut output = question(
        "scp-01",
        Body::Output {
            options: vec![choice("1", true, None), choice("2", false, Some("w"))],
        },
    );
    output.tags = vec!["gotcha".into()];
    output.min_python = Some("3.8".into());
    output.code = Some(vec![el(
        Tag::Pre,
        vec![Node::token(TokenClass::Builtin, "print"), text("(1)")],
    )]);
    output.prompt = vec![
        el(
            Tag::Para,
            vec![
                text("What does "),
                el(Tag::Code, vec![text("print")]),
                el(Tag::Strong, vec![el(Tag::Emph, vec![text("print")])]),
                Node::Link("https://docs.python.org/3/".into(), vec![text("?")]),
            ],
        ),
        el(
            Tag::Numbers,
            vec![
                el(Tag::Item, text_para("a")),
                el(Tag::Item, vec![text("b")]),
            ],
        ),
        el(
            Tag::Table,
            vec![
                el(
                    Tag::Row,
                    vec![
                        el(Tag::HeadCell, vec![text("h")]),
                        el(Tag::HeadCell, vec![]),
                    ],
                ),
                el(
                    Tag::Row,
                    vec![
                        el(Tag::Cell, vec![el(Tag::Code, vec![text("c")])]),
                        el(Tag::Cell, vec![text("d")]),
                    ],
                ),
            ],
        ),
    ];
    let mut short = question(
        "scp-02",
        Body::Short {
            answers: vec!["a".into()],
            prose: true,
        },
    );
    short.max_python = Some("3.13".into());
    short.hint = Some(text_para("h"));
    vec![
        output,
        short,
        question(
            "scp-03",
            Body::Single {
                options: vec![choice("a", true, None), choice("b", false, Some("no"))],
            },
        ),
        question(
            "scp-04",
            Body::Multi {
                options: vec![choice("a", true, None), choice("b", true, None)],
            },
        ),
        question(
            "scp-05",
            Body::Flashcard {
                answer: text_para("model"),
                checklist: vec![text_para("one"), text_para("two")],
            },
        ),
    ]
    .into_iter()
    .map(Rc::new)
    .collect()
}

fn sample_quiz() -> OwnQuiz {
    OwnQuiz {
        title: "Mine".into(),
        description: Some("About <things>".into()),
        questions: sample_questions(),
    }
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect(text)
}

#[test]
fn a_chunk_round_trips() {
    let chunk = Chunk {
        topic: "scope".into(),
        questions: sample_questions(),
    };
    assert_eq!(decode_chunk(&parse(&encode_chunk(&chunk))), Ok(chunk));
}

#[test]
fn a_quiz_round_trips() {
    let quiz = sample_quiz();
    let text = encode_quiz(&quiz);
    assert!(text.starts_with(r#"{"format":"pyquiz-quiz","version":1,"title":"Mine""#));
    assert_eq!(decode_quiz(&parse(&text)), Ok(quiz));
}

#[test]
fn rich_text_is_compact_json() {
    // Pinned: the app and every published quiz file read exactly this shape.
    let q = &sample_questions()[0];
    let doc = parse(&encode_chunk(&Chunk {
        topic: "t".into(),
        questions: vec![q.clone()],
    }));
    let q = &doc["questions"][0];
    assert_eq!(
        q["prompt"],
        json!([
            [
                "p",
                "What does ",
                ["code", "print"],
                ["strong", ["em", "print"]],
                ["a", "https://docs.python.org/3/", "?"]
            ],
            ["ol", ["li", ["p", "a"]], ["li", "b"]],
            [
                "table",
                ["tr", ["th", "h"], ["th"]],
                ["tr", ["td", ["code", "c"]], ["td", "d"]]
            ]
        ])
    );
    assert_eq!(q["code"], json!([["pre", ["b", "print"], "(1)"]]));
    assert_eq!(
        q["options"][1],
        json!({"key": option_key("2"), "text": [["p", "2"]], "why": [["p", "w"]]})
    );
}

/// The quiz as JSON, changed by `edit`, then decoded.
fn decode_edited(edit: impl FnOnce(&mut Value)) -> Result<OwnQuiz, QuizError> {
    let mut doc = parse(&encode_quiz(&sample_quiz()));
    edit(&mut doc);
    decode_quiz(&doc)
}

#[track_caller]
fn refused(edit: impl FnOnce(&mut Value), message: &str) {
    assert_eq!(
        decode_edited(edit).map_err(|e| e.to_string()),
        Err(message.into())
    );
}

/// `12000` → `12,000`: the caps as the fixed messages spell them.
fn thousands(n: usize) -> String {
    match n {
        0..=999 => n.to_string(),
        _ => format!("{},{:03}", thousands(n / 1000), n % 1000),
    }
}

#[test]
fn a_bad_field_refuses_the_whole_file_and_names_it() {
    refused(
        |d| d["questions"][2]["options"][1]["text"] = json!([["p", "x".repeat(2001)]]),
        "question 3: option 2: text longer than 2,000 characters",
    );
    refused(
        |d| d["questions"][0]["prompt"][0][4][1] = json!("javascript:alert(1)"),
        "question 1: prompt: a link that is not http(s)",
    );
    refused(
        |d| {
            d["questions"][0]["prompt"][0][4][1] = json!("data:text/html,<script>alert(1)</script>")
        },
        "question 1: prompt: a link that is not http(s)",
    );
    refused(
        |d| d["questions"][1]["explanation"] = json!([["script", "x"]]),
        "question 2: explanation: a misplaced element",
    );
    refused(
        |d| d["questions"][0]["code"][0][1][0] = json!("evil"),
        "question 1: code: a misplaced element",
    );
    refused(
        |d| d["questions"][4]["docs"] = json!("javascript:alert(1)"),
        "question 5: docs: not an http(s) link",
    );
    refused(
        |d| d["questions"][3]["id"] = json!("scp-01"),
        "question 4: id: used by an earlier question",
    );
    refused(
        |d| d["questions"][2]["options"][1]["correct"] = json!(true),
        "question 3: more than one correct option",
    );
    refused(
        |d| d["questions"][2]["options"][1]["key"] = json!(option_key("a")),
        "question 3: option 2: key: repeated",
    );
    refused(
        |d| d["version"] = json!(2),
        "a version this pyquiz cannot read",
    );
    refused(
        |d| d["format"] = json!("other"),
        "not a quiz file (no \"format\": \"pyquiz-quiz\")",
    );
    refused(
        |d| d["questions"][1]["tags"] = json!(["a", 1]),
        "question 2: tags: not text",
    );
    refused(
        |d| d["questions"][1]["type"] = json!("essay"),
        "question 2: type: unknown",
    );
    refused(
        |d| d["questions"][1]["explanation"] = json!(["loose text"]),
        "question 2: explanation: text outside a paragraph",
    );
    refused(
        |d| d["questions"][1]["explanation"] = json!([["p", ["li", "x"]]]),
        "question 2: explanation: a misplaced element",
    );
    refused(
        |d| d["questions"][0]["code"] = json!([["pre", ["a", "https://x.example/", "t"]]]),
        "question 1: code: a misplaced element",
    );
    refused(
        |d| d["questions"][4]["checklist"][1] = json!([["p", ["b", "x"]]]),
        "question 5: checklist point 2: text: a misplaced element",
    );
}

#[test]
fn the_fixed_messages_name_the_caps() {
    use limits::*;
    let long = "x".repeat(MAX_LONG_CHARS + 1);
    refused(
        |d| d["questions"][0]["explanation"] = json!([["p", long]]),
        &format!(
            "question 1: explanation longer than {} characters",
            thousands(MAX_LONG_CHARS)
        ),
    );
    refused(
        |d| d["questions"][0]["tags"] = json!(["x".repeat(MAX_SHORT_CHARS + 1)]),
        &format!(
            "question 1: tags longer than {} characters",
            thousands(MAX_SHORT_CHARS)
        ),
    );
    let options = (0..=MAX_OPTIONS).map(|i| json!({"key": format!("k{i}"), "text": [["p", "x"]]}));
    refused(
        |d| d["questions"][2]["options"] = Value::Array(options.collect()),
        &format!("question 3: more than {MAX_OPTIONS} options"),
    );
    refused(
        |d| d["questions"][1]["answers"] = json!(vec!["a"; MAX_ITEMS + 1]),
        &format!("question 2: answers: more than {MAX_ITEMS} entries"),
    );
    refused(
        |d| {
            let q = d["questions"][2].clone();
            d["questions"] = Value::Array(vec![q; MAX_QUESTIONS + 1]);
        },
        &format!("more than {MAX_QUESTIONS} questions"),
    );
    // MAX_DEPTH containers are allowed, one more is not.
    let mut nested = json!("x");
    for _ in 0..MAX_DEPTH - 1 {
        nested = json!(["em", nested]);
    }
    let deep = json!([["p", nested.clone()]]);
    assert!(decode_edited(|d| d["questions"][0]["hint"] = deep).is_ok());
    refused(
        |d| d["questions"][0]["hint"] = json!([["p", ["em", nested]]]),
        &format!("question 1: hint: nested more than {MAX_DEPTH} deep"),
    );
    assert_eq!(
        check_quiz_size(MAX_QUIZ_BYTES + 1).map_err(|e| e.to_string()),
        Err(format!(
            "the file is larger than {} bytes",
            thousands(MAX_QUIZ_BYTES)
        ))
    );
    assert!(check_quiz_size(MAX_QUIZ_BYTES).is_ok());
}

#[test]
fn the_node_budget_covers_the_whole_file() {
    // Each question alone is fine; together they are too many elements. Empty words: no
    // text cap applies, only the count.
    let mut para = vec![json!("p")];
    para.extend(std::iter::repeat_n(json!(""), 19_000));
    let result = decode_edited(|d| {
        for q in d["questions"].as_array_mut().unwrap() {
            q["explanation"] = json!([para.clone(), para.clone()]);
        }
        let copies: Vec<Value> = (0..6)
            .flat_map(|n| {
                d["questions"].as_array().unwrap().iter().map(move |q| {
                    let mut q = q.clone();
                    q["id"] = json!(format!("{}-{n}", q["id"].as_str().unwrap()));
                    q
                })
            })
            .collect();
        d["questions"] = Value::Array(copies);
    });
    assert_eq!(
        result.map_err(|e| e.to_string()),
        Err(format!(
            "question 6: explanation: more than {} elements in the file",
            thousands(limits::MAX_NODES)
        ))
    );
}

#[test]
fn option_keys_are_stable_and_ignore_outer_white_space() {
    // Pinned: a change would make every saved answer point at nothing.
    assert_eq!(option_key("`x is None`"), option_key("  `x is None`\n"));
    assert_eq!(option_key("a"), "grr4vi");
    assert_ne!(option_key("a"), option_key("b"));
}
