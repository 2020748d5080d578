//! The bank rules' measurements on `tests/fixtures/bank-rules/content`, a tiny bank that keeps
//! every rule (with small size limits): each rule passes on it, and fails, naming the question
//! by `id (file:line)`, once the fixture is broken in the way the rule is about. This checks
//! the rules themselves while the real bank does not satisfy them yet.

mod common;

use bank_compiler::audit::faq::FaqTable;
use bank_compiler::audit::mix::MixLimits;
use bank_compiler::audit::{at, coverage, faq, mix, option_lengths, positions, report, tidy};
use bank_compiler::{load, Bank, SourceQuestion};
use bank_format::Kind;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bank-rules/content")
}

fn fixture() -> Bank {
    load(&dir(), "content").unwrap_or_else(|errors| {
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the bank-rules fixture must load:\n{}", shown.join("\n"))
    })
}

fn table() -> FaqTable {
    FaqTable::read(&dir(), "content").unwrap_or_else(|e| panic!("{e}"))
}

fn question<'a>(bank: &'a mut Bank, id: &str) -> &'a mut SourceQuestion {
    bank.topics
        .iter_mut()
        .flat_map(|t| t.questions.iter_mut())
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question `{id}`"))
}

fn place(bank: &Bank, id: &str) -> String {
    at(bank.questions().find(|q| q.id == id).expect("the question"))
}

const LIMITS: MixLimits = MixLimits {
    total: 11,
    per_topic: 5,
};

fn topics() -> Vec<String> {
    vec!["alpha".into(), "beta".into()]
}

#[test]
fn the_fixture_keeps_every_rule() {
    let bank = fixture();
    let all = [
        option_lengths::share_problems(&bank),
        option_lengths::ratio_problems(&bank),
        option_lengths::shortest_share_problems(&bank),
        option_lengths::short_ratio_problems(&bank),
        positions::position_problems(&bank),
        coverage::coverage_problems(&bank),
        faq::faq_problems(&table(), &bank),
        mix::mix_problems(&bank, &topics(), LIMITS),
        tidy::untrimmed_output_problems(&bank),
        tidy::bare_dunder_problems(&bank),
    ];
    for problems in all {
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[test]
fn a_give_away_too_many_breaks_the_share() {
    let mut bank = fixture();
    // al-03's tie makes 1 of 5 (20 %); a second give-away makes 2 of 5 (40 %), over 35 %.
    question(&mut bank, "al-01").options[0].text =
        "`x is None`, the identity test, exact and fast".into();
    let problems = option_lengths::share_problems(&bank);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("2 of 5 single/multi questions (40.0 %), over the 35 % limit"),
        "{}",
        problems[0]
    );
    for id in ["al-01", "al-03"] {
        assert!(problems[0].contains(&place(&bank, id)), "{}", problems[0]);
    }
}

#[test]
fn a_correct_option_over_one_and_a_half_times_is_flagged() {
    let mut bank = fixture();
    let q = question(&mut bank, "be-02");
    q.options[1].text = "`(1, 2)`, a tuple of two hashable ints".into();
    let problems = option_lengths::ratio_problems(&bank);
    assert_eq!(
        problems,
        [format!(
            "{}: correct 38, longest wrong 17 (2.24×), over 1.5×",
            place(&bank, "be-02")
        )]
    );
}

#[test]
fn a_terse_answer_too_many_breaks_the_shortest_share() {
    let mut bank = fixture();
    // al-01's tie makes 1 of 5 (20 %); a second terse answer makes 2 of 5 (40 %), over 35 %.
    question(&mut bank, "al-02").options[1].text = "`False`".into();
    assert!(option_lengths::share_problems(&bank).is_empty());
    let problems = option_lengths::shortest_share_problems(&bank);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "the shortest option is the correct one in 2 of 5 single/multi questions (40.0 %), \
             over the 35 % limit"
        ),
        "{}",
        problems[0]
    );
    // The tersest answer leads: al-02 (7 against 18) before al-01's tie.
    let al_02 = problems[0]
        .find(&place(&bank, "al-02"))
        .expect("al-02 listed");
    let al_01 = problems[0]
        .find(&place(&bank, "al-01"))
        .expect("al-01 listed");
    assert!(al_02 < al_01, "{}", problems[0]);
    assert!(problems[0].contains("correct 7, shortest wrong 18 (0.39×)"));
}

