//! `bank`: a command-line tool over the question bank (`content/`).
//!
//!     cargo run -p bank-compiler --bin bank -- stats                 counts by topic × difficulty × type,
//!                                                                    then the option-length and position audits
//!     cargo run -p bank-compiler --bin bank -- stats --coverage      the questions naming each builtin, core
//!                                                                    method and FAQ trap (MISSING if none)
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
    use bank_compiler::audit::faq::FaqTable;
    use bank_compiler::audit::report::{coverage_report, option_summary};
    use bank_compiler::{in_shipped_order, load, Bank};
    use bank_format::{Difficulty, Kind};
    use std::path::PathBuf;

    const USAGE: &str =
        "usage: bank stats [--coverage] | bank export --format json  [--content DIR]";

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
            ["stats", "--coverage"] => {
                let table = FaqTable::read(&content, "content");
                print!("{}", coverage_report(&bank, &table));
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

    /// The counts table, then the option audits (share of give-aways, flagged ratios, spread).
    pub fn stats(bank: &Bank) -> String {
        format!("{}\n{}", stats_table(bank), option_summary(bank))
    }

    /// A Markdown table: one row per topic, columns by difficulty and type, and a total row.
    /// README.md shows it; it is regenerated when the bank changes.
    pub fn stats_table(bank: &Bank) -> String {
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
    /// Options are in the order the app ships them, never the source order.
    pub fn export_json(bank: &Bank) -> String {
        let topics: Vec<_> = bank.topics.iter().map(|t| &t.entry).collect();
        let questions: Vec<_> = bank.questions().map(in_shipped_order).collect();
        let doc = serde_json::json!({ "version": 1, "topics": topics, "questions": questions });
        serde_json::to_string_pretty(&doc).expect("the bank is plain data")
    }
}

#[cfg(test)]
mod tests {
    use super::cli::{export_json, stats, stats_table};
    use std::collections::BTreeMap;

    fn bank() -> bank_compiler::Bank {
        bank_compiler::load(&bank_compiler::repo_root().join("content"), "content")
            .expect("the bank loads")
    }

    /// Counts per topic read straight from the TOML files, without the compiler: `total`, each
    /// difficulty and each type.
    fn counts_from_the_files() -> BTreeMap<String, BTreeMap<String, usize>> {
        let content = bank_compiler::repo_root().join("content");
        let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for path in bank_compiler::source_files(&content) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".toml") || name == "topics.toml" || name == "faq-traps.toml" {
                continue;
            }
            let file: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
            let topic = file["topic"].as_str().unwrap().to_string();
            let questions = file.get("question").and_then(|q| q.as_array());
            for q in questions.into_iter().flatten() {
                let per = counts.entry(topic.clone()).or_default();
                *per.entry("total".into()).or_default() += 1;
                for key in ["difficulty", "type"] {
                    *per.entry(q[key].as_str().unwrap().into()).or_default() += 1;
                }
            }
        }
        counts
    }

    #[test]
    fn stats_rows_match_the_files() {
        const COLUMNS: [&str; 9] = [
            "total",
            "junior",
            "mid",
            "senior",
            "single",
            "multi",
            "output",
            "short",
            "flashcard",
        ];
        let expected = counts_from_the_files();
        let mut all: BTreeMap<String, usize> = BTreeMap::new();
        for per in expected.values() {
            for (k, n) in per {
                *all.entry(k.clone()).or_default() += n;
            }
        }
        let table = stats_table(&bank());
        let rows: Vec<Vec<&str>> = table
            .lines()
            .skip(2)
            .map(|l| l.split('|').map(str::trim).collect())
            .collect();
        assert_eq!(
            rows.len(),
            expected.len() + 1,
            "a row per topic and a total"
        );
        for row in &rows {
            let want = match row[1] {
                "**all**" => &all,
                topic => &expected[topic],
            };
            for (cell, column) in row[2..11].iter().zip(COLUMNS) {
                let n = want.get(column).copied().unwrap_or(0);
                assert_eq!(cell.parse::<usize>().unwrap(), n, "{column} of {}", row[1]);
            }
        }
    }

    #[test]
    fn stats_prints_the_option_audits_below_the_table() {
        let bank = bank();
        let out = stats(&bank);
        assert!(out.starts_with(&stats_table(&bank)));
        assert!(out.contains("longest option is the correct one: "));
        assert!(out.contains(", limit 35 %\n"));
        assert!(out.contains("correct option's source position in "));
    }

    #[test]
    fn readme_shows_the_current_stats() {
        let readme = std::fs::read_to_string(bank_compiler::repo_root().join("README.md")).unwrap();
        assert!(
            readme.contains(&stats_table(&bank())),
            "README.md's bank table is stale: paste in the table `cargo run -p bank-compiler --bin bank -- stats` prints"
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

    /// The export must not leak the source order (where authors tend to put the answer, and
    /// where an output question's real output always comes first): its options are in exactly
    /// the order the app's chunks ship.
    #[test]
    fn export_options_are_in_the_shipped_order() {
        let bank = bank();
        let doc: serde_json::Value = serde_json::from_str(&export_json(&bank)).unwrap();
        for (q, exported) in bank.questions().zip(doc["questions"].as_array().unwrap()) {
            let keys: Vec<String> = exported["options"]
                .as_array()
                .map(|os| {
                    os.iter()
                        .map(|o| bank_format::option_key(o["text"].as_str().unwrap()))
                        .collect()
                })
                .unwrap_or_default();
            let shipped: Vec<String> = bank_compiler::render_question(q)
                .question
                .body
                .options()
                .iter()
                .map(|c| c.key.clone())
                .collect();
            assert_eq!(keys, shipped, "{}", q.id);
        }
    }
}
