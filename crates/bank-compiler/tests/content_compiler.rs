//! The content compiler's validation, case by case: each folder under
//! `tests/fixtures/content/` is a tiny bank with exactly one mistake, and the build must stop
//! on it with `content/<file>.toml:<line>: <message>` pointing at the right line.

use bank_compiler::{load, render_question, Bank, Diagnostic};
use bank_format::rich::{text_para, Node, Rich, Tag, TokenClass};
use bank_format::{Body, Choice, Kind};
use std::path::PathBuf;

fn fixture(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/content")
        .join(case)
}

fn load_errors(case: &str) -> Vec<Diagnostic> {
    match load(&fixture(case), "content") {
        Ok(bank) => panic!(
            "fixture `{case}` loaded ({} questions) but has a mistake",
            bank.questions().count()
        ),
        Err(errors) => errors,
    }
}

/// The case fails with exactly one diagnostic, on `location` (`file:line`), containing `fragment`.
#[track_caller]
fn expect_error(case: &str, location: &str, fragment: &str) {
    let errors = load_errors(case);
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    // One mistake per fixture, so a second diagnostic means a check fired where it should not.
    assert_eq!(
        shown.len(),
        1,
        "fixture `{case}`: expected one diagnostic, got {shown:#?}"
    );
    let prefix = format!("{location}: ");
    assert!(
        shown[0].starts_with(&prefix) && shown[0][prefix.len()..].contains(fragment),
        "fixture `{case}`:\n  expected `{prefix}…{fragment}…`\n  got      `{}`",
        shown[0]
    );
}