#[test]
fn a_correct_option_under_half_the_shortest_wrong_is_flagged() {
    let mut bank = fixture();
    question(&mut bank, "be-01").options[2].text = "`d.get(k)`".into();
    assert_eq!(
        option_lengths::short_ratio_problems(&bank),
        [format!(
            "{}: correct 10, shortest wrong 32 (0.31×), under 0.5×",
            place(&bank, "be-01")
        )]
    );
    // Exactly half is allowed: 10 characters against a 20-character wrong option.
    let q = question(&mut bank, "be-01");
    q.options[0].text = "`d[k]` under a `try`".into();
    assert_eq!(option_lengths::option_len(&q.options[0].text), 20);
    assert!(option_lengths::short_ratio_problems(&bank).is_empty());
}

#[test]
fn answers_always_written_first_break_the_spread() {
    let mut bank = fixture();
    for id in ["al-02", "be-01"] {
        let q = question(&mut bank, id);
        let i = q.options.iter().position(|o| o.correct).unwrap();
        q.options.swap(0, i);
    }
    let problems = positions::position_problems(&bank);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("1st 3, 2nd 0, 3rd 0; most common 100.0 %, limit 40 %"),
        "{}",
        problems[0]
    );
    assert!(problems[0].contains(&place(&bank, "be-01")));
    // `shuffle = false` questions keep their order on purpose and are not counted.
    for t in &mut bank.topics {
        t.questions.iter_mut().for_each(|q| q.keep_order = true);
    }
    assert!(positions::position_problems(&bank).is_empty());
}

#[test]
fn a_builtin_or_method_no_question_names_is_missing() {
    let mut bank = fixture();
    question(&mut bank, "al-06").answer = Some("`abs` and `all`, `divmod()`".into());
    question(&mut bank, "be-05").checklist = vec!["`list.append`".into()];
    let problems = coverage::coverage_problems(&bank);
    assert!(problems.contains(&"builtin `aiter`: no question names it".to_string()));
    assert!(problems.contains(&"method `list.reverse`: no question names it".to_string()));
    assert!(!problems
        .iter()
        .any(|p| p.contains("`abs`") || p.contains("`divmod`")));
    // al-04's code calls `bucket.append(item)` and `print(...)`.
    assert!(!problems
        .iter()
        .any(|p| p.contains("`print`") || p.contains("list.append")));
    // The prose "all" of al-06's prompt does not count once the backticked `all` is gone.
    question(&mut bank, "al-06").answer = Some("Use them all.".into());
    assert!(coverage::coverage_problems(&bank)
        .contains(&"builtin `all`: no question names it".to_string()));
}

