//! Measurements over a loaded bank that the build does not enforce but the bank rules
//! (`tests/bank_rules.rs`) and `bank stats` do: whether option lengths or positions give the
//! answer away, which builtins, methods and FAQ traps the questions cover, the bank's size and
//! mix, and source tidiness the compiler would otherwise hide. Each rule is a function returning
//! its problems, one line each naming `id (file:line)`, so it can be checked on fixtures too.

pub mod coverage;
pub mod faq;
pub mod mix;
pub mod option_lengths;
pub mod positions;
pub mod report;
pub mod tidy;

use crate::question::SourceQuestion;

/// `id (content/file.toml:line)`, how every problem names its question.
pub fn at(q: &SourceQuestion) -> String {
    format!("{} ({}:{})", q.id, q.file, q.line)
}

/// `part` as a percentage of `whole`, for messages (0 when `whole` is 0).
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// Whether `part / whole` is above `limit` percent, in integers so 35 % of 100 is not "above".
pub fn above(part: usize, whole: usize, limit_percent: usize) -> bool {
    part * 100 > whole * limit_percent
}

/// A question with just what the measurements read, for unit tests.
#[cfg(test)]
pub(crate) fn sample(
    id: &str,
    kind: bank_format::Kind,
    options: &[(&str, bool)],
) -> SourceQuestion {
    SourceQuestion {
        id: id.to_string(),
        topic: "alpha".to_string(),
        difficulty: bank_format::Difficulty::Junior,
        kind,
        tags: Vec::new(),
        min_python: None,
        max_python: None,
        prompt: "Which?".to_string(),
        code: None,
        hint: None,
        explanation: "Because.".to_string(),
        docs: "https://docs.python.org/3/library/functions.html#len".to_string(),
        options: options
            .iter()
            .map(|(text, correct)| crate::question::SourceOption {
                text: text.to_string(),
                correct: *correct,
                why: None,
            })
            .collect(),
        keep_order: false,
        answer: None,
        answers: Vec::new(),
        prose: false,
        checklist: Vec::new(),
        file: "content/alpha.toml".to_string(),
        line: 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_compare_exactly() {
        assert!(!above(35, 100, 35));
        assert!(above(36, 100, 35));
        assert!(above(117, 175, 35));
        assert!(!above(0, 0, 35));
        assert_eq!(format!("{:.1}", percent(117, 175)), "66.9");
        assert_eq!(percent(1, 0), 0.0);
    }
}
