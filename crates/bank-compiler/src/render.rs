//! Turning validated questions into what the app ships: HTML, highlighted code, shuffled options.

use crate::highlight::escape;
use crate::markdown::{code_block, render, render_inline, FencedCode};
use crate::question::SourceQuestion;
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

pub fn render_question(q: &SourceQuestion) -> Rendered {
    let mut blocks = Vec::new();
    let b = &mut blocks;
    let choices: Vec<Choice> = shipped_order(q)
        .into_iter()
        .map(|i| &q.options[i])
        .map(|o| Choice {
            key: option_key(&o.text),
            html: if q.kind == Kind::Output {
                output_option(&o.text)
            } else {
                render_inline(&o.text, b)
            },
            correct: o.correct,
            why: o.why.as_deref().map(|w| render_inline(w, b)),
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
            checklist: q.checklist.iter().map(|c| render_inline(c, b)).collect(),
        },
    };
    let question = Question {
        id: q.id.clone(),
        difficulty: q.difficulty,
        tags: q.tags.clone(),
        min_python: q.min_python.clone(),
        max_python: q.max_python.clone(),
        prompt: render(&q.prompt, b),
        code: q.code.as_deref().map(|c| code_block("python", c)),
        hint: q.hint.as_deref().map(|h| render(h, b)),
        explanation: render(&q.explanation, b),
        docs: q.docs.clone(),
        body,
    };
    Rendered { question, blocks }
}

/// An output option is shown verbatim in a `<pre>`; `raises X` gets its own style.
fn output_option(text: &str) -> String {
    match SourceQuestion::raises(text) {
        Some(name) => format!(
            "<span class=\"raises\">raises <b>{}</b></span>",
            escape(name)
        ),
        None => escape(text),
    }
}
