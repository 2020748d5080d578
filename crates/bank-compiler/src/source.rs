//! The content files as authored: serde types for `content/*.toml`, with spans for line numbers.

use crate::diagnostic::{Diagnostic, LineIndex};
use serde::Deserialize;
use toml::Spanned;

/// Parses one TOML file's text; a failure is a diagnostic on the line TOML points at.
pub fn parse_toml<T: serde::de::DeserializeOwned>(
    text: &str,
    shown: &str,
) -> Result<(T, LineIndex), Diagnostic> {
    let lines = LineIndex::new(text);
    match toml::from_str(text) {
        Ok(parsed) => Ok((parsed, lines)),
        Err(e) => Err(Diagnostic {
            file: shown.to_string(),
            line: e.span().map_or(1, |s| lines.line(s.start)),
            message: e.message().trim().to_string(),
        }),
    }
}

/// `content/topics.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicsFile {
    pub topic: Vec<Spanned<TopicEntry>>,
}

#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct TopicEntry {
    pub id: String,
    pub prefix: String,
    pub title: String,
    pub summary: String,
}

/// An own quiz file (`bank quiz`): the questions of a topic file under a title.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    pub title: Spanned<String>,
    pub description: Option<Spanned<String>>,
    #[serde(default)]
    pub question: Vec<Spanned<RawQuestion>>,
}

/// One `content/<topic>.toml` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    pub topic: Spanned<String>,
    #[serde(default)]
    pub question: Vec<Spanned<RawQuestion>>,
}

/// Every field any type may use; which ones a type needs is checked in `validate`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Option<Spanned<String>>,
    pub difficulty: Option<Spanned<String>>,
    #[serde(rename = "type")]
    pub kind: Option<Spanned<String>>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub min_python: Option<Spanned<String>>,
    pub max_python: Option<Spanned<String>>,
    pub prompt: Option<Spanned<String>>,
    pub hint: Option<Spanned<String>>,
    pub explanation: Option<Spanned<String>>,
    pub docs: Option<Spanned<String>>,
    pub shuffle: Option<Spanned<bool>>,
    pub options: Option<Spanned<Vec<RawOption>>>,
    pub code: Option<Spanned<String>>,
    pub answer: Option<Spanned<String>>,
    pub distractors: Option<Spanned<Vec<RawDistractor>>>,
    pub answers: Option<Spanned<Vec<String>>>,
    /// Short answers: `"name"` (the default, case matters) or `"prose"`.
    #[serde(rename = "match")]
    pub match_rule: Option<Spanned<String>>,
    pub checklist: Option<Spanned<Vec<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    pub why: Option<String>,
}

/// A distractor is a bare string or `{ text, why }`.
#[derive(Debug, Deserialize)]
#[serde(
    untagged,
    expecting = "a distractor must be a string or `{ text = \"…\", why = \"…\" }` (no other keys)"
)]
pub enum RawDistractor {
    Text(String),
    WithWhy(DistractorTable),
}

/// A separate struct so a typo such as `wy` is an error: serde cannot deny unknown fields on
/// an enum variant, and without this the misspelt `why` was silently dropped.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistractorTable {
    text: String,
    why: Option<String>,
}

impl RawDistractor {
    pub fn text(&self) -> &str {
        match self {
            RawDistractor::Text(t) | RawDistractor::WithWhy(DistractorTable { text: t, .. }) => t,
        }
    }

    pub fn why(&self) -> Option<&str> {
        match self {
            RawDistractor::Text(_) => None,
            RawDistractor::WithWhy(table) => table.why.as_deref(),
        }
    }
}
