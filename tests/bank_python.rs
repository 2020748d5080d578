//! Checks the real bank (`content/`) against a real `python3`: every `output` snippet prints its
//! answer, every Python block compiles, and the bank's size and mix hold.
#![cfg(not(target_arch = "wasm32"))]

use bank_compiler::{load, normalize_output, render_question, Bank, SourceQuestion};
use bank_format::{Difficulty, Kind};
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// At least this many snippets run at once (more on machines with more cores).
const WORKERS: usize = 4;
const TIMEOUT: Duration = Duration::from_secs(10);
const MARKER: &str = "__RAISED__ ";

/// Runs the snippet as `__main__` and reports an uncaught exception by class name on stderr.
/// `SystemExit` is re-raised so `sys.exit()` behaves as in a real script.
const RUNNER: &str = r#"
import runpy, sys
path = sys.argv[1]
sys.argv = [path]
try:
    runpy.run_path(path, run_name="__main__")
except BaseException as e:
    if isinstance(e, SystemExit):
        raise
    sys.stdout.flush()
    print("__RAISED__ " + type(e).__name__, file=sys.stderr)
"#;

/// `id (content/file.toml:line)`, how every failure names its question.
fn at(q: &SourceQuestion) -> String {
    format!("{} ({}:{})", q.id, q.file, q.line)
}

fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content")
}

fn bank() -> Bank {
    load(&content_dir(), "content").unwrap_or_else(|errors| {
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("content/ does not load:\n{}", shown.join("\n"))
    })
}

/// The real interpreter behind `python3` and its version. Running `sys.executable` directly
/// skips launcher shims (pyenv's costs more than the snippet itself).
fn python() -> (PathBuf, (u32, u32)) {
    let script = "import sys; print(sys.executable); print(*sys.version_info[:2], sep='.')";
    let out = Command::new("python3").args(["-c", script]).output();
    let out = out.expect("python3 must be on PATH to verify the bank");
    let text = String::from_utf8_lossy(&out.stdout);
    let (exe, version) = text
        .trim()
        .split_once('\n')
        .expect("executable and version");
    // An embedded interpreter may not know its executable; fall back to the launcher then.
    let exe = if exe.is_empty() { "python3" } else { exe };
    (PathBuf::from(exe), parse_version(version))
}

/// `"3.10"` → `(3, 10)`; the compiler has already checked the shape of `min_python`.
fn parse_version(v: &str) -> (u32, u32) {
    let (major, minor) = v.split_once('.').expect("min_python like 3.10");
    (major.parse().expect("major"), minor.parse().expect("minor"))
}

/// A fresh directory per run, so a snippet that writes files never sees another's leftovers.
fn scratch_dir(id: &str, seed: u32) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "pyquiz-bank-{}-{n}-{id}-{seed}",
        std::process::id()
    ));
    fs::create_dir_all(&dir).expect("create a temp dir");
    dir
}

/// What one run of a snippet amounted to: `raises Name`, or its normalized stdout.
fn run_snippet(python: &Path, id: &str, code: &str, seed: u32) -> Result<String, String> {
    let dir = scratch_dir(id, seed);
    let result = run_in(python, &dir, code, seed);
    let _ = fs::remove_dir_all(&dir);
    result
}

fn run_in(python: &Path, dir: &Path, code: &str, seed: u32) -> Result<String, String> {
    let script = dir.join("snippet.py");
    fs::write(&script, format!("{code}\n")).map_err(|e| e.to_string())?;
    // Output goes to files, not pipes, so a chatty snippet cannot block while we poll.
    let (out_path, err_path) = (dir.join(".stdout"), dir.join(".stderr"));
    let stdout = File::create(&out_path).map_err(|e| e.to_string())?;
    let stderr = File::create(&err_path).map_err(|e| e.to_string())?;
    let mut child = Command::new(python)
        .args(["-c", RUNNER])
        .arg(&script)
        .current_dir(dir)
        .env("PYTHONHASHSEED", seed.to_string())
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .map_err(|e| format!("cannot start python3: {e}"))?;
    let start = Instant::now();
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(_) => break,
            None if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {} s", TIMEOUT.as_secs()));
            }
            None => thread::sleep(Duration::from_millis(5)),
        }
    }
    let out = String::from_utf8_lossy(&fs::read(&out_path).unwrap_or_default()).into_owned();
    let err = String::from_utf8_lossy(&fs::read(&err_path).unwrap_or_default()).into_owned();
    // An uncaught exception decides the answer, whatever was printed before it.
    match err.lines().rev().find_map(|l| l.strip_prefix(MARKER)) {
        Some(name) => Ok(format!("raises {}", name.trim())),
        None => Ok(normalize_output(&out)),
    }
}

/// Runs under two hash seeds, so output that depends on `str` hashing (set order) is caught.
fn check_output(python: &Path, q: &SourceQuestion) -> Result<(), String> {
    let code = q.code.as_deref().unwrap_or("");
    let first = run_snippet(python, &q.id, code, 1)?;
    let second = run_snippet(python, &q.id, code, 2)?;
    if first != second {
        return Err(format!(
            "not deterministic: PYTHONHASHSEED=1 gives {first:?}, 2 gives {second:?}"
        ));
    }
    let expected = &q.options[0];
    assert!(expected.correct, "{}: options[0] is the real answer", q.id);
    if let Some(d) = q.options[1..].iter().find(|d| d.text == first) {
        return Err(format!(
            "prints distractor {:?} (answer {:?})",
            d.text, expected.text
        ));
    }
    if first != expected.text {
        return Err(format!("expected {:?}, got {first:?}", expected.text));
    }
    Ok(())
}

