//! Loading the whole `content/` folder: topics, retired ids, every question file, and the
//! checks that span files (duplicate and retired ids).

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::markdown::LinkRule;
use crate::question::{validate, SourceQuestion};
use crate::source::{parse_toml, QuestionFile, TopicEntry, TopicsFile};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// A validated bank: topics in display order, each with its questions in file order.
#[derive(Debug)]
pub struct Bank {
    pub topics: Vec<BankTopic>,
}

#[derive(Debug)]
pub struct BankTopic {
    pub entry: TopicEntry,
    pub questions: Vec<SourceQuestion>,
}

impl Bank {
    pub fn questions(&self) -> impl Iterator<Item = &SourceQuestion> {
        self.topics.iter().flat_map(|t| t.questions.iter())
    }
}

/// Every file under `dir` the bank is built from, for `cargo:rerun-if-changed`.
pub fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// Reads and validates `dir` (normally `content/`). Paths in diagnostics are shown as
/// `<label>/<file>`, e.g. `content/oop.toml:12: …`.
pub fn load(dir: &Path, label: &str) -> Result<Bank, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let name = |file: &str| format!("{label}/{file}");

    let topics = read_topics(dir, &name("topics.toml"), &mut errors);
    let retired = read_retired(dir);

    let mut by_topic: HashMap<String, Vec<SourceQuestion>> = HashMap::new();
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    for path in source_files(dir) {
        let Some(file_name) = path.file_name().and_then(|f| f.to_str()) else {
            continue;
        };
        // The FAQ table lists questions; it holds none (see crate::audit::faq).
        if !file_name.ends_with(".toml")
            || file_name == "topics.toml"
            || file_name == crate::audit::faq::TABLE_FILE
        {
            continue;
        }
        let shown = name(file_name);
        let (parsed, lines): (QuestionFile, LineIndex) = match read_toml(&path, &shown) {
            Ok(read) => read,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let topic = parsed.topic.get_ref().clone();
        let topic_line = lines.line(parsed.topic.span().start);
        if !topics.iter().any(|t| t.id == topic) {
            errors.push(Diagnostic {
                file: shown.clone(),
                line: topic_line,
                message: format!("unknown topic `{topic}`: add it to {label}/topics.toml"),
            });
        } else if file_name != format!("{topic}.toml") {
            errors.push(Diagnostic {
                file: shown.clone(),
                line: topic_line,
                message: format!("topic `{topic}` belongs in {label}/{topic}.toml"),
            });
        }
        let prefix = topics
            .iter()
            .find(|t| t.id == topic)
            .map(|t| format!("{}-", t.prefix));
        for raw in &parsed.question {
            match validate(raw, &topic, &shown, &lines, LinkRule::Bank) {
                Ok(q) => {
                    if retired.contains(&q.id) {
                        errors.push(at(&q, format!("id `{}` is retired ({label}/retired-ids.txt): ids are never reused", q.id)));
                    } else if let Some((file, line)) = seen.get(&q.id) {
                        errors.push(at(
                            &q,
                            format!("duplicate id `{}`, first used at {file}:{line}", q.id),
                        ));
                    } else if let Some(p) = prefix.as_deref().filter(|p| !q.id.starts_with(p)) {
                        // Links are resolved to a topic's chunk by this prefix before the
                        // app has loaded anything.
                        errors.push(at(
                            &q,
                            format!("id `{}` must start with the topic's prefix `{p}`", q.id),
                        ));
                    } else {
                        seen.insert(q.id.clone(), (q.file.clone(), q.line));
                        by_topic.entry(topic.clone()).or_default().push(q);
                    }
                }
                Err(mut es) => errors.append(&mut es),
            }
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let topics = topics
        .into_iter()
        .filter_map(|entry| {
            by_topic
                .remove(&entry.id)
                .map(|questions| BankTopic { entry, questions })
        })
        .collect();
    Ok(Bank { topics })
}

fn at(q: &SourceQuestion, message: String) -> Diagnostic {
    Diagnostic {
        file: q.file.clone(),
        line: q.line,
        message,
    }
}

fn read_topics(dir: &Path, shown: &str, errors: &mut Vec<Diagnostic>) -> Vec<TopicEntry> {
    let (parsed, lines): (TopicsFile, LineIndex) = match read_toml(&dir.join("topics.toml"), shown)
    {
        Ok(read) => read,
        Err(e) => {
            errors.push(e);
            return Vec::new();
        }
    };
    let mut out: Vec<TopicEntry> = Vec::new();
    for t in parsed.topic {
        let line = lines.line(t.span().start);
        let entry = t.into_inner();
        if !crate::question::valid_id(&entry.id) {
            errors.push(Diagnostic {
                file: shown.into(),
                line,
                message: format!("topic id `{}` is malformed", entry.id),
            });
        }
        if out.iter().any(|o| o.id == entry.id) {
            errors.push(Diagnostic {
                file: shown.into(),
                line,
                message: format!("duplicate topic `{}`", entry.id),
            });
        }
        out.push(entry);
    }
    out
}

/// Reads and parses one TOML file; a failure is a diagnostic on the line TOML points at.
fn read_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    shown: &str,
) -> Result<(T, LineIndex), Diagnostic> {
    let fail = |line, message| Diagnostic {
        file: shown.to_string(),
        line,
        message,
    };
    let text = fs::read_to_string(path).map_err(|e| fail(1, format!("cannot read: {e}")))?;
    parse_toml(&text, shown)
}

/// Ids of deleted questions, one per line; `#` starts a comment.
fn read_retired(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join("retired-ids.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}
