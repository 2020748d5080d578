//! Searching the bank's text for the browse page: every word a learner might remember of a
//! question, from its prompt to the explanation of a wrong option.

use super::{Body, Question, Rich};
use bank_format::rich::plain_text;

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
    let has_text = |text: &str| text.to_ascii_lowercase().contains(needle);
    let has = |rich: &Rich| has_text(&plain_text(rich));
    if needle.is_empty() {
        return Some(Match::Question);
    }
    if q.id.contains(needle) || has(&q.prompt) || q.code.as_ref().is_some_and(has) {
        return Some(Match::Question);
    }
    let answered = match &q.body {
        Body::Single { options } | Body::Multi { options } | Body::Output { options } => {
            options.iter().any(|o| has(&o.text))
        }
        Body::Short { answers, .. } => answers.iter().any(|a| has_text(a)),
        Body::Flashcard { answer, checklist } => has(answer) || checklist.iter().any(has),
    };
    if answered {
        return Some(Match::Answer);
    }
    let explained = has(&q.explanation)
        || q.hint.as_ref().is_some_and(has)
        || q.body
            .options()
            .iter()
            .filter_map(|o| o.why.as_ref())
            .any(has)
        || has_text(topic_title);
    explained.then_some(Match::Explanation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{test_question, Choice};
    use bank_format::rich::{text_para, Node, Tag, TokenClass};

    fn para(inlines: Vec<Node>) -> Rich {
        vec![Node::Element(Tag::Para, inlines)]
    }

    fn code(s: &str) -> Node {
        Node::Element(Tag::Code, vec![Node::text(s)])
    }

    fn question() -> Question {
        let mut q = test_question(
            "scp-07",
            Body::Single {
                options: vec![
                    Choice {
                        key: "a".into(),
                        text: para(vec![code("nonlocal")]),
                        correct: true,
                        why: None,
                    },
                    Choice {
                        key: "b".into(),
                        text: para(vec![code("global")]),
                        correct: false,
                        why: Some(para(vec![
                            Node::text("It skips the enclosing "),
                            Node::Element(Tag::Emph, vec![Node::text("function")]),
                            Node::text("."),
                        ])),
                    },
                ],
            },
        );
        q.prompt = text_para("Which statement rebinds a name of the outer function?");
        q.explanation = text_para("A closure keeps the cell & its value.");
        q.hint = Some(text_para("Think LEGB."));
        q.code = Some(vec![Node::Element(
            Tag::Pre,
            vec![
                Node::token(TokenClass::Keyword, "lambda"),
                Node::text(": outer_name"),
            ],
        )]);
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
            "a why, across its emphasis"
        );
        assert_eq!(find("cell & its"), Some(Match::Explanation));
        assert_eq!(
            find("a: outer_"),
            Some(Match::Question),
            "across code tokens"
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
                answer: text_para("Reference counting"),
                checklist: vec![text_para("the cycle collector")],
            },
        );
        assert_eq!(find(&card, "", "cycle collector"), Some(Match::Answer));
    }
}