#[test]
fn output_answers_match_python() {
    let bank = bank();
    let (python, here) = python();
    let (run, skipped): (Vec<&SourceQuestion>, Vec<&SourceQuestion>) = bank
        .questions()
        .filter(|q| q.kind == Kind::Output)
        .partition(|q| {
            q.min_python
                .as_deref()
                .is_none_or(|v| parse_version(v) <= here)
        });

    // A small pool of workers pulling the next question: python start-up dominates.
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    thread::scope(|s| {
        let workers =
            thread::available_parallelism().map_or(WORKERS, |n| n.get().clamp(WORKERS, 16));
        for _ in 0..workers {
            s.spawn(|| {
                while let Some(q) = run.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(e) = check_output(&python, q) {
                        failures.lock().unwrap().push(format!("{}: {e}", at(q)));
                    }
                }
            });
        }
    });

    let summary = format!(
        "python: checked {} output questions, skipped {} (min_python newer than {}.{})",
        run.len(),
        skipped.len(),
        here.0,
        here.1
    );
    println!("{summary}");
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    assert!(
        failures.is_empty(),
        "{summary}\n{} output question(s) wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn python_blocks_compile() {
    let bank = bank();
    let mut sources = Vec::new();
    for q in bank.questions() {
        let at = at(q);
        // Numbered among all the question's fenced blocks, `invalid` ones included.
        for (n, block) in render_question(q).blocks.iter().enumerate() {
            if block.must_compile() {
                sources.push(serde_json::json!({ "id": format!("{at} block {}", n + 1), "source": block.source }));
            }
        }
        if let Some(code) = &q.code {
            sources.push(serde_json::json!({ "id": format!("{at} code"), "source": code }));
        }
    }
    // One interpreter for every block: starting python per block would be far slower.
    const SCRIPT: &str = r#"
import json, sys
failures = []
for item in json.load(sys.stdin):
    try:
        compile(item["source"], item["id"], "exec")
    except Exception as e:
        where = f" (line {e.lineno})" if isinstance(e, SyntaxError) else ""
        failures.append(f'{item["id"]}: {type(e).__name__}: {getattr(e, "msg", e)}{where}')
print(json.dumps(failures))
"#;
    let mut child = Command::new(python().0)
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be on PATH to verify the bank");
    // The script reads all of stdin before writing, so writing first cannot deadlock.
    let input = serde_json::to_vec(&sources).expect("serialize blocks");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(&input).expect("write blocks to python3");
    drop(stdin);
    let out = child.wait_with_output().expect("python3 output");
    assert!(
        out.status.success(),
        "compile script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let failures: Vec<String> = serde_json::from_slice(&out.stdout).expect("JSON from the script");
    println!("python: compiled {} blocks", sources.len());
    let n = failures.len();
    assert!(
        n == 0,
        "{n} Python block(s) do not compile:\n{}",
        failures.join("\n")
    );
}

/// Topic ids in `content/topics.toml` order. The bank only lists topics that have questions,
/// so an empty topic would be missed without reading the file itself.
fn declared_topics() -> Vec<String> {
    let text = fs::read_to_string(content_dir().join("topics.toml")).expect("read topics.toml");
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

    at_least(&mut problems, "questions", total, 400);
    if topics.len() != 30 {
        problems.push(format!(
            "topics.toml declares {} topics, want 30",
            topics.len()
        ));
    }
    // The topics interviews lean on most need more depth.
    const HEAVY: &str =
        "mutability iterators oop concurrency functions builtins exceptions stdlib-io";
    for h in HEAVY.split(' ').filter(|h| !topics.iter().any(|t| t == h)) {
        problems.push(format!("heavy topic `{h}` is missing from topics.toml"));
    }
    for t in &topics {
        let n = grid.get(t.as_str()).map_or(0, |r| r.iter().sum());
        let min = if HEAVY.split(' ').any(|h| h == t) {
            15
        } else {
            8
        };
        at_least(&mut problems, &format!("questions in topic `{t}`"), n, min);
    }
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

    // Ids are unique across files (the compiler checks too; this guards the invariant itself).
    let mut ids: HashMap<&str, &SourceQuestion> = HashMap::new();
    // "What does this print?" may repeat, so output questions are told apart by their code.
    let mut prompts: HashMap<String, &SourceQuestion> = HashMap::new();
    for q in &questions {
        if let Some(first) = ids.insert(q.id.as_str(), q) {
            problems.push(format!("{} reuses the id of {}", at(q), at(first)));
        }
        let mut key = squash(&q.prompt);
        if q.kind == Kind::Output {
            key = format!("{key}\n{}", squash(q.code.as_deref().unwrap_or("")));
        }
        if let Some(first) = prompts.insert(key, q) {
            problems.push(format!("{} repeats the prompt of {}", at(q), at(first)));
        }
        if !q.docs.starts_with("https://") {
            problems.push(format!("{}: docs link `{}` is not https", at(q), q.docs));
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