/// One test per bad fixture: `name: "folder" at "file:line", "message fragment";`.
macro_rules! rejects {
    ($($name:ident: $case:literal at $loc:literal, $fragment:literal;)*) => {
        $(#[test] fn $name() { expect_error($case, $loc, $fragment); })*
        const CASES: &[&str] = &[$($case),*];
    };
}

rejects! {
    // alpha.toml is read first, so beta.toml's copy is the duplicate and names the original.
    duplicate_id_across_files: "duplicate-id" at "content/beta.toml:3",
        "duplicate id `al-01`, first used at content/alpha.toml:3";
    retired_id: "retired-id" at "content/alpha.toml:3",
        "id `al-02` is retired (content/retired-ids.txt): ids are never reused";
    malformed_id: "malformed-id" at "content/alpha.toml:4",
        "id `Al_01` must be 1-16 lowercase letters, digits or `-`";
    // Topic problems point at the file's `topic =` line.
    unknown_topic: "unknown-topic" at "content/alpha.toml:1",
        "unknown topic `gamma`: add it to content/topics.toml";
    topic_not_matching_file_name: "topic-mismatch" at "content/beta.toml:1",
        "topic `alpha` belongs in content/alpha.toml";
    unknown_difficulty: "unknown-difficulty" at "content/alpha.toml:5",
        "unknown difficulty `expert`: use junior, mid or senior";
    unknown_type: "unknown-type" at "content/alpha.toml:6",
        "unknown type `essay`: use single, multi, output, short or flashcard";
    // Option-count problems point at the first `[[question.options]]`.
    single_with_two_correct_options: "single-two-correct" at "content/alpha.toml:11",
        "single question `al-01` must have exactly one correct option, found 2";
    single_with_no_correct_option: "single-no-correct" at "content/alpha.toml:11",
        "single question `al-01` must have exactly one correct option, found 0";
    multi_with_no_correct_option: "multi-no-correct" at "content/alpha.toml:11",
        "multi question `al-01` has no correct option";
    fewer_than_two_options: "too-few-options" at "content/alpha.toml:11",
        "question `al-01` needs at least two options";
    repeated_option: "repeated-option" at "content/alpha.toml:10",
        "question `al-01` lists the option \"`x == None`\" twice";
    repeated_distractor: "repeated-distractor" at "content/alpha.toml:12",
        "question `al-01` lists the distractor \"11\" twice";
    // A missing field has no line of its own: the diagnostic points at `[[question]]`.
    output_without_code: "output-no-code" at "content/alpha.toml:3",
        "question `al-01` has no `code`";
    output_without_answer: "output-no-answer" at "content/alpha.toml:3",
        "question `al-01` has no `answer`";
    output_without_distractors: "output-no-distractors" at "content/alpha.toml:3",
        "output question `al-01` has no `distractors`";
    // `"2  "` differs from the answer `2` only by trailing white space, which is ignored.
    output_distractor_equal_to_answer: "output-distractor-equals-answer" at "content/alpha.toml:12",
        "question `al-01`: distractor `2  ` equals the answer";
    // A misspelt `why` in a distractor table must not be silently dropped.
    output_distractor_table_with_unknown_key: "distractor-typo" at "content/alpha.toml:12",
        "a distractor must be a string or `{ text = \"…\", why = \"…\" }` (no other keys)";
    output_raises_with_a_bad_name: "bad-raises" at "content/alpha.toml:11",
        "`raises Key Error` must name one exception class, like `raises KeyError`";
    short_without_answers: "short-no-answers" at "content/alpha.toml:3",
        "short question `al-01` has no `answers`";
    flashcard_without_checklist: "flashcard-no-checklist" at "content/alpha.toml:3",
        "flashcard question `al-01` has no `checklist`";
    empty_explanation: "empty-explanation" at "content/alpha.toml:8",
        "question `al-01` has an empty `explanation`";
    missing_explanation: "missing-explanation" at "content/alpha.toml:3",
        "question `al-01` has no `explanation`";
    docs_link_not_https: "http-docs" at "content/alpha.toml:9",
        "docs link `http://docs.python.org/3/reference/expressions.html#is-not` must be an https:// URL";
    // The bank links only to the official docs, and no images load.
    docs_link_to_another_host: "docs-host" at "content/alpha.toml:9",
        "docs link `https://tutorial.example/3/reference/expressions.html#is-not` must point at docs.python.org or peps.python.org";
    javascript_link_in_markdown: "javascript-link" at "content/alpha.toml:8",
        "question `al-01`: link `javascript:alert(1)` must be an https:// URL";
    image_in_markdown: "image" at "content/alpha.toml:11",
        "question `al-01`: images are not allowed (`https://docs.python.org/x.png`)";
    max_python_older_than_min_python: "max-before-min" at "content/alpha.toml:8",
        "max_python `3.9` is older than min_python `3.12`";
    unknown_short_answer_match_rule: "unknown-match" at "content/alpha.toml:9",
        "match `fuzzy` must be `name` (case matters) or `prose` (case does not)";
    // Saved answers store option keys: two options must never share one.
    option_key_clash: "option-key-clash" at "content/alpha.toml:11",
        "question `al-01`: options \"option 191493\" and \"option 647820\" get the same key; reword one";
    id_without_the_topic_prefix: "prefix-mismatch" at "content/alpha.toml:3",
        "id `be-01` must start with the topic's prefix `al-`";
    field_not_used_by_the_type: "field-not-used" at "content/alpha.toml:10",
        "`answers` is not used by single questions";
    // A typo must not silently drop the explanation: serde rejects it, on the key's line.
    unknown_field_is_an_error_not_ignored: "unknown-field" at "content/alpha.toml:8",
        "unknown field `explantion`, expected one of `id`";
    // `difficulty = junior` (unquoted) is not TOML at all.
    toml_syntax_error: "toml-syntax" at "content/alpha.toml:5", "invalid string";
}

/// A fixture folder nobody asserts on would pass silently whatever the compiler did.
#[test]
fn every_bad_fixture_has_a_case() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    let mut folders: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .map(|e| {
            e.expect("fixture entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name != "good")
        .collect();
    folders.sort();
    let mut cases = CASES.to_vec();
    cases.sort_unstable();
    assert_eq!(folders, cases);
}

fn good() -> Bank {
    load(&fixture("good"), "content").unwrap_or_else(|errors| {
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the good fixture must load:\n{}", shown.join("\n"))
    })
}

fn text(s: &str) -> Node {
    Node::text(s)
}

fn el(tag: Tag, children: Vec<Node>) -> Node {
    Node::Element(tag, children)
}

fn question<'a>(bank: &'a Bank, id: &str) -> &'a bank_compiler::SourceQuestion {
    bank.questions()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question `{id}`"))
}

#[test]
fn good_fixture_loads_in_topic_and_file_order() {
    let bank = good();
    let topics: Vec<&str> = bank.topics.iter().map(|t| t.entry.id.as_str()).collect();
    assert_eq!(topics, ["alpha", "beta"]);
    let placed: Vec<String> = bank
        .questions()
        .map(|q| format!("{} {}:{}", q.id, q.file, q.line))
        .collect();
    assert_eq!(
        placed,
        [
            "al-01 content/alpha.toml:4",
            "al-02 content/alpha.toml:43",
            "al-03 content/alpha.toml:66",
            "be-01 content/beta.toml:3",
            "be-02 content/beta.toml:12",
        ]
    );
}

/// An option as inline Markdown renders it: one paragraph.
fn para(inlines: Vec<Node>) -> Rich {
    vec![el(Tag::Para, inlines)]
}

fn code_span(s: &str) -> Rich {
    para(vec![el(Tag::Code, vec![text(s)])])
}

#[test]
fn options_shuffle_deterministically() {
    let bank = good();
    let q = question(&bank, "al-01");
    let first = render_question(q).question;
    // The order is fixed by the id, so every build ships the same order.
    assert_eq!(first.body, render_question(q).question.body);
    let shipped: Vec<Rich> = first
        .body
        .options()
        .iter()
        .map(|c| c.text.clone())
        .collect();
    // Options are inline Markdown: here each one `code` span.
    let written: Vec<Rich> = q
        .options
        .iter()
        .map(|o| code_span(o.text.trim_matches('`')))
        .collect();
    // Actually shuffled (for this id the order differs), yet the same options.
    assert_ne!(shipped, written);
    assert_eq!(shipped.len(), written.len());
    assert!(written.iter().all(|w| shipped.contains(w)));
    let correct: Vec<&Choice> = first.body.options().iter().filter(|c| c.correct).collect();
    assert_eq!(correct.len(), 1);
    assert_eq!(correct[0].text, code_span("x is None"));
}

#[test]
fn shuffle_false_keeps_the_written_order() {
    let bank = good();
    let q = question(&bank, "al-02");
    assert_eq!(q.kind, Kind::Multi);
    let Body::Multi { options } = render_question(q).question.body else {
        panic!("al-02 is multi")
    };
    let texts: Vec<Rich> = options.iter().map(|c| c.text.clone()).collect();
    assert_eq!(
        texts,
        [
            code_span("tuple"),
            code_span("str"),
            code_span("list"),
            text_para("None of the above")
        ]
    );
    let correct: Vec<bool> = options.iter().map(|c| c.correct).collect();
    assert_eq!(correct, [true, true, false, false]);
}

#[test]
fn markdown_becomes_rich_text_and_python_is_highlighted() {
    let bank = good();
    let rendered = render_question(question(&bank, "al-01"));
    let q = &rendered.question;
    assert_eq!(
        q.prompt,
        para(vec![
            text("Which expression is the "),
            el(Tag::Strong, vec![text("idiomatic")]),
            text(" test for a missing value?"),
        ])
    );
    assert_eq!(
        q.explanation[0],
        el(
            Tag::Para,
            vec![
                el(Tag::Code, vec![text("None")]),
                text(" is a singleton, so an identity test is exact:"),
            ]
        )
    );
    let Node::Element(Tag::Pre, tokens) = &q.explanation[1] else {
        panic!("{:?}", q.explanation)
    };
    assert_eq!(tokens[0], Node::token(TokenClass::Keyword, "if"));
    // Both fenced blocks are collected; only the one not tagged `invalid` must compile.
    let compiled: Vec<bool> = rendered.blocks.iter().map(|b| b.must_compile()).collect();
    assert_eq!(compiled, [true, false]);
    assert_eq!(rendered.blocks[0].source, "if x is None:\n    x = []\n");
    // `why` feedback is inline Markdown too.
    let why: Vec<&Rich> = q
        .body
        .options()
        .iter()
        .filter_map(|c| c.why.as_ref())
        .collect();
    assert!(
        why.contains(&&para(vec![
            el(Tag::Code, vec![text("__eq__")]),
            text(" can be overridden to say anything."),
        ])),
        "{why:?}"
    );
}

#[test]
fn output_question_keeps_answer_first_and_highlights_code() {
    let bank = good();
    let q = question(&bank, "al-03");
    assert_eq!(q.kind, Kind::Output);
    assert_eq!(q.min_python.as_deref(), Some("3.8"));
    // Before rendering, the real answer is first and marked correct; distractors follow.
    let texts: Vec<(&str, bool)> = q
        .options
        .iter()
        .map(|o| (o.text.as_str(), o.correct))
        .collect();
    assert_eq!(
        texts,
        [
            ("[1, 2]", true),
            ("[2]", false),
            ("raises TypeError", false)
        ]
    );
    let rendered = render_question(q).question;
    let code = rendered.code.expect("output questions ship their code");
    let [Node::Element(Tag::Pre, tokens)] = code.as_slice() else {
        panic!("one code block: {code:?}")
    };
    assert_eq!(
        tokens[..3],
        [
            Node::token(TokenClass::Keyword, "def"),
            text(" "),
            Node::token(TokenClass::Definition, "add"),
        ]
    );
    let options: Vec<&Rich> = rendered.body.options().iter().map(|c| &c.text).collect();
    // Printed output is text, not Markdown: `[2]` stays as written.
    assert!(options.contains(&&text_para("[2]")), "{options:?}");
    assert!(
        options.contains(&&para(vec![el(
            Tag::Emph,
            vec![text("raises "), el(Tag::Strong, vec![text("TypeError")])]
        )])),
        "{options:?}"
    );
}

#[test]
fn short_and_flashcard_bodies() {
    let bank = good();
    let short = render_question(question(&bank, "be-01")).question;
    assert_eq!(
        short.body,
        Body::Short {
            answers: vec!["__len__".into(), "len".into()],
            prose: false,
        }
    );
    let card = render_question(question(&bank, "be-02")).question;
    let Body::Flashcard { answer, checklist } = card.body else {
        panic!("be-02 is a flashcard")
    };
    assert_eq!(
        answer,
        text_para("A lock that lets one thread run Python bytecode at a time in CPython.")
    );
    assert_eq!(
        checklist,
        [
            text_para("It protects the interpreter's state"),
            text_para("I/O-bound threads release it")
        ]
    );
}

/// The compiler ⇄ app contract: what `chunks` writes, the app's decoder reads back unchanged,
/// and every option carries its key.
#[test]
fn chunks_decode_to_the_rendered_questions() {
    let bank = good();
    for (topic, file) in bank.topics.iter().zip(bank_compiler::chunks(&bank)) {
        let value: serde_json::Value = serde_json::from_str(&file.json).expect("chunk JSON");
        let chunk = bank_format::decode_chunk(&value).expect("the app can read the chunk");
        assert_eq!(chunk.topic, topic.entry.id);
        let rendered: Vec<_> = topic
            .questions
            .iter()
            .map(|q| std::rc::Rc::new(render_question(q).question))
            .collect();
        assert_eq!(chunk.questions, rendered);
        for q in &chunk.questions {
            for o in q.body.options() {
                assert_eq!(o.key.len(), 6, "{}: {o:?}", q.id);
            }
        }
    }
}

#[test]
fn option_keys_follow_the_text_not_the_position() {
    let bank = good();
    let q = question(&bank, "al-01");
    let rendered = render_question(q).question;
    for source in &q.options {
        let shipped = rendered
            .body
            .options()
            .iter()
            .find(|c| c.key == bank_format::option_key(&source.text))
            .expect("each written option ships under its own key");
        assert_eq!(shipped.correct, source.correct);
    }
}
