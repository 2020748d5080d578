//! `bank`: a command-line tool over the question bank (`content/`).
//!
//!     cargo run --bin bank -- stats                 counts by topic × difficulty × type
//!     cargo run --bin bank -- export --format json  the whole bank as JSON (see content/README.md)

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use bank_compiler::{load, Bank};
    use bank_format::{Difficulty, Kind};
    use std::path::PathBuf;

    const USAGE: &str = "usage: bank stats | bank export --format json  [--content DIR]";

    pub fn run(args: Vec<String>) -> i32 {
        let mut content = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut rest = Vec::new();
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            if a == "--content" {
                match it.next() {
                    Some(dir) => content = PathBuf::from(dir),
                    None => return usage(),
                }
            } else {
                rest.push(a);
            }
        }
        let bank = match load(&content, "content") {
            Ok(b) => b,
            Err(errors) => {
                for e in errors {
                    eprintln!("error: {e}");
                }
                return 1;
            }
        };
        match rest.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["stats"] => {
                print!("{}", stats(&bank));
                0
            }
            ["export", "--format", "json"] | ["export"] => {
                println!("{}", export_json(&bank));
                0
            }
            _ => usage(),
        }
    }

    fn usage() -> i32 {
        eprintln!("{USAGE}");
        2
    }

    /// A Markdown table: one row per topic, columns by difficulty and type, and a total row.
    pub fn stats(bank: &Bank) -> String {
        let mut out = String::from("| topic | total | junior | mid | senior | single | multi | output | short | flashcard |\n");
        out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        let row = |name: &str, qs: &[&bank_compiler::SourceQuestion]| {
            let d = |x: Difficulty| qs.iter().filter(|q| q.difficulty == x).count();
            let k = |x: Kind| qs.iter().filter(|q| q.kind == x).count();
            format!(
                "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                qs.len(),
                d(Difficulty::Junior),
                d(Difficulty::Mid),
                d(Difficulty::Senior),
                k(Kind::Single),
                k(Kind::Multi),
                k(Kind::Output),
                k(Kind::Short),
                k(Kind::Flashcard)
            )
        };
        for t in &bank.topics {
            out.push_str(&row(&t.entry.id, &t.questions.iter().collect::<Vec<_>>()));
        }
        out.push_str(&row("**all**", &bank.questions().collect::<Vec<_>>()));
        out
    }

    /// `{ "version": 1, "topics": [...], "questions": [...] }`, fields as in content/README.md.
    pub fn export_json(bank: &Bank) -> String {
        let topics: Vec<_> = bank.topics.iter().map(|t| &t.entry).collect();
        let questions: Vec<_> = bank.questions().collect();
        let doc = serde_json::json!({ "version": 1, "topics": topics, "questions": questions });
        serde_json::to_string_pretty(&doc).expect("the bank is plain data")
    }
}
