//! The Python FAQ's traps: `content/faq-traps.toml` lists the entries of the official
//! Programming and Design FAQs that describe a surprise a learner trips on, each with the
//! questions that link its section. The rule keeps the table and the bank in step: every entry
//! has a question, every listed question exists and links the entry, and every FAQ section the
//! bank links is in the table.

use super::at;
use crate::bank::Bank;
use crate::diagnostic::{Diagnostic, LineIndex};
use crate::question::SourceQuestion;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

/// The table's file name in `content/` (the loader skips it: it holds no questions).
pub const TABLE_FILE: &str = "faq-traps.toml";

/// Which FAQ page an entry is on.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Faq {
    Programming,
    Design,
}

impl Faq {
    pub fn as_str(self) -> &'static str {
        match self {
            Faq::Programming => "programming",
            Faq::Design => "design",
        }
    }

    fn parse(page: &str) -> Option<Faq> {
        [Faq::Programming, Faq::Design]
            .into_iter()
            .find(|f| f.as_str() == page)
    }
}

/// A link to one FAQ section.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FaqLink {
    pub faq: Faq,
    pub anchor: String,
}

impl FaqLink {
    pub fn url(&self) -> String {
        format!(
            "https://docs.python.org/3/faq/{}.html#{}",
            self.faq.as_str(),
            self.anchor
        )
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    #[serde(default)]
    entry: Vec<Spanned<RawEntry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    faq: Faq,
    title: String,
    anchor: String,
    questions: Vec<String>,
    #[serde(default = "yes")]
    trap: bool,
}

fn yes() -> bool {
    true
}

/// One FAQ entry of the table.
#[derive(Clone, Debug)]
pub struct FaqEntry {
    pub link: FaqLink,
    pub title: String,
    pub questions: Vec<String>,
    /// `false` for an entry that is not a trap but that the bank links anyway (a section on
    /// how lists are implemented, say): listed so every FAQ link is accounted for.
    pub trap: bool,
    /// `content/faq-traps.toml:12`, where problems point.
    pub place: String,
}

#[derive(Clone, Debug)]
pub struct FaqTable {
    pub entries: Vec<FaqEntry>,
}

impl FaqTable {
    /// Parses the table's text; `shown` is the file name used in locations.
    pub fn parse(text: &str, shown: &str) -> Result<FaqTable, Diagnostic> {
        let lines = LineIndex::new(text);
        let raw: RawTable = toml::from_str(text).map_err(|e| Diagnostic {
            file: shown.to_string(),
            line: e.span().map_or(1, |s| lines.line(s.start)),
            message: e.message().trim().to_string(),
        })?;
        let entries = raw
            .entry
            .into_iter()
            .map(|e| {
                let place = format!("{shown}:{}", lines.line(e.span().start));
                let e = e.into_inner();
                FaqEntry {
                    link: FaqLink {
                        faq: e.faq,
                        anchor: e.anchor,
                    },
                    title: e.title,
                    questions: e.questions,
                    trap: e.trap,
                    place,
                }
            })
            .collect();
        Ok(FaqTable { entries })
    }

