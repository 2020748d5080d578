//! Writing chunks and quiz files: compact JSON through `json::Writer`, the same code on every
//! target (the quiz compiler also runs in the browser), so the same questions always give the
//! same bytes.
//!
//! A question: `{"id", "difficulty", "tags"?, "min_python"?, "max_python"?, "prompt",
//! "code"?, "hint"?, "explanation", "docs", "type", …}`, where every Markdown field is rich
//! text (`rich_json`) and the type's own fields follow: `"options": [{"key", "text",
//! "correct"?, "why"?}]`, `"answers", "prose"?` or `"answer", "checklist"`.

use crate::json::Writer;
use crate::rich_json::write_rich;
use crate::{Body, Chunk, OwnQuiz, Question};
use std::rc::Rc;

/// What a quiz file says it is, in its `format` field.
pub const QUIZ_FORMAT: &str = "pyquiz-quiz";
pub const QUIZ_VERSION: u64 = 1;

pub fn encode_chunk(chunk: &Chunk) -> String {
    let mut w = Writer::new();
    w.begin_object().key("topic").string(&chunk.topic);
    write_questions(&mut w, &chunk.questions);
    w.end_object();
    w.finish()
}

pub fn encode_quiz(quiz: &OwnQuiz) -> String {
    let mut w = Writer::new();
    w.begin_object()
        .key("format")
        .string(QUIZ_FORMAT)
        .key("version")
        .number(QUIZ_VERSION as f64)
        .key("title")
        .string(&quiz.title);
    if let Some(d) = &quiz.description {
        w.key("description").string(d);
    }
    write_questions(&mut w, &quiz.questions);
    w.end_object();
    w.finish()
}

fn write_questions(w: &mut Writer, questions: &[Rc<Question>]) {
    w.key("questions").begin_array();
    for q in questions {
        write_question(w, q);
    }
    w.end_array();
}

fn write_question(w: &mut Writer, q: &Question) {
    w.begin_object()
        .key("id")
        .string(&q.id)
        .key("difficulty")
        .string(q.difficulty.as_str());
    if !q.tags.is_empty() {
        strings(w.key("tags"), &q.tags);
    }
    for (name, value) in [("min_python", &q.min_python), ("max_python", &q.max_python)] {
        if let Some(v) = value {
            w.key(name).string(v);
        }
    }
    write_rich(w.key("prompt"), &q.prompt);
    if let Some(code) = &q.code {
        write_rich(w.key("code"), code);
    }
    if let Some(hint) = &q.hint {
        write_rich(w.key("hint"), hint);
    }
    write_rich(w.key("explanation"), &q.explanation);
    w.key("docs").string(&q.docs);
    w.key("type").string(q.body.kind().as_str());
    match &q.body {
        Body::Single { options } | Body::Multi { options } | Body::Output { options } => {
            w.key("options").begin_array();
            for o in options {
                w.begin_object().key("key").string(&o.key);
                write_rich(w.key("text"), &o.text);
                if o.correct {
                    w.key("correct").bool(true);
                }
                if let Some(why) = &o.why {
                    write_rich(w.key("why"), why);
                }
                w.end_object();
            }
            w.end_array();
        }
        Body::Short { answers, prose } => {
            strings(w.key("answers"), answers);
            if *prose {
                w.key("prose").bool(true);
            }
        }
        Body::Flashcard { answer, checklist } => {
            write_rich(w.key("answer"), answer);
            w.key("checklist").begin_array();
            for point in checklist {
                write_rich(w, point);
            }
            w.end_array();
        }
    }
    w.end_object();
}

fn strings(w: &mut Writer, items: &[String]) {
    w.begin_array();
    for s in items {
        w.string(s);
    }
    w.end_array();
}
