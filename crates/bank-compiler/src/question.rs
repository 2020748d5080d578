//! Validation of one authored question into a `SourceQuestion`: every rule that a bad question
//! breaks produces a diagnostic on the line of the offending field.

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::markdown::{check, link_problem, LinkRule};
use crate::source::{RawOption, RawQuestion};
use bank_format::{Difficulty, Kind};
use serde::Serialize;
use toml::Spanned;

/// A validated question as authored (Markdown, not HTML). This is also the export format.
#[derive(Clone, Debug, Serialize)]
pub struct SourceQuestion {
    pub id: String,
    pub topic: String,
    pub difficulty: Difficulty,
    #[serde(rename = "type")]
    pub kind: Kind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_python: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_python: Option<String>,
    pub prompt: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub explanation: String,
    pub docs: String,
    /// Options of single/multi; for output, the real answer (correct) and the distractors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<SourceOption>,
    /// Keep the written option order instead of shuffling.
    #[serde(skip)]
    pub keep_order: bool,
    /// Output: what the code prints, or `raises Name`. Flashcard: the model answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
    /// Short: the accepted answers are prose (compared ignoring case), not Python names.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub prose: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<String>,
    #[serde(skip)]
    pub file: String,
    #[serde(skip)]
    pub line: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct SourceOption {
    pub text: String,
    pub correct: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

impl SourceQuestion {
    /// For an `output` question: the exception name if the answer is `raises Name`.
    pub fn raises(text: &str) -> Option<&str> {
        text.strip_prefix("raises ").map(str::trim)
    }
}

const COMMON: &[&str] = &[
    "id",
    "difficulty",
    "type",
    "tags",
    "min_python",
    "max_python",
    "prompt",
    "hint",
    "explanation",
    "docs",
];

fn fields_for(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Single | Kind::Multi => &["options", "shuffle"],
        Kind::Output => &["code", "answer", "distractors"],
        Kind::Short => &["answers", "match"],
        Kind::Flashcard => &["answer", "checklist"],
    }
}

/// Checks one question, its links under `links`; `Err` holds every problem found, each with
/// its line.
pub fn validate(
    raw: &Spanned<RawQuestion>,
    topic: &str,
    file: &str,
    lines: &LineIndex,
    links: LinkRule,
) -> Result<SourceQuestion, Vec<Diagnostic>> {
    let q = raw.get_ref();
    let q_line = lines.line(raw.span().start);
    let mut errors = Vec::new();
    let mut report = |line: usize, message: String| {
        errors.push(Diagnostic {
            file: file.to_string(),
            line,
            message,
        })
    };
    let line_of = |span: std::ops::Range<usize>| lines.line(span.start);

    let id = match &q.id {
        None => {
            report(q_line, "question has no `id`".into());
            String::new()
        }
        Some(id) => {
            if !valid_id(id.get_ref()) {
                report(
                    line_of(id.span()),
                    format!("id `{}` must be 1-16 lowercase letters, digits or `-`, starting with a letter or digit", id.get_ref()),
                );
            }
            id.get_ref().clone()
        }
    };
    let what = if id.is_empty() {
        "question".to_string()
    } else {
        format!("question `{id}`")
    };

    let difficulty = match &q.difficulty {
        None => {
            report(
                q_line,
                format!("{what} has no `difficulty` (junior, mid or senior)"),
            );
            None
        }
        Some(d) => {
            let parsed = Difficulty::parse(d.get_ref());
            if parsed.is_none() {
                report(
                    line_of(d.span()),
                    format!(
                        "unknown difficulty `{}`: use junior, mid or senior",
                        d.get_ref()
                    ),
                );
            }
            parsed
        }
    };

    let kind = match &q.kind {
        None => {
            report(
                q_line,
                format!("{what} has no `type` (single, multi, output, short or flashcard)"),
            );
            None
        }
        Some(k) => {
            let parsed = Kind::parse(k.get_ref());
            if parsed.is_none() {
                report(
                    line_of(k.span()),
                    format!(
                        "unknown type `{}`: use single, multi, output, short or flashcard",
                        k.get_ref()
                    ),
                );
            }
            parsed
        }
    };

    let prompt = required_text(&q.prompt, "prompt", &what, q_line, &line_of, &mut report);
    let explanation = required_text(
        &q.explanation,
        "explanation",
        &what,
        q_line,
        &line_of,
        &mut report,
    );

    let docs = match &q.docs {
        None => {
            report(q_line, format!("{what} has no `docs` link"));
            String::new()
        }
        Some(d) => {
            let url = d.get_ref().trim();
            if url.starts_with('#') && links == LinkRule::Bank {
                report(
                    line_of(d.span()),
                    format!("docs link `{url}` must be an https:// URL"),
                );
            } else if let Some(problem) = link_problem(url, links) {
                report(line_of(d.span()), format!("docs {problem}"));
            }
            url.to_string()
        }
    };

    // Links, images and what rich text cannot show, in every Markdown field, reported on the
    // field's line. An output question's `answer` is printed text, not Markdown.
    let is_output = q.kind.as_ref().is_some_and(|k| k.get_ref() == "output");
    let answer = q.answer.as_ref().filter(|_| !is_output);
    let markdown_fields = [&q.prompt, &q.hint, &q.explanation]
        .into_iter()
        .flatten()
        .chain(answer)
        .map(|f| (f.get_ref().as_str(), line_of(f.span())));
    let option_fields = q.options.iter().flat_map(|opts| {
        let line = line_of(opts.span());
        opts.get_ref()
            .iter()
            .flat_map(|o| std::iter::once(o.text.as_str()).chain(o.why.as_deref()))
            .map(move |t| (t, line))
    });
    let distractor_whys = q.distractors.iter().flat_map(|ds| {
        let line = line_of(ds.span());
        ds.get_ref()
            .iter()
            .filter_map(|d| d.why())
            .map(move |t| (t, line))
    });
    let checklist = q.checklist.iter().flat_map(|c| {
        let line = line_of(c.span());
        c.get_ref().iter().map(move |t| (t.as_str(), line))
    });
    for (text, line) in markdown_fields
        .chain(option_fields)
        .chain(distractor_whys)
        .chain(checklist)
    {
        for problem in check(text, links) {
            report(line, format!("{what}: {problem}"));
        }
    }

    for (name, field) in [("min_python", &q.min_python), ("max_python", &q.max_python)] {
        if let Some(v) = field {
            if python_version(v.get_ref()).is_none() {
                report(
                    line_of(v.span()),
                    format!("{name} `{}` must look like `3.10`", v.get_ref()),
                );
            }
        }
    }
    if let (Some(min), Some(max)) = (&q.min_python, &q.max_python) {
        if let (Some(lo), Some(hi)) = (python_version(min.get_ref()), python_version(max.get_ref()))
        {
            if lo > hi {
                report(
                    line_of(max.span()),
                    format!(
                        "max_python `{}` is older than min_python `{}`",
                        max.get_ref(),
                        min.get_ref()
                    ),
                );
            }
        }
    }
    let prose = match &q.match_rule {
        None => false,
        Some(m) => {
            match m.get_ref().as_str() {
                "name" => false,
                "prose" => true,
                other => {
                    report(
                    line_of(m.span()),
                    format!("match `{other}` must be `name` (case matters) or `prose` (case does not)"),
                );
                    false
                }
            }
        }
    };

    let mut question = SourceQuestion {
        id,
        topic: topic.to_string(),
        difficulty: difficulty.unwrap_or(Difficulty::Junior),
        kind: kind.unwrap_or(Kind::Single),
        tags: q.tags.clone(),
        min_python: q.min_python.as_ref().map(|v| v.get_ref().clone()),
        max_python: q.max_python.as_ref().map(|v| v.get_ref().clone()),
        prompt,
        code: None,
        hint: q.hint.as_ref().map(|h| h.get_ref().clone()),
        explanation,
        docs,
        options: Vec::new(),
        keep_order: q.shuffle.as_ref().is_some_and(|s| !*s.get_ref()),
        answer: None,
        answers: Vec::new(),
        prose,
        checklist: Vec::new(),
        file: file.to_string(),
        line: q_line,
    };

    if let Some(kind) = kind {
        for (name, line) in present_fields(q, &line_of) {
            if !COMMON.contains(&name) && !fields_for(kind).contains(&name) {
                report(
                    line,
                    format!("`{name}` is not used by {} questions", kind.as_str()),
                );
            }
        }
        match kind {
            Kind::Single | Kind::Multi => {
                check_choices(q, kind, &what, q_line, &line_of, &mut report, &mut question)
            }
            Kind::Output => check_output(q, &what, q_line, &line_of, &mut report, &mut question),
            Kind::Short => match &q.answers {
                Some(a)
                    if a.get_ref().iter().all(|s| !s.trim().is_empty())
                        && !a.get_ref().is_empty() =>
                {
                    question.answers = a.get_ref().clone();
                }
                Some(a) => report(
                    line_of(a.span()),
                    format!("{what}: `answers` must list at least one non-empty answer"),
                ),
                None => report(q_line, format!("short {what} has no `answers`")),
            },
            Kind::Flashcard => {
                let answer =
                    required_text(&q.answer, "answer", &what, q_line, &line_of, &mut report);
                question.answer = Some(answer);
                match &q.checklist {
                    Some(c)
                        if !c.get_ref().is_empty()
                            && c.get_ref().iter().all(|s| !s.trim().is_empty()) =>
                    {
                        question.checklist = c.get_ref().clone();
                    }
                    Some(c) => report(
                        line_of(c.span()),
                        format!("{what}: `checklist` needs at least one point"),
                    ),
                    None => report(q_line, format!("flashcard {what} has no `checklist`")),
                }
            }
        }
    }

    if errors.is_empty() {
        Ok(question)
    } else {
        Err(errors)
    }
}

fn required_text(
    field: &Option<Spanned<String>>,
    name: &str,
    what: &str,
    q_line: usize,
    line_of: &impl Fn(std::ops::Range<usize>) -> usize,
    report: &mut impl FnMut(usize, String),
) -> String {
    match field {
        None => {
            report(q_line, format!("{what} has no `{name}`"));
            String::new()
        }
        Some(text) if text.get_ref().trim().is_empty() => {
            report(
                line_of(text.span()),
                format!("{what} has an empty `{name}`"),
            );
            String::new()
        }
        Some(text) => text.get_ref().clone(),
    }
}

fn check_choices(
    q: &RawQuestion,
    kind: Kind,
    what: &str,
    q_line: usize,
    line_of: &impl Fn(std::ops::Range<usize>) -> usize,
    report: &mut impl FnMut(usize, String),
    out: &mut SourceQuestion,
) {
    let Some(options) = &q.options else {
        report(q_line, format!("{} {what} has no `options`", kind.as_str()));
        return;
    };
    let line = line_of(options.span());
    let list: &[RawOption] = options.get_ref();
    let correct = list.iter().filter(|o| o.correct).count();
    if list.len() < 2 {
        report(line, format!("{what} needs at least two options"));
    }
    if kind == Kind::Single && correct != 1 {
        report(
            line,
            format!("single {what} must have exactly one correct option, found {correct}"),
        );
    }
    if kind == Kind::Multi && correct == 0 {
        report(line, format!("multi {what} has no correct option"));
    }
    if list.iter().any(|o| o.text.trim().is_empty()) {
        report(line, format!("{what} has an option with empty `text`"));
    }
    if let Some(text) = first_repeat(list.iter().map(|o| o.text.trim().to_string())) {
        report(line, format!("{what} lists the option \"{text}\" twice"));
    } else if let Some((a, b)) =
        key_clash(&list.iter().map(|o| o.text.as_str()).collect::<Vec<_>>())
    {
        report(
            line,
            format!("{what}: options \"{a}\" and \"{b}\" get the same key; reword one"),
        );
    }
    out.options = list
        .iter()
        .map(|o| SourceOption {
            text: o.text.clone(),
            correct: o.correct,
            why: o.why.clone(),
        })
        .collect();
}

fn check_output(
    q: &RawQuestion,
    what: &str,
    q_line: usize,
    line_of: &impl Fn(std::ops::Range<usize>) -> usize,
    report: &mut impl FnMut(usize, String),
    out: &mut SourceQuestion,
) {
    let code = required_text(&q.code, "code", what, q_line, line_of, report);
    let answer = required_text(&q.answer, "answer", what, q_line, line_of, report);
    if let (Some(name), Some(field)) = (SourceQuestion::raises(&answer), &q.answer) {
        if !valid_exception_name(name) {
            report(
                line_of(field.span()),
                format!(
                    "{what}: `raises {name}` must name one exception class, like `raises KeyError`"
                ),
            );
        }
    }
    let distractors = match &q.distractors {
        Some(d) if !d.get_ref().is_empty() => d,
        Some(d) => {
            report(
                line_of(d.span()),
                format!("output {what} needs at least one distractor"),
            );
            return;
        }
        None => {
            report(q_line, format!("output {what} has no `distractors`"));
            return;
        }
    };
    let normalized = normalize_output(&answer);
    if let Some(text) = first_repeat(
        distractors
            .get_ref()
            .iter()
            .map(|d| normalize_output(d.text())),
    ) {
        report(
            line_of(distractors.span()),
            format!("{what} lists the distractor \"{text}\" twice"),
        );
    }
    let texts: Vec<String> = std::iter::once(normalized.clone())
        .chain(
            distractors
                .get_ref()
                .iter()
                .map(|d| normalize_output(d.text())),
        )
        .collect();
    if let Some((a, b)) = key_clash(&texts.iter().map(String::as_str).collect::<Vec<_>>()) {
        report(
            line_of(distractors.span()),
            format!("{what}: options \"{a}\" and \"{b}\" get the same key; reword one"),
        );
    }
    for d in distractors.get_ref() {
        if normalize_output(d.text()) == normalized {
            report(
                line_of(distractors.span()),
                format!("{what}: distractor `{}` equals the answer", d.text()),
            );
        }
    }
    out.code = Some(code.trim_end().to_string());
    out.options = std::iter::once(SourceOption {
        text: normalized,
        correct: true,
        why: None,
    })
    .chain(distractors.get_ref().iter().map(|d| SourceOption {
        text: normalize_output(d.text()),
        correct: false,
        why: d.why().map(str::to_string),
    }))
    .collect();
    out.answer = Some(answer);
}

/// Two options whose texts give the same key would be indistinguishable in saved answers.
fn key_clash(texts: &[&str]) -> Option<(String, String)> {
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for t in texts {
        if let Some(other) = seen.insert(bank_format::option_key(t), t) {
            if other.trim() != t.trim() {
                return Some((other.to_string(), t.to_string()));
            }
        }
    }
    None
}

/// The first text that occurs twice: two identical choices would be indistinguishable.
fn first_repeat(texts: impl Iterator<Item = String>) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    texts.into_iter().find(|t| !seen.insert(t.clone()))
}