#[test]
fn the_faq_table_and_the_links_must_agree() {
    let bank = fixture();
    let text = std::fs::read_to_string(dir().join(faq::TABLE_FILE)).unwrap();
    let broken = text
        .replace(r#"questions = ["al-04"]"#, "questions = []")
        .replace(
            r#"questions = ["be-03"]"#,
            r#"questions = ["be-03", "be-04", "zz-01"]"#,
        )
        .replace(
            "anchor = \"how-fast-are-exceptions\"",
            "anchor = \"how-fast-is-an-exception\"",
        );
    let table = FaqTable::parse(&broken, "content/faq-traps.toml").unwrap();
    let problems = faq::faq_problems(&table, &bank);
    let expected = [
        "content/faq-traps.toml:1: programming#why-are-default-values-shared-between-objects (\"Why are default values shared between objects?\") lists no question yet".to_string(),
        format!("content/faq-traps.toml:7: lists {}, which does not link https://docs.python.org/3/faq/programming.html#performance", place(&bank, "be-04")),
        "content/faq-traps.toml:7: lists `zz-01`, which is not in the bank".to_string(),
        "content/faq-traps.toml:14: anchor `how-fast-is-an-exception` is not the one the docs give the title \"How fast are exceptions?\": `how-fast-are-exceptions`".to_string(),
        format!("content/faq-traps.toml:14: lists {}, which does not link https://docs.python.org/3/faq/design.html#how-fast-is-an-exception", place(&bank, "be-01")),
        format!("{}: links https://docs.python.org/3/faq/design.html#how-fast-are-exceptions, which is not in faq-traps.toml", place(&bank, "be-01")),
    ];
    assert_eq!(problems, expected);
}

#[test]
fn size_and_mix_need_enough_questions_and_every_type() {
    let mut bank = fixture();
    let problems = mix::mix_problems(
        &bank,
        &topics(),
        MixLimits {
            total: 12,
            per_topic: 6,
        },
    );
    assert_eq!(
        problems,
        [
            "questions: 11, want at least 12",
            "topic `beta`: 5 questions, want at least 6"
        ]
    );
    bank.topics[1].questions.retain(|q| q.kind != Kind::Short);
    let mut declared = topics();
    declared.push("gamma".into());
    let problems = mix::mix_problems(
        &bank,
        &declared,
        MixLimits {
            total: 0,
            per_topic: 0,
        },
    );
    assert_eq!(
        problems,
        [
            "topic `beta` has no short question",
            "topic `gamma` has no single, no multi, no output, no short, no flashcard question"
        ]
    );
}

#[test]
fn untidy_source_is_named_by_file_and_line() {
    let mut bank = fixture();
    question(&mut bank, "al-04").answer = Some("[1, 2]\n".into());
    question(&mut bank, "al-05").answers.push("len".into());
    assert_eq!(
        tidy::untrimmed_output_problems(&bank),
        [format!(
            "{}: the output `answer` ends with white space or a newline (\"[1, 2]\\n\"): trim it",
            place(&bank, "al-04")
        )]
    );
    assert_eq!(
        tidy::bare_dunder_problems(&bank),
        [format!(
            "{}: the answer is `__len__` but the bare `len` is accepted too: drop it",
            place(&bank, "al-05")
        )]
    );
}

#[test]
fn the_reports_show_the_measurements() {
    let mut bank = fixture();
    assert_eq!(
        report::option_summary(&bank),
        "longest option is the correct one: 1 of 5 (20.0 %), limit 35 %\n\
         correct option over 1.5× the longest wrong one: 0\n\
         shortest option is the correct one: 1 of 5 (20.0 %), limit 35 %\n\
         correct option under 0.5× the shortest wrong one: 0\n\
         correct option's source position in 3 shuffled single questions: \
         1st 1, 2nd 1, 3rd 1; most common 33.3 %, limit 40 %\n"
    );
    question(&mut bank, "al-06").answer = Some("`abs` only".into());
    let out = report::coverage_report(&bank, &Ok(table()));
    let line = |start: &str| {
        out.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no line `{start}` in:\n{out}"))
            .to_string()
    };
    assert_eq!(line("abs "), "abs          al-06");
    assert_eq!(line("aiter "), "aiter        MISSING");
    assert_eq!(line("len "), "len          al-05");
    assert_eq!(line("list.append "), "list.append      al-04 be-05");
    assert_eq!(
        line("## Python FAQ traps"),
        "## Python FAQ traps: 2 traps and 1 other linked sections, 0 without a question"
    );
    assert_eq!(
        line("programming#performance"),
        "programming#performance (not a trap) be-03"
    );
}

/// End to end: the loader keeps an output `answer` as written (it compares a trimmed copy), so
/// a trailing newline in the file reaches the rule, which names the question's line.
#[test]
fn a_trailing_newline_in_the_file_is_caught() {
    let copy = std::env::temp_dir().join(format!("bank-rules-{}", std::process::id()));
    std::fs::create_dir_all(&copy).unwrap();
    for file in ["topics.toml", "alpha.toml", "beta.toml"] {
        let text = std::fs::read_to_string(dir().join(file)).unwrap();
        let text = text.replace("answer = \"[1, 2]\"", "answer = \"\"\"\n[1, 2]\n\"\"\"");
        std::fs::write(copy.join(file), text).unwrap();
    }
    let bank = load(&copy, "content").expect("the copy loads");
    std::fs::remove_dir_all(&copy).unwrap();
    let problems = tidy::untrimmed_output_problems(&bank);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!("{}: ", place(&bank, "al-04"))),
        "{}",
        problems[0]
    );
}

/// The builtins list was taken from Python 3.13; re-derive it whenever a 3.13 is installed.
/// `__import__` is the one underscore name kept (see `coverage::BUILTINS`).
#[test]
fn the_builtins_list_matches_python_3_13() {
    let Some(python) = common::pythons::all()
        .into_iter()
        .find(|p| p.minor() == (3, 13))
    else {
        println!("no CPython 3.13 here: the list is not re-derived");
        return;
    };
    const SCRIPT: &str = r#"import builtins
skip = {"help", "exit", "quit", "copyright", "credits", "license"}
print(" ".join(sorted(n for n, v in vars(builtins).items() if callable(v)
    and (not n.startswith("_") or n == "__import__")
    and not (isinstance(v, type) and issubclass(v, BaseException)) and n not in skip)))"#;
    let out = std::process::Command::new(&python.exe)
        .args(["-c", SCRIPT])
        .output()
        .expect("run python 3.13");
    let names = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        names.split_whitespace().collect::<Vec<_>>(),
        coverage::BUILTINS.split_whitespace().collect::<Vec<_>>(),
        "Python {} disagrees with audit::coverage::BUILTINS",
        python.label()
    );
}
