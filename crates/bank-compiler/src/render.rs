//! Turning validated questions into what the app ships: rich text, highlighted code, shuffled
//! options.

use crate::markdown::{code_block, render, FencedCode};
use crate::question::SourceQuestion;
use bank_format::rich::{text_para, Node, Rich, Tag};
use bank_format::{option_key, seed_from_str, shuffle, Body, Choice, Kind, Question};

/// A rendered question plus every fenced code block its Markdown contained.
pub struct Rendered {
    pub question: Question,
    pub blocks: Vec<FencedCode>,
}

/// The order the app shows a question's options in, as indices into `q.options`: shuffled by
/// a seed from the id (so every build ships the same order), or as written with
/// `shuffle = false`. The export uses it too, so nothing downstream sees the source order.
pub fn shipped_order(q: &SourceQuestion) -> Vec<usize> {
    let mut order: Vec<usize> = (0..q.options.len()).collect();
    if !q.keep_order {
        shuffle(&mut order, seed_from_str(&q.id));
    }
    order
}

/// The question with its options in the shipped order.
pub fn in_shipped_order(q: &SourceQuestion) -> SourceQuestion {
    let mut shipped = q.clone();
    shipped.options = shipped_order(q)
        .into_iter()
        .map(|i| q.options[i].clone())
        .collect();
    shipped
}

/// The question as shipped: options shuffled in an order fixed by the id (the same order as
/// `shipped_order`), unless the author kept theirs.
pub fn render_question(q: &SourceQuestion) -> Rendered {
    let mut rendered = render_in_written_order(q);
    if !q.keep_order {
        if let Body::Single { options } | Body::Multi { options } | Body::Output { options } =
            &mut rendered.question.body
        {
            shuffle(options, seed_from_str(&q.id));
        }
    }
    rendered
}

/// Options as written (for `output`, the answer first): what an author's "option 2" means.
pub fn render_in_written_order(q: &SourceQuestion) -> Rendered {
    let mut blocks = Vec::new();
    let b = &mut blocks;
    let choices: Vec<Choice> = q
        .options
        .iter()
        .map(|o| Choice {
            key: option_key(&o.text),
            text: if q.kind == Kind::Output {
                output_option(&o.text)
            } else {
                render(&o.text, b)
            },
            correct: o.correct,
            why: o.why.as_deref().map(|w| render(w, b)),
        })
        .collect();
    let body = match q.kind {
        Kind::Single => Body::Single { options: choices },
        Kind::Multi => Body::Multi { options: choices },
        Kind::Output => Body::Output { options: choices },
        Kind::Short => Body::Short {
            answers: q.answers.clone(),
            prose: q.prose,
        },
        Kind::Flashcard => Body::Flashcard {
            answer: render(q.answer.as_deref().unwrap_or(""), b),
            checklist: q.checklist.iter().map(|c| render(c, b)).collect(),
        },
    };
    let question = Question {
        id: q.id.clone(),
        difficulty: q.difficulty,
        tags: q.tags.clone(),
        min_python: q.min_python.clone(),
        max_python: q.max_python.clone(),
        prompt: render(&q.prompt, b),
        code: q.code.as_deref().map(|c| vec![code_block("python", c)]),
        hint: q.hint.as_deref().map(|h| render(h, b)),
        explanation: render(&q.explanation, b),
        docs: q.docs.clone(),
        body,
    };
    Rendered { question, blocks }
}

/// An output option is printed text, not Markdown; `raises X` is set apart from real output.
fn output_option(text: &str) -> Rich {
    match SourceQuestion::raises(text) {
        Some(name) => vec![Node::Element(
            Tag::Para,
            vec![Node::Element(
                Tag::Emph,
                vec![
                    Node::text("raises "),
                    Node::Element(Tag::Strong, vec![Node::text(name)]),
                ],
            )],
        )],
        None => text_para(text),
    }
}
