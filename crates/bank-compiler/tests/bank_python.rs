//! Checks the real bank (`content/`) against every CPython ≥ 3.11 on the machine: every
//! `output` snippet prints its answer (and no distractor) on each interpreter in the
//! question's `min_python..=max_python` range, and every Python block compiles there.

mod common;

use bank_compiler::{normalize_output, render_question, SourceQuestion};
use bank_format::Kind;
use common::pythons::{self, Python};
use common::{at, bank};
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
        .map_err(|e| format!("cannot start {}: {e}", python.display()))?;
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

fn in_range<'a>(pythons: &'a [Python], q: &SourceQuestion) -> Vec<&'a Python> {
    pythons
        .iter()
        .filter(|p| p.in_range(q.min_python.as_deref(), q.max_python.as_deref()))
        .collect()
}

fn labels(pythons: &[Python]) -> String {
    let l: Vec<String> = pythons.iter().map(Python::label).collect();
    l.join(", ")
}

#[test]
fn output_answers_match_every_python() {
    let bank = bank();
    let pythons = pythons::all();
    let mut jobs: Vec<(&SourceQuestion, &Python)> = Vec::new();
    let mut skipped = Vec::new();
    for q in bank.questions().filter(|q| q.kind == Kind::Output) {
        let here = in_range(&pythons, q);
        if here.is_empty() {
            skipped.push(format!(
                "{} (needs {}..{})",
                q.id,
                q.min_python.as_deref().unwrap_or(""),
                q.max_python.as_deref().unwrap_or("")
            ));
        }
        jobs.extend(here.into_iter().map(|p| (q, p)));
    }

    // A small pool of workers pulling the next run: python start-up dominates.
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    thread::scope(|s| {
        let workers =
            thread::available_parallelism().map_or(WORKERS, |n| n.get().clamp(WORKERS, 16));
        for _ in 0..workers {
            s.spawn(|| {
                while let Some((q, p)) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(e) = check_output(&p.exe, q) {
                        let line = format!("{} on {}: {e}", at(q), p.label());
                        failures.lock().unwrap().push(line);
                    }
                }
            });
        }
    });

    let questions = bank.questions().filter(|q| q.kind == Kind::Output).count();
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    let summary = format!(
        "python: ran {} output questions on CPython {} ({} runs, 2 hash seeds each): {} mismatches; {} skipped for want of an interpreter in their range{}",
        questions - skipped.len(),
        labels(&pythons),
        jobs.len(),
        failures.len(),
        skipped.len(),
        if skipped.is_empty() { String::new() } else { format!(": {}", skipped.join(", ")) }
    );
    println!("{summary}");
    assert!(failures.is_empty(), "{summary}\n{}", failures.join("\n"));
}

/// Compiles `(label, source)` pairs with one interpreter; returns the failures.
fn compile_all(python: &Python, sources: &[(String, String)]) -> Vec<String> {
    // One interpreter for every block: starting python per block would be far slower.
    const SCRIPT: &str = r#"
import json, sys
failures = []
for label, source in json.load(sys.stdin):
    try:
        compile(source, label, "exec")
    except Exception as e:
        where = f" (line {e.lineno})" if isinstance(e, SyntaxError) else ""
        failures.append(f'{label}: {type(e).__name__}: {getattr(e, "msg", e)}{where}')
print(json.dumps(failures))
"#;
    let mut child = Command::new(&python.exe)
        .args(["-W", "ignore", "-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start python");
    // The script reads all of stdin before writing, so writing first cannot deadlock.
    let input = serde_json::to_vec(sources).expect("serialize blocks");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(&input).expect("write blocks to python");
    drop(stdin);
    let out = child.wait_with_output().expect("python output");
    assert!(
        out.status.success(),
        "compile script failed on {}: {}",
        python.label(),
        String::from_utf8_lossy(&out.stderr)
    );
    let failures: Vec<String> = serde_json::from_slice(&out.stdout).expect("JSON from the script");
    failures
        .into_iter()
        .map(|f| format!("{f} [on {}]", python.label()))
        .collect()
}

#[test]
fn python_blocks_compile_on_every_python() {
    let bank = bank();
    let pythons = pythons::all();
    let mut per_python: Vec<Vec<(String, String)>> = vec![Vec::new(); pythons.len()];
    let mut blocks = 0;
    for q in bank.questions() {
        let at = at(q);
        let mut sources = Vec::new();
        // Numbered among all the question's fenced blocks, `invalid` ones included.
        for (n, block) in render_question(q).blocks.iter().enumerate() {
            if block.must_compile() {
                sources.push((format!("{at} block {}", n + 1), block.source.clone()));
            }
        }
        if let Some(code) = &q.code {
            sources.push((format!("{at} code"), code.clone()));
        }
        blocks += sources.len();
        for (i, p) in pythons.iter().enumerate() {
            if p.in_range(q.min_python.as_deref(), q.max_python.as_deref()) {
                per_python[i].extend(sources.iter().cloned());
            }
        }
    }
    let mut failures = Vec::new();
    for (p, sources) in pythons.iter().zip(&per_python) {
        failures.extend(compile_all(p, sources));
    }
    println!(
        "python: compiled {blocks} blocks on CPython {}",
        labels(&pythons)
    );
    let n = failures.len();
    assert!(
        n == 0,
        "{n} Python block(s) do not compile:\n{}",
        failures.join("\n")
    );
}
