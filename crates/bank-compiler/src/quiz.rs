//! A blogger's own quiz: one TOML file in the bank's format under a `title`, compiled to one
//! quiz file (`bank_format::encode_quiz`). Pure (text in, text out, no file system), so the
//! author page can run it in the browser, and deterministic: the same text gives the same
//! bytes.

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::markdown::LinkRule;
use crate::question::{validate, SourceQuestion};
use crate::render::{render_in_written_order, render_question, Rendered};
use crate::source::{parse_toml, QuizFile};
use bank_format::limits::{MAX_QUESTIONS, MAX_QUIZ_BYTES};
use bank_format::{check_quiz_size, decode_quiz, encode_quiz, OwnQuiz, QuizError};
use std::rc::Rc;

/// Validates, renders and highlights `toml_text` (named `name` in diagnostics, e.g.
/// `my-quiz.toml:12: …`) into the quiz file's JSON.
pub fn compile_quiz(name: &str, toml_text: &str) -> Result<String, Vec<Diagnostic>> {
    let (file, lines): (QuizFile, LineIndex) = parse_toml(toml_text, name).map_err(|e| vec![e])?;
    let at = |line: usize, message: String| Diagnostic {
        file: name.to_string(),
        line,
        message,
    };
    let mut errors = Vec::new();
    let title = file.title.get_ref().trim().to_string();
    let title_line = lines.line(file.title.span().start);
    if title.is_empty() {
        errors.push(at(title_line, "the quiz has an empty `title`".into()));
    }
    if file.question.is_empty() {
        errors.push(at(
            title_line,
            "the quiz has no questions: add a `[[question]]`".into(),
        ));
    }
    if let Some(extra) = file.question.get(MAX_QUESTIONS) {
        errors.push(at(
            lines.line(extra.span().start),
            format!("a quiz holds at most {MAX_QUESTIONS} questions"),
        ));
    }
    let mut sources: Vec<SourceQuestion> = Vec::new();
    for raw in &file.question {
        match validate(raw, "", name, &lines, LinkRule::Web) {
            Ok(q) => match sources.iter().find(|s| s.id == q.id) {
                Some(first) => errors.push(at(
                    q.line,
                    format!(
                        "duplicate id `{}`, first used at {name}:{}",
                        q.id, first.line
                    ),
                )),
                None => sources.push(q),
            },
            Err(mut es) => errors.append(&mut es),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let quiz = |render: fn(&SourceQuestion) -> Rendered| OwnQuiz {
        title: title.clone(),
        description: file
            .description
            .as_ref()
            .map(|d| d.get_ref().trim().to_string()),
        questions: sources
            .iter()
            .map(|q| Rc::new(render(q).question))
            .collect(),
    };
    // The reader's caps (lengths, counts, nesting) are checked by reading the quiz back, so
    // the compiler refuses exactly what the embed would. Options in the written order, so
    // "option 2" means the second one in the file.
    if let Err(e) = read_back(&encode_quiz(&quiz(render_in_written_order))) {
        let source = e.question.and_then(|n| sources.get(n - 1));
        return Err(vec![match source {
            Some(q) => at(q.line, format!("question `{}`: {}", q.id, e.detail)),
            None => at(title_line, e.detail),
        }]);
    }
    let json = encode_quiz(&quiz(render_question));
    if check_quiz_size(json.len()).is_err() {
        return Err(vec![at(
            1,
            format!(
                "the quiz file would be {} bytes, more than the {MAX_QUIZ_BYTES} a reader accepts",
                json.len()
            ),
        )]);
    }
    Ok(json)
}

fn read_back(json: &str) -> Result<(), QuizError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| QuizError {
        question: None,
        detail: format!("the quiz cannot be read back ({e})"),
    })?;
    decode_quiz(&value).map(drop)
}
