//! Own quizzes: the example file compiles and reads back whole, a mistake is reported as
//! `file:line: message`, and the `bank quiz` command writes exactly what `compile_quiz` returns.

use bank_compiler::{compile_quiz, repo_root};
use bank_format::{decode_quiz, Kind};
use std::path::PathBuf;
use std::process::Command;

fn example_path() -> PathBuf {
    repo_root().join("content/examples/my-quiz.toml")
}

fn example() -> String {
    std::fs::read_to_string(example_path()).expect("content/examples/my-quiz.toml")
}

/// One question (its `[[question]]` on line 3) around `body`, the TOML of its type and fields
/// (from line 9 on).
fn quiz_with(body: &str) -> String {
    format!(
        "title = \"T\"\n\n[[question]]\nid = \"q-1\"\ndifficulty = \"junior\"\nprompt = \"P?\"\nexplanation = \"E.\"\ndocs = \"https://example.org/docs#p\"\n{body}"
    )
}

const SINGLE: &str = "type = \"single\"\n[[question.options]]\ntext = \"a\"\ncorrect = true\n[[question.options]]\ntext = \"b\"\n";

fn errors(toml: &str) -> Vec<String> {
    match compile_quiz("mine.toml", toml) {
        Ok(json) => panic!("compiled, but has a mistake:\n{toml}\n→ {json}"),
        Err(es) => es.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_example_compiles_to_one_question_of_each_type() {
    let json = compile_quiz("my-quiz.toml", &example()).unwrap_or_else(|es| {
        panic!(
            "{}",
            es.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let value: serde_json::Value = serde_json::from_str(&json).expect("quiz JSON");
    assert_eq!(value["format"], "pyquiz-quiz");
    assert_eq!(value["version"], 1);
    let quiz = decode_quiz(&value).expect("the reader accepts what the compiler writes");
    assert_eq!(quiz.title, "Counting calls with tally");
    let kinds: Vec<Kind> = quiz.questions.iter().map(|q| q.body.kind()).collect();
    assert_eq!(kinds, Kind::ALL);
    assert!(quiz
        .questions
        .iter()
        .any(|q| q.code.is_some() && q.hint.is_none()));
    assert!(quiz.questions[0].hint.is_some());
}

#[test]
fn the_same_text_gives_the_same_bytes() {
    let text = example();
    let first = compile_quiz("my-quiz.toml", &text).expect("compiles");
    for _ in 0..3 {
        assert_eq!(compile_quiz("my-quiz.toml", &text).as_ref(), Ok(&first));
    }
}

#[test]
fn the_embed_demo_ships_the_example_compiled() {
    // embed/embed-demo-quiz.json is the demo page's data-src example: regenerate it with
    // `bank quiz content/examples/my-quiz.toml -o embed/embed-demo-quiz.json` when either changes.
    let shipped = std::fs::read_to_string(repo_root().join("embed/embed-demo-quiz.json"))
        .expect("embed/embed-demo-quiz.json");
    assert_eq!(shipped, compile_quiz("my-quiz.toml", &example()).unwrap());
}

#[test]
fn options_are_shuffled_as_the_bank_does() {
    let options = (1..=6)
        .map(|i| {
            format!(
                "[[question.options]]\ntext = \"option {i}\"\ncorrect = {}\n",
                i == 1
            )
        })
        .collect::<String>();
    let json = compile_quiz(
        "mine.toml",
        &quiz_with(&format!("type = \"single\"\n{options}")),
    )
    .expect("compiles");
    let quiz = decode_quiz(&serde_json::from_str::<serde_json::Value>(&json).unwrap()).unwrap();
    let shown: Vec<String> = quiz.questions[0]
        .body
        .options()
        .iter()
        .map(|o| bank_format::rich::plain_text(&o.text).trim().to_string())
        .collect();
    let written: Vec<String> = (1..=6).map(|i| format!("option {i}")).collect();
    assert_ne!(shown, written, "shuffled by the id");
    let mut sorted = shown.clone();
    sorted.sort();
    assert_eq!(sorted, written);
}

#[test]
fn mistakes_point_at_their_lines() {
    let cases: &[(String, &str)] = &[
        (quiz_with(""), "mine.toml:3: question `q-1` has no `type`"),
        (
            quiz_with(&format!("{SINGLE}[[question]]\nid = \"q-1\"\ndifficulty = \"mid\"\ntype = \"short\"\nanswers = [\"x\"]\nprompt = \"P\"\nexplanation = \"E\"\ndocs = \"https://example.org/\"\n")),
            "mine.toml:15: duplicate id `q-1`, first used at mine.toml:3",
        ),
        (
            quiz_with(SINGLE).replace("P?", "[x](javascript:alert(1))"),
            "mine.toml:6: question `q-1`: link `javascript:alert(1)` must be an http:// or https:// URL",
        ),
        (
            quiz_with(SINGLE).replace("E.", "See [here](other.html)."),
            "mine.toml:7: question `q-1`: link `other.html` must be an http:// or https:// URL",
        ),
        (
            quiz_with(SINGLE).replace("E.", "![x](https://example.org/x.png)"),
            "mine.toml:7: question `q-1`: images are not allowed (`https://example.org/x.png`)",
        ),
        (
            quiz_with(SINGLE).replace("https://example.org/docs#p", "data:text/html,x"),
            "mine.toml:8: docs link `data:text/html,x` must be an http:// or https:// URL",
        ),
        (
            quiz_with(SINGLE).replace("title = \"T\"", "title = \" \""),
            "mine.toml:1: the quiz has an empty `title`",
        ),
        (
            quiz_with(SINGLE).replace("title = \"T\"\n", "title = \"T\"\ntopic = \"scope\"\n"),
            "mine.toml:2: unknown field `topic`",
        ),
        (
            quiz_with(SINGLE).replace("difficulty = \"junior\"", "difficulty = junior"),
            "mine.toml:5: invalid string",
        ),
        (
            quiz_with(&SINGLE.replace("text = \"b\"", &format!("text = \"{}\"", "b".repeat(2001)))),
            "mine.toml:3: question `q-1`: option 2: text longer than 2,000 characters",
        ),
        (
            quiz_with(&format!(
                "type = \"multi\"\n{}",
                (0..13).map(|i| format!("[[question.options]]\ntext = \"o{i}\"\ncorrect = true\n")).collect::<String>()
            )),
            "mine.toml:3: question `q-1`: more than 12 options",
        ),
        ("title = \"T\"\n".into(), "mine.toml:1: the quiz has no questions"),
    ];
    for (toml, expected) in cases {
        let shown = errors(toml);
        assert!(
            shown.len() == 1 && shown[0].starts_with(expected),
            "expected `{expected}…`, got {shown:#?}\nfor:\n{toml}"
        );
    }
}

#[test]
fn own_quizzes_link_any_web_host_and_use_any_id_prefix() {
    let toml = quiz_with(SINGLE).replace("q-1", "zz-9").replace(
        "E.",
        "See <http://my.blog.example/post> and [docs](https://lib.example/#x).",
    );
    assert!(compile_quiz("mine.toml", &toml).is_ok());
}

fn bank_command(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bank"))
        .args(args)
        .output()
        .expect("run bank")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("own-quiz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn the_command_writes_what_the_library_returns() {
    let out = scratch("my-quiz.json");
    let path = example_path();
    let run = bank_command(&["quiz", path.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        Ok(written),
        compile_quiz(path.to_str().unwrap(), &example())
    );
}

#[test]
fn the_command_prints_file_and_line_and_exits_1_on_a_mistake() {
    let input = scratch("bad.toml");
    let out = scratch("bad.json");
    std::fs::write(
        &input,
        quiz_with(SINGLE).replace("P?", "[x](javascript:alert(1))"),
    )
    .unwrap();
    let run = bank_command(&["quiz", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.starts_with(&format!("{}:6: question `q-1`: link", input.display())),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written for a bad quiz");
}

#[test]
fn the_command_without_an_output_prints_its_usage() {
    let run = bank_command(&["quiz", "my-quiz.toml"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("usage: bank quiz"));
}