/// Output as compared: trailing white space removed from each line and from the end.
pub fn normalize_output(text: &str) -> String {
    text.trim_end()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

fn present_fields(
    q: &RawQuestion,
    line_of: &impl Fn(std::ops::Range<usize>) -> usize,
) -> Vec<(&'static str, usize)> {
    let mut out = Vec::new();
    let mut add = |name, span: Option<std::ops::Range<usize>>| {
        if let Some(span) = span {
            out.push((name, line_of(span)));
        }
    };
    add("shuffle", q.shuffle.as_ref().map(Spanned::span));
    add("options", q.options.as_ref().map(Spanned::span));
    add("code", q.code.as_ref().map(Spanned::span));
    add("answer", q.answer.as_ref().map(Spanned::span));
    add("distractors", q.distractors.as_ref().map(Spanned::span));
    add("answers", q.answers.as_ref().map(Spanned::span));
    add("match", q.match_rule.as_ref().map(Spanned::span));
    add("checklist", q.checklist.as_ref().map(Spanned::span));
    out
}

pub use bank_format::limits::valid_id;

/// `"3.10"` → `(3, 10)`, so versions compare as numbers; `None` for anything else.
pub fn python_version(v: &str) -> Option<(u32, u32)> {
    let (major, minor) = v.split_once('.')?;
    if major != "3" || minor.is_empty() || !minor.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((3, minor.parse().ok()?))
}

fn valid_exception_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
