//! Source tidiness the compiler would hide: it trims output answers before comparing and
//! showing them, so a stray trailing newline never shows, yet the README promises answers are
//! stored trimmed; and the short-answer policy that a dunder question wants the dunder.

use super::at;
use crate::bank::Bank;
use crate::question::SourceQuestion;
use bank_format::{short_answer, Kind};

/// An `output` question's `answer` as written ends with white space or a newline.
pub fn untrimmed_output_answer(q: &SourceQuestion) -> bool {
    q.kind == Kind::Output
        && q.answer
            .as_deref()
            .is_some_and(|a| a.trim_end().len() != a.len())
}

pub fn untrimmed_output_problems(bank: &Bank) -> Vec<String> {
    bank.questions()
        .filter(|q| untrimmed_output_answer(q))
        .map(|q| {
            format!(
                "{}: the output `answer` ends with white space or a newline ({:?}): trim it",
                at(q),
                q.answer.as_deref().unwrap_or("")
            )
        })
        .collect()
}

/// `x` for a dunder name `__x__` (backticks and a trailing `()` allowed), else `None`.
pub fn dunder_stem(answer: &str) -> Option<&str> {
    let name = answer.trim().trim_matches('`');
    let name = name.strip_suffix("()").unwrap_or(name);
    let stem = name.strip_prefix("__")?.strip_suffix("__")?;
    let ident = stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (ident && !stem.is_empty() && !stem.starts_with('_') && !stem.ends_with('_')).then_some(stem)
}

/// The bare name a dunder-first short question accepts though it should not (`bool` for
/// `__bool__`): asking for the method means asking for its real name.
pub fn accepted_bare_name(q: &SourceQuestion) -> Option<&str> {
    if q.kind != Kind::Short {
        return None;
    }
    let stem = dunder_stem(q.answers.first()?)?;
    q.answers
        .iter()
        .any(|accepted| short_answer::matches(stem, accepted, q.prose))
        .then_some(stem)
}

pub fn bare_dunder_problems(bank: &Bank) -> Vec<String> {
    bank.questions()
        .filter_map(|q| {
            accepted_bare_name(q).map(|stem| {
                format!(
                    "{}: the answer is `{}` but the bare `{stem}` is accepted too: drop it",
                    at(q),
                    q.answers[0].trim()
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::sample;

    #[test]
    fn dunder_names_have_a_stem() {
        assert_eq!(dunder_stem("__bool__"), Some("bool"));
        assert_eq!(dunder_stem("`__post_init__()`"), Some("post_init"));
        assert_eq!(dunder_stem("__main__.py"), None);
        assert_eq!(dunder_stem("__slots"), None);
        assert_eq!(dunder_stem("____"), None);
        assert_eq!(dunder_stem("bool"), None);
    }

    fn short(answers: &[&str]) -> SourceQuestion {
        let mut q = sample("al-01", Kind::Short, &[]);
        q.answers = answers.iter().map(|a| a.to_string()).collect();
        q
    }

    #[test]
    fn a_dunder_question_must_not_accept_the_bare_name() {
        assert_eq!(
            accepted_bare_name(&short(&["__bool__", "bool"])),
            Some("bool")
        );
        // The matching rule makes `bool()` accept a typed `bool` too.
        assert_eq!(
            accepted_bare_name(&short(&["__len__", "len()"])),
            Some("len")
        );
        assert_eq!(
            accepted_bare_name(&short(&["__set_name__", "object.__set_name__"])),
            None
        );
        assert_eq!(accepted_bare_name(&short(&["len", "__len__"])), None);
    }

    #[test]
    fn output_answers_must_be_stored_trimmed() {
        let mut q = sample("al-01", Kind::Output, &[]);
        q.answer = Some("[1, 2]\n".to_string());
        assert!(untrimmed_output_answer(&q));
        q.answer = Some("a  \nb".to_string());
        assert!(!untrimmed_output_answer(&q), "only the end counts");
        q.answer = Some("[1, 2]".to_string());
        assert!(!untrimmed_output_answer(&q));
        q.kind = Kind::Flashcard;
        q.answer = Some("Model answer.\n".to_string());
        assert!(
            !untrimmed_output_answer(&q),
            "flashcard answers are Markdown"
        );
    }
}
