//! Rules the real bank (`content/`) keeps beyond what the build validates: its size and mix,
//! unique prompts, a `why` on every wrong option, tidy accepted short answers, docs links that
//! point at a section, options whose length (longest or shortest) and position do not give the
//! answer away, coverage of every builtin and core method, the Python FAQ's traps, and tidy
//! source. The measuring logic lives in `bank_compiler::audit` (unit-tested there and on
//! fixtures in `tests/audit_rules.rs`); these tests apply it to the real bank.

mod common;

use bank_compiler::audit::{coverage, faq, mix, option_lengths, positions, tidy};
use bank_compiler::SourceQuestion;
use bank_format::short_answer;
use bank_format::{Difficulty, Kind};
use common::{at, bank};
use std::collections::HashMap;
use std::fs;

/// Topic ids in `content/topics.toml` order. The bank only lists topics that have questions,
/// so an empty topic would be missed without reading the file itself.
fn declared_topics() -> Vec<String> {
    let text = fs::read_to_string(bank_compiler::repo_root().join("content/topics.toml"))
        .expect("read topics.toml");
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("id = \""))
        .map(|rest| rest.trim_end_matches('"').to_string())
        .collect()
}

/// Prompts compared trimmed, with white space collapsed and lowercased.
fn squash(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One row of the counts table: junior, mid, senior and total.
fn row(label: &str, n: [usize; 3]) -> String {
    let total: usize = n.iter().sum();
    format!("{label:<18} {:>6} {:>6} {:>6} {total:>6}", n[0], n[1], n[2])
}

fn at_least(problems: &mut Vec<String>, what: &str, n: usize, min: usize) {
    if n < min {
        problems.push(format!("{what}: {n}, want at least {min}"));
    }
}

#[test]
fn bank_invariants() {
    let bank = bank();
    let questions: Vec<&SourceQuestion> = bank.questions().collect();
    let total = questions.len();
    let topics = declared_topics();
    let mut problems = Vec::new();

    // Counts per topic × difficulty (columns in `Difficulty::ALL` order) and per type.
    let mut grid: HashMap<&str, [usize; 3]> = HashMap::new();
    let mut levels = [0; 3];
    let mut by_kind: HashMap<Kind, usize> = HashMap::new();
    for q in &questions {
        let level = Difficulty::ALL
            .iter()
            .position(|d| *d == q.difficulty)
            .expect("difficulty");
        grid.entry(q.topic.as_str()).or_default()[level] += 1;
        levels[level] += 1;
        *by_kind.entry(q.kind).or_default() += 1;
    }
    let kind = |k| by_kind.get(&k).copied().unwrap_or(0);
    println!(
        "{:<18} {:>6} {:>6} {:>6} {:>6}",
        "topic", "junior", "mid", "senior", "total"
    );
    for t in &topics {
        println!(
            "{}",
            row(t, grid.get(t.as_str()).copied().unwrap_or_default())
        );
    }
    println!("{}", row("all", levels));
    let kinds: Vec<String> = Kind::ALL
        .iter()
        .map(|k| format!("{} {}", k.as_str(), kind(*k)))
        .collect();
    println!("by type: {}", kinds.join(", "));

    if topics.len() != 30 {
        problems.push(format!(
            "topics.toml declares {} topics, want 30",
            topics.len()
        ));
    }
    // The total and per-topic minimums and the type mix per topic are `size_and_mix` below.
    at_least(&mut problems, "output questions", kind(Kind::Output), 120);
    at_least(
        &mut problems,
        "single+multi questions",
        kind(Kind::Single) + kind(Kind::Multi),
        150,
    );
    at_least(
        &mut problems,
        "flashcard questions",
        kind(Kind::Flashcard),
        60,
    );
    at_least(&mut problems, "short questions", kind(Kind::Short), 30);
    for (d, n) in Difficulty::ALL.iter().zip(levels) {
        // Each level is at least a quarter of the bank: n / total >= 1/4.
        if n * 4 < total {
            problems.push(format!(
                "{n} {} questions is under 25% of {total}",
                d.as_str()
            ));
        }
    }

    // "What does this print?" may repeat, so output questions are told apart by their code.
    let mut prompts: HashMap<String, &SourceQuestion> = HashMap::new();
    for q in &questions {
        let mut key = squash(&q.prompt);
        if q.kind == Kind::Output {
            key = format!("{key}\n{}", squash(q.code.as_deref().unwrap_or("")));
        }
        if let Some(first) = prompts.insert(key, q) {
            problems.push(format!("{} repeats the prompt of {}", at(q), at(first)));
        }
    }

    // Whether a snippet is a "classic gotcha" is too fuzzy to check; the tag count is not.
    let gotchas = questions
        .iter()
        .filter(|q| q.tags.iter().any(|t| t == "gotcha"))
        .count();
    println!("gotcha-tagged: {gotchas}");
    at_least(&mut problems, "questions tagged `gotcha`", gotchas, 20);

    assert!(
        problems.is_empty(),
        "{} bank invariant(s) broken:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// A learner who picks a wrong option is told why it is wrong, for every wrong option.
#[test]
fn every_wrong_option_explains_itself() {
    let bank = bank();
    let missing: Vec<String> = bank
        .questions()
        .flat_map(|q| {
            q.options
                .iter()
                .filter(|o| !o.correct && o.why.as_deref().is_none_or(|w| w.trim().is_empty()))
                .map(move |o| format!("{}: wrong option {:?} has no `why`", at(q), o.text))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{} wrong option(s) without a `why`:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// The grader's matching rule (`bank_format::short_answer`) already accepts white space,
/// quotes, `()`, `@` and module prefixes, so listing such variants again is noise; and the
/// first answer, shown as the right one, must be accepted by the rule itself.
#[test]
fn short_answers_are_tidy_under_the_matching_rule() {
    let bank = bank();
    let mut problems = Vec::new();
    for q in bank.questions().filter(|q| q.kind == Kind::Short) {
        for (i, a) in q.answers.iter().enumerate() {
            for b in &q.answers[..i] {
                if short_answer::matches(a, b, q.prose) {
                    problems.push(format!(
                        "{}: `{a}` already matches `{b}` under the matching rule",
                        at(q)
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} redundant accepted answer(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// A docs link to docs.python.org lands on the section or attribute it is about, not on the
/// top of a long page. PEPs are linked as a whole.
#[test]
fn docs_links_point_at_a_section() {
    let bank = bank();
    let bare: Vec<String> = bank
        .questions()
        .filter(|q| q.docs.starts_with("https://docs.python.org/") && !q.docs.contains('#'))
        .map(|q| format!("{}: {}", at(q), q.docs))
        .collect();
    assert!(
        bare.is_empty(),
        "{} docs link(s) without a #section:\n{}",
        bare.len(),
        bare.join("\n")
    );
}

/// An output snippet that uses syntax added in 3.8 or later says so with `min_python`, so the
/// card can show it and the checks know where it runs.
#[test]
fn new_syntax_declares_its_python() {
    let bank = bank();
    let mut problems = Vec::new();
    for q in bank.questions() {
        let Some(code) = &q.code else { continue };
        let declared = q
            .min_python
            .as_deref()
            .and_then(bank_compiler::python_version);
        for line in code.lines().map(str::trim_start) {
            if let Some((what, version)) = new_syntax(line) {
                let needs = bank_compiler::python_version(version).expect("a version");
                if declared.is_none_or(|d| d < needs) {
                    problems.push(format!(
                        "{}: uses {what} but min_python is not {version} or later",
                        at(q)
                    ));
                }
            }
        }
    }
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The syntax a line of code needs, if it is newer than 3.7: (name, first version).
fn new_syntax(line: &str) -> Option<(&'static str, &'static str)> {
    let ident_then = |rest: &str, after: &str| {
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        name_len > 0 && rest[name_len..].trim_start().starts_with(after)
    };
    if line.contains(":=") {
        Some(("an assignment expression (`:=`)", "3.8"))
    } else if line.starts_with("def ") && (line.contains(", /") || line.contains("(/")) {
        Some(("positional-only parameters (`/`)", "3.8"))
    } else if line.starts_with("match ") && line.ends_with(':') && !line.contains('=') {
        Some(("a `match` statement", "3.10"))
    } else if line.starts_with("except*") || line.starts_with("except *") {
        Some(("`except*`", "3.11"))
    } else if let Some(rest) = line.strip_prefix("type ") {
        (ident_then(rest, "=") || ident_then(rest, "[")).then_some(("a `type` statement", "3.12"))
    } else if let Some(rest) = line
        .strip_prefix("def ")
        .or_else(|| line.strip_prefix("class "))
    {
        ident_then(rest, "[").then_some(("type parameters (PEP 695)", "3.12"))
    } else {
        None
    }
}

#[test]
fn new_syntax_is_recognised() {
    assert!(new_syntax("if (n := len(a)) > 10:").is_some());
    assert!(new_syntax("def f(a, /, b):").is_some());
    assert!(new_syntax("match command:").is_some());
    assert!(new_syntax("type Point = tuple[int, int]").is_some());
    assert!(new_syntax("def first[T](xs: list[T]) -> T:").is_some());
    assert!(new_syntax("class Box[T]:").is_some());
    assert_eq!(new_syntax("type = 5"), None);
    assert_eq!(new_syntax("match = re.match(p, s)"), None);
    assert_eq!(new_syntax("def f(a, b):"), None);
    assert_eq!(new_syntax("print(type(x))"), None);
}

/// Every chunk of the real bank reads back through the app's decoder with all its questions.
#[test]
fn every_chunk_decodes_in_the_app() {
    let bank = bank();
    for (topic, file) in bank.topics.iter().zip(bank_compiler::chunks(&bank)) {
        let value: serde_json::Value = serde_json::from_str(&file.json).expect("chunk JSON");
        let chunk =
            bank_format::decode_chunk(&value).unwrap_or_else(|e| panic!("{}: {e}", file.file_name));
        let ids: Vec<&str> = chunk.questions.iter().map(|q| q.id.as_str()).collect();
        let expected: Vec<&str> = topic.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, expected, "{}", file.file_name);
    }
}

/// Panics listing every problem of one rule, if any.
#[track_caller]
fn assert_no(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} {what}:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// At least 650 questions, 18 per topic, and every question type in every topic.
#[test]
fn size_and_mix() {
    let problems = mix::mix_problems(&bank(), &declared_topics(), mix::BANK_LIMITS);
    assert_no("size or mix problem(s)", problems);
}

/// A learner who always picks the longest option must not beat chance by much: in at most
/// 35 % of single and multi questions is the longest correct option at least as long as the
/// longest wrong one.
#[test]
fn the_longest_option_is_rarely_the_answer() {
    assert_no(
        "longest-option problem",
        option_lengths::share_problems(&bank()),
    );
}

/// No correct option is more than 1.5× as long as the longest wrong one.
#[test]
fn no_correct_option_dwarfs_the_wrong_ones() {
    assert_no(
        "correct option(s) over 1.5× the longest wrong one",
        option_lengths::ratio_problems(&bank()),
    );
}

/// The mirror image: a learner who always picks the shortest option must not beat chance by
/// much either. In at most 35 % of single and multi questions is the shortest correct option at
/// most as long as the shortest wrong one.
#[test]
fn the_shortest_option_is_rarely_the_answer() {
    assert_no(
        "shortest-option problem",
        option_lengths::shortest_share_problems(&bank()),
    );
}

/// No question's shortest correct option is under half as long as its shortest wrong one.
#[test]
fn no_correct_option_is_dwarfed_by_the_wrong_ones() {
    assert_no(
        "correct option(s) under half the shortest wrong one",
        option_lengths::short_ratio_problems(&bank()),
    );
}

/// Among shuffled single questions, no source position holds the answer in over 40 % of them.
#[test]
fn the_answer_is_not_always_written_in_one_place() {
    assert_no(
        "answer-position problem",
        positions::position_problems(&bank()),
    );
}

/// Every builtin function and every listed core method is named by some question.
#[test]
fn every_builtin_and_core_method_is_named() {
    assert_no(
        "builtin(s) or method(s) no question names",
        coverage::coverage_problems(&bank()),
    );
}

/// `content/faq-traps.toml` and the questions' FAQ links agree (see `audit::faq`).
#[test]
fn every_faq_trap_has_a_question_that_links_it() {
    let dir = bank_compiler::repo_root().join("content");
    let table = faq::FaqTable::read(&dir, "content").unwrap_or_else(|e| panic!("{e}"));
    assert_no("FAQ table problem(s)", faq::faq_problems(&table, &bank()));
}

/// An output answer is stored as it is compared: without trailing white space or newline.
#[test]
fn output_answers_are_stored_trimmed() {
    assert_no(
        "output answer(s) with trailing white space",
        tidy::untrimmed_output_problems(&bank()),
    );
}

/// A short question answered by a dunder (`__bool__`) does not also accept the bare name.
#[test]
fn dunder_answers_do_not_accept_the_bare_name() {
    assert_no(
        "dunder question(s) accepting the bare name",
        tidy::bare_dunder_problems(&bank()),
    );
}
