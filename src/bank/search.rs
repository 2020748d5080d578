//! Searching the bank's text for the browse page: every word a learner might remember of a
//! question, from its prompt to the explanation of a wrong option.

use super::{Body, Question};

/// How well a question matches a search: the better ones are listed first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    /// In the id, the prompt or the code.
    Question,
    /// In an option or an accepted answer.
    Answer,
    /// In the hint, the explanation, an option's "why" or the topic's title.
    Explanation,
}

/// Where `needle` (already trimmed and ASCII-lowercased) occurs in `q`, if anywhere.
pub fn find(q: &Question, topic_title: &str, needle: &str) -> Option<Match> {
    let has = |html: &str| plain_text(html).contains(needle);
    if needle.is_empty() {
        return Some(Match::Question);
    }
    if q.id.contains(needle) || has(&q.prompt) || q.code.as_deref().is_some_and(has) {
        return Some(Match::Question);
    }
    let (answers, whys): (Vec<&str>, Vec<&str>) = match &q.body {
        Body::Single { options } | Body::Multi { options } | Body::Output { options } => (
            options.iter().map(|o| o.html.as_str()).collect(),
            options.iter().filter_map(|o| o.why.as_deref()).collect(),
        ),
        Body::Short { answers, .. } => (answers.iter().map(String::as_str).collect(), vec![]),
        Body::Flashcard { answer, checklist } => (
            std::iter::once(answer.as_str())
                .chain(checklist.iter().map(String::as_str))
                .collect(),
            vec![],
        ),
    };
    if answers.into_iter().any(has) {
        return Some(Match::Answer);
    }
    let explained = has(&q.explanation)
        || q.hint.as_deref().is_some_and(has)
        || whys.into_iter().any(has)
        || topic_title.to_ascii_lowercase().contains(needle);
    explained.then_some(Match::Explanation)
}

/// The text of rendered HTML, ASCII-lowercased, with the entities the compiler writes decoded.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    if !out.contains('&') {
        return out;
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{test_question, Choice};

    fn question() -> Question {
        let mut q = test_question(
            "scp-07",
            Body::Single {
                options: vec![
                    Choice {
                        key: "a".into(),
                        html: "<code>nonlocal</code>".into(),
                        correct: true,
                        why: None,
                    },
                    Choice {
                        key: "b".into(),
                        html: "<code>global</code>".into(),
                        correct: false,
                        why: Some("It skips the enclosing <em>function</em>.".into()),
                    },
                ],
            },
        );
        q.prompt = "<p>Which statement rebinds a name of the outer function?</p>".into();
        q.explanation = "<p>A closure keeps the cell &amp; its value.</p>".into();
        q.hint = Some("<p>Think LEGB.</p>".into());
        q
    }

    #[test]
    fn finds_words_anywhere_and_ranks_where_they_are() {
        let q = question();
        let find = |n: &str| find(&q, "Scope & closures", n);
        assert_eq!(find("rebinds"), Some(Match::Question));
        assert_eq!(find("scp-07"), Some(Match::Question));
        assert_eq!(find("nonlocal"), Some(Match::Answer));
        assert_eq!(
            find("enclosing function"),
            Some(Match::Explanation),
            "a why, tags removed"
        );
        assert_eq!(
            find("cell & its"),
            Some(Match::Explanation),
            "entities decoded"
        );
        assert_eq!(find("legb"), Some(Match::Explanation), "the hint, any case");
        assert_eq!(
            find("scope &"),
            Some(Match::Explanation),
            "the topic's title"
        );
        assert_eq!(find("metaclass"), None);
        assert!(Match::Question < Match::Answer && Match::Answer < Match::Explanation);
    }

    #[test]
    fn short_answers_and_flashcards_are_searched_too() {
        let short = test_question(
            "dm-03",
            Body::Short {
                answers: vec!["__len__".into()],
                prose: false,
            },
        );
        assert_eq!(find(&short, "", "__len__"), Some(Match::Answer));
        let card = test_question(
            "mem-09",
            Body::Flashcard {
                answer: "<p>Reference counting</p>".into(),
                checklist: vec!["<p>the cycle collector</p>".into()],
            },
        );
        assert_eq!(find(&card, "", "cycle collector"), Some(Match::Answer));
    }
}
