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

pub fn render_question(q: &SourceQuestion) -> Rendered {
    let mut blocks = Vec::new();
    let b = &mut blocks;
    let mut choices: Vec<Choice> = q
        .options
        .iter()
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
    if !q.keep_order {
        shuffle(&mut choices, seed_from_str(&q.id));
    }
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