    /// Reads `<dir>/faq-traps.toml`, shown as `<label>/faq-traps.toml`.
    pub fn read(dir: &Path, label: &str) -> Result<FaqTable, Diagnostic> {
        let shown = format!("{label}/{TABLE_FILE}");
        let text = std::fs::read_to_string(dir.join(TABLE_FILE)).map_err(|e| Diagnostic {
            file: shown.clone(),
            line: 1,
            message: format!("cannot read: {e}"),
        })?;
        FaqTable::parse(&text, &shown)
    }
}

/// The section id Sphinx (docutils' `make_id`) gives a heading: lowercased, every run of
/// characters other than ASCII letters and digits made one `-`, then leading digits and dashes
/// and trailing dashes dropped. (Titles here are ASCII; docutils would first fold accents.)
pub fn anchor_of(title: &str) -> String {
    let mut id = String::new();
    for c in title.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_start_matches(|c: char| c == '-' || c.is_ascii_digit())
        .trim_end_matches('-')
        .to_string()
}

/// Every link to a section of the Programming or Design FAQ in `text`, in any docs version
/// (`https://docs.python.org/3/faq/design.html#how-fast-are-exceptions`).
pub fn faq_links(text: &str) -> Vec<FaqLink> {
    const HOST: &str = "docs.python.org/";
    text.match_indices(HOST)
        .filter_map(|(i, _)| {
            let rest = &text[i + HOST.len()..];
            let end = rest
                .find(|c: char| c.is_whitespace() || "()<>[]\"'`".contains(c))
                .unwrap_or(rest.len());
            let (_version, path) = rest[..end].split_once('/')?;
            let (page, anchor) = path.strip_prefix("faq/")?.split_once(".html#")?;
            let anchor = anchor.trim_end_matches(['.', ',', ';', ':']);
            Some(FaqLink {
                faq: Faq::parse(page)?,
                anchor: anchor.to_string(),
            })
            .filter(|l| !l.anchor.is_empty())
        })
        .collect()
}

/// Every FAQ section a question links, from its docs link or any of its text, each once.
pub fn question_links(q: &SourceQuestion) -> Vec<FaqLink> {
    let mut texts = vec![q.docs.as_str(), q.prompt.as_str(), q.explanation.as_str()];
    texts.extend(q.hint.as_deref());
    texts.extend(q.answer.as_deref());
    texts.extend(q.checklist.iter().map(String::as_str));
    for o in &q.options {
        texts.push(&o.text);
        texts.extend(o.why.as_deref());
    }
    let mut links: Vec<FaqLink> = texts.into_iter().flat_map(faq_links).collect();
    links.sort();
    links.dedup();
    links
}

/// Each linked FAQ section with the ids of the questions linking it, in bank order.
pub fn linked_sections(bank: &Bank) -> BTreeMap<FaqLink, Vec<&SourceQuestion>> {
    let mut map: BTreeMap<FaqLink, Vec<&SourceQuestion>> = BTreeMap::new();
    for q in bank.questions() {
        for link in question_links(q) {
            map.entry(link).or_default().push(q);
        }
    }
    map
}

/// The rule: every problem between the table and the bank.
pub fn faq_problems(table: &FaqTable, bank: &Bank) -> Vec<String> {
    let linked = linked_sections(bank);
    let mut problems = Vec::new();
    let mut seen: BTreeMap<&FaqLink, &str> = BTreeMap::new();
    for e in &table.entries {
        let name = format!("{}#{}", e.link.faq.as_str(), e.link.anchor);
        if let Some(first) = seen.insert(&e.link, &e.place) {
            problems.push(format!(
                "{}: {name} is listed twice (first at {first})",
                e.place
            ));
        }
        let expected = anchor_of(&e.title);
        if e.link.anchor != expected {
            problems.push(format!(
                "{}: anchor `{}` is not the one the docs give the title {:?}: `{expected}`",
                e.place, e.link.anchor, e.title
            ));
        }
        if e.questions.is_empty() {
            problems.push(format!(
                "{}: {name} ({:?}) lists no question yet",
                e.place, e.title
            ));
        }
        let linking = linked.get(&e.link).map_or(&[][..], |qs| &qs[..]);
        for id in &e.questions {
            match bank.questions().find(|q| &q.id == id) {
                None => problems.push(format!(
                    "{}: lists `{id}`, which is not in the bank",
                    e.place
                )),
                Some(q) if !linking.iter().any(|l| l.id == q.id) => problems.push(format!(
                    "{}: lists {}, which does not link {}",
                    e.place,
                    at(q),
                    e.link.url()
                )),
                Some(_) => {}
            }
        }
    }
    for (link, questions) in &linked {
        if !table.entries.iter().any(|e| &e.link == link) {
            for q in questions {
                problems.push(format!(
                    "{}: links {}, which is not in {TABLE_FILE}",
                    at(q),
                    link.url()
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_follow_the_docs() {
        // Pairs seen as real links on docs.python.org.
        for (title, anchor) in [
            (
                "Why does a_tuple[i] += ['item'] raise an exception when the addition works?",
                "why-does-a-tuple-i-item-raise-an-exception-when-the-addition-works",
            ),
            (
                "Why did changing list 'y' also change list 'x'?",
                "why-did-changing-list-y-also-change-list-x",
            ),
            (
                "How do I write a function with output parameters (call by reference)?",
                "how-do-i-write-a-function-with-output-parameters-call-by-reference",
            ),
            (
                "When can I rely on identity tests with the is operator?",
                "when-can-i-rely-on-identity-tests-with-the-is-operator",
            ),
            ("Why does -22 // 10 return -3?", "why-does-22-10-return-3"),
            (
                "__import__('x.y.z') returns <module 'x'>; how do I get z?",
                "import-x-y-z-returns-module-x-how-do-i-get-z",
            ),
            ("Performance", "performance"),
        ] {
            assert_eq!(anchor_of(title), anchor, "{title}");
        }
    }

    #[test]
    fn faq_links_are_found_in_any_text() {
        let text =
            "See [the FAQ](https://docs.python.org/3/faq/design.html#how-fast-are-exceptions). \
            Also https://docs.python.org/3.13/faq/programming.html#performance, \
            not https://docs.python.org/3/faq/library.html#how-do-i-copy-a-file \
            nor https://docs.python.org/3/library/functions.html#len";
        assert_eq!(
            faq_links(text),
            [
                FaqLink {
                    faq: Faq::Design,
                    anchor: "how-fast-are-exceptions".into()
                },
                FaqLink {
                    faq: Faq::Programming,
                    anchor: "performance".into()
                },
            ]
        );
        assert!(faq_links("https://docs.python.org/3/faq/programming.html").is_empty());
    }

    #[test]
    fn the_table_parses_with_lines() {
        let table = FaqTable::parse(
            r#"# header
[[entry]]
faq = "design"
title = "How fast are exceptions?"
anchor = "how-fast-are-exceptions"
questions = ["sty-14"]

[[entry]]
faq = "programming"
title = "Performance"
anchor = "performance"
questions = []
trap = false
"#,
            "content/faq-traps.toml",
        )
        .unwrap();
        let e = &table.entries;
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].place, "content/faq-traps.toml:2");
        assert_eq!(
            e[0].link.url(),
            "https://docs.python.org/3/faq/design.html#how-fast-are-exceptions"
        );
        assert!(e[0].trap && !e[1].trap);
        assert_eq!(e[1].place, "content/faq-traps.toml:8");
    }

    #[test]
    fn an_unknown_faq_is_an_error_on_its_line() {
        let err = FaqTable::parse(
            "[[entry]]\nfaq = \"library\"\ntitle = \"x\"\nanchor = \"x\"\nquestions = []\n",
            "content/faq-traps.toml",
        )
        .unwrap_err();
        assert_eq!(err.line, 2, "{err}");
    }
}
