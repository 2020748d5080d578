//! How a question is told apart in a list. Many output questions ask only "What does this
//! print?": their code's first telling line is what a learner recognises them by.

use super::Question;
use bank_format::rich::plain_text;

/// Characters of a line kept in a list; a longer one ends in "…".
const LINE_MAX: usize = 60;

fn shorten(text: &str) -> String {
    if text.chars().count() <= LINE_MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(LINE_MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The first line of the question's code that says what it is about: blank lines, comments,
/// imports and `sys.path` set-up are passed over (they begin many snippets alike).
pub fn first_code_line(q: &Question) -> Option<String> {
    let code = plain_text(q.code.as_ref()?);
    let lines = || code.lines().map(str::trim).filter(|l| !l.is_empty());
    let telling = lines().find(|l| {
        !l.starts_with('#')
            && !l.starts_with("import ")
            && !l.starts_with("from ")
            && !l.starts_with("sys.path")
    });
    telling.or_else(|| lines().next()).map(shorten)
}

/// The question in one line of plain text, for a list where its rich text is not drawn: the
/// prompt, then its code's first telling line.
pub fn one_line(q: &Question) -> String {
    let prompt = shorten(plain_text(&q.prompt).trim());
    match first_code_line(q) {
        Some(code) => format!("{prompt} · {code}"),
        None => prompt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{test_question, Body, Choice};
    use bank_format::rich::{text_para, Node, Tag, TokenClass};

    fn output(code: &str) -> Question {
        let mut q = test_question(
            "out-1",
            Body::Output {
                options: vec![Choice {
                    key: "a".into(),
                    text: text_para("1"),
                    correct: true,
                    why: None,
                }],
            },
        );
        q.prompt = text_para("What does this print?");
        q.code = Some(vec![Node::Element(
            Tag::Pre,
            vec![
                Node::token(TokenClass::Keyword, "import"),
                Node::text(format!(" sys\n\n{code}")),
            ],
        )]);
        q
    }

    #[test]
    fn output_questions_are_told_apart_by_their_code() {
        let a = output("# the classic\ndef f(x=[]):\n    x.append(1)");
        let b = output("sys.path.insert(0, \".\")\nfrom pkg import mod\nprint(mod.x)");
        assert_eq!(first_code_line(&a).as_deref(), Some("def f(x=[]):"));
        assert_eq!(first_code_line(&b).as_deref(), Some("print(mod.x)"));
        assert_eq!(one_line(&a), "What does this print? · def f(x=[]):");
        let only_imports = output("import os");
        assert_eq!(
            first_code_line(&only_imports).as_deref(),
            Some("import sys"),
            "nothing telling: the first line"
        );
    }

    #[test]
    fn long_lines_are_cut_and_questions_without_code_are_their_prompt() {
        let long = output(&format!("x = '{}'", "y".repeat(100)));
        let line = first_code_line(&long).unwrap();
        assert_eq!(line.chars().count(), LINE_MAX);
        assert!(line.ends_with('…'));
        let mut plain = output("");
        plain.code = None;
        assert_eq!(first_code_line(&plain), None);
        assert_eq!(one_line(&plain), "What does this print?");
    }
}
