//! `bank`: a command-line tool over the question bank (`content/`).
//!
//!     cargo run -p bank-compiler --bin bank -- stats                 counts by topic × difficulty × type
//!     cargo run -p bank-compiler --bin bank -- export --format json  the whole bank as JSON (see content/README.md)
//!     cargo run -p bank-compiler --bin bank -- quiz my-quiz.toml -o my-quiz.json   an own quiz

#[path = "../quiz_command.rs"]
mod quiz_command;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "quiz") {
        std::process::exit(quiz_command::run(&args[1..]));
    }
    std::process::exit(cli::run(args));
}

mod cli {
    use bank_compiler::{load, Bank};
    use bank_format::{Difficulty, Kind};
    use std::path::PathBuf;

    const USAGE: &str = "usage: bank stats | bank export --format json  [--content DIR]";

    pub fn run(args: Vec<String>) -> i32 {
        let mut content = bank_compiler::repo_root().join("content");
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
        match rest
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
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

#[cfg(test)]
mod tests {
    use super::cli::{export_json, stats};

    fn bank() -> bank_compiler::Bank {
        bank_compiler::load(&bank_compiler::repo_root().join("content"), "content")
            .expect("the bank loads")
    }

    #[test]
    fn stats_rows_add_up() {
        let bank = bank();
        let table = stats(&bank);
        let rows: Vec<Vec<&str>> = table
            .lines()
            .skip(2)
            .map(|l| l.split('|').map(str::trim).collect())
            .collect();
        assert_eq!(
            rows.len(),
            bank.topics.len() + 1,
            "a row per topic and a total"
        );
        let total: usize = rows.last().unwrap()[2].parse().unwrap();
        assert_eq!(total, bank.questions().count());
        for row in &rows {
            let n: usize = row[2].parse().unwrap();
            let by_difficulty: usize = row[3..6].iter().map(|c| c.parse::<usize>().unwrap()).sum();
            let by_type: usize = row[6..11].iter().map(|c| c.parse::<usize>().unwrap()).sum();
            assert_eq!((by_difficulty, by_type), (n, n), "{row:?}");
        }
    }

    #[test]
    fn readme_shows_the_current_stats() {
        let readme = std::fs::read_to_string(bank_compiler::repo_root().join("README.md")).unwrap();
        assert!(
            readme.contains(&stats(&bank())),
            "README.md's bank table is stale: paste in the output of `cargo run -p bank-compiler --bin bank -- stats`"
        );
    }

    #[test]
    fn export_has_every_question_with_stable_fields() {
        let bank = bank();
        let doc: serde_json::Value = serde_json::from_str(&export_json(&bank)).unwrap();
        assert_eq!(doc["version"], 1);
        let questions = doc["questions"].as_array().unwrap();
        assert_eq!(questions.len(), bank.questions().count());
        for q in questions {
            for field in [
                "id",
                "topic",
                "difficulty",
                "type",
                "prompt",
                "explanation",
                "docs",
            ] {
                assert!(q[field].is_string(), "{field} missing in {q}");
            }
            if q["type"] == "output" {
                assert!(
                    q["code"].is_string() && q["answer"].is_string() && q["options"].is_array()
                );
            }
        }
        assert_eq!(doc["topics"].as_array().unwrap().len(), bank.topics.len());
    }
}
