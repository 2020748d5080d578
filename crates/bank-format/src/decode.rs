//! Reading chunks and quiz files back (the shape is in `encode`). The app runs this over the
//! browser's `JSON.parse` result; the tests and the quiz compiler run it over `serde_json`.
//! One bad field refuses the whole document with an error that names it: a quiz is never
//! shown half read. (The reader keeps the first fault: see `read`.)

use crate::encode::{QUIZ_FORMAT, QUIZ_VERSION};
use crate::json::Json;
use crate::limits::{valid_id, MAX_ITEMS, MAX_OPTIONS, MAX_QUESTIONS, MAX_QUIZ_BYTES};
use crate::read::{QuizError, Reader};
use crate::rich::href_allowed;
use crate::{Body, Choice, Chunk, Difficulty, Kind, OwnQuiz, Question};
use std::rc::Rc;

pub fn decode_chunk<J: Json>(doc: &J) -> Result<Chunk, String> {
    decode_chunk_only(doc, |_| true)
}

/// A chunk with only the questions `keep` accepts (by id): an embed showing 5 of a topic's 22
/// questions reads 5 (decoding crosses into JavaScript for every field). The others are not read.
pub fn decode_chunk_only<J: Json>(doc: &J, keep: impl Fn(&str) -> bool) -> Result<Chunk, String> {
    let mut r = Reader::new();
    let topic = r.need_text(doc, "topic");
    let questions = read_questions_if(&mut r, doc, |q| q.str_at("id").is_none_or(|id| keep(&id)));
    r.finish(Chunk { topic, questions })
        .map_err(|e| e.to_string())
}

/// A quiz file that is at most `limits::MAX_QUIZ_BYTES` long: the caller checks the bytes
/// before parsing, with [`check_quiz_size`].
pub fn decode_quiz<J: Json>(doc: &J) -> Result<OwnQuiz, QuizError> {
    let mut r = Reader::new();
    r.check(
        doc.str_at("format").as_deref() == Some(QUIZ_FORMAT),
        "not a quiz file (no \"format\": \"pyquiz-quiz\")",
    );
    r.check(
        doc.uint_at("version", 1 << 20) == Some(QUIZ_VERSION),
        "a version this pyquiz cannot read",
    );
    let title = r.need_text(doc, "title");
    let description = r.text_at(doc, "description");
    r.field("", false);
    let questions = read_questions(&mut r, doc);
    r.check(!questions.is_empty(), "no questions");
    if let Some(i) =
        (1..questions.len()).find(|&i| questions[..i].iter().any(|q| q.id == questions[i].id))
    {
        r.question(i + 1);
        r.field("id", false);
        r.fail("used by an earlier question");
    }
    r.finish(OwnQuiz {
        title,
        description,
        questions,
    })
}

pub fn check_quiz_size(bytes: usize) -> Result<(), QuizError> {
    let mut r = Reader::new();
    r.check(
        bytes <= MAX_QUIZ_BYTES,
        "the file is larger than 1,000,000 bytes",
    );
    r.finish(())
}

fn read_questions<J: Json>(r: &mut Reader, doc: &J) -> Vec<Rc<Question>> {
    read_questions_if(r, doc, |_| true)
}

fn read_questions_if<J: Json>(
    r: &mut Reader,
    doc: &J,
    read: impl Fn(&J) -> bool,
) -> Vec<Rc<Question>> {
    let list = match doc.get("questions") {
        Some(list) => r.list(&list),
        None => {
            r.fail("no questions");
            Vec::new()
        }
    };
    r.check(list.len() <= MAX_QUESTIONS, "more than 200 questions");
    let mut questions = Vec::with_capacity(list.len());
    for (i, q) in list.iter().enumerate().filter(|(_, q)| read(q)) {
        r.question(i + 1);
        questions.push(Rc::new(read_question(r, q)));
    }
    r.question(0);
    questions
}

fn read_question<J: Json>(r: &mut Reader, v: &J) -> Question {
    let id = r.need_text(v, "id");
    r.check(valid_id(&id), "not 1-16 lowercase letters, digits or -");
    let difficulty = Difficulty::parse(&r.need_text(v, "difficulty"));
    r.check(difficulty.is_some(), "not junior, mid or senior");
    r.field("tags", false);
    let tags = strings(r, v.get("tags"));
    let min_python = r.text_at(v, "min_python");
    let max_python = r.text_at(v, "max_python");
    let prompt = r.need_rich(v, "prompt", true);
    let code = r.rich_at(v, "code", true);
    let hint = r.rich_at(v, "hint", true);
    let explanation = r.need_rich(v, "explanation", true);
    let docs = r.need_text(v, "docs");
    r.check(
        href_allowed(&docs) && !docs.starts_with('#'),
        "not an http(s) link",
    );
    let kind = Kind::parse(&r.need_text(v, "type"));
    r.check(kind.is_some(), "unknown");
    // The type's own fields sit next to the common ones.
    let body = read_body(r, kind.unwrap_or(Kind::Short), v);
    Question {
        id,
        difficulty: difficulty.unwrap_or(Difficulty::Junior),
        tags,
        min_python,
        max_python,
        prompt,
        code,
        hint,
        explanation,
        docs,
        body,
    }
}

fn read_body<J: Json>(r: &mut Reader, kind: Kind, v: &J) -> Body {
    match kind {
        Kind::Single => Body::Single {
            options: options(r, v, false),
        },
        Kind::Multi => Body::Multi {
            options: options(r, v, true),
        },
        Kind::Output => Body::Output {
            options: options(r, v, false),
        },
        Kind::Short => {
            r.field("answers", false);
            let answers = strings(r, v.get("answers"));
            r.check(answers.iter().any(|a| !a.trim().is_empty()), "none given");
            r.field("prose", false);
            Body::Short {
                answers,
                prose: flag(r, v, "prose"),
            }
        }
        Kind::Flashcard => {
            let answer = r.need_rich(v, "answer", true);
            r.field("checklist", false);
            let list = v.get("checklist").map(|c| r.list(&c)).unwrap_or_default();
            r.check(
                !list.is_empty() && list.len() <= MAX_ITEMS,
                "not 1 to 20 points",
            );
            let mut checklist = Vec::with_capacity(list.len());
            for (i, point) in list.iter().enumerate() {
                r.item("checklist point", i + 1);
                r.field("text", false);
                checklist.push(r.rich(point));
            }
            Body::Flashcard { answer, checklist }
        }
    }
}

/// The options of a choice question: 2 to 12 of distinct keys, one of them right (or, for
/// `multi`, at least one).
fn options<J: Json>(r: &mut Reader, v: &J, multi: bool) -> Vec<Choice> {
    r.field("", false);
    let list = v.get("options").map(|o| r.list(&o)).unwrap_or_default();
    r.check(list.len() >= 2, "fewer than two options");
    r.check(list.len() <= MAX_OPTIONS, "more than 12 options");
    let mut options: Vec<Choice> = Vec::with_capacity(list.len());
    for (i, o) in list.iter().enumerate() {
        r.item("option", i + 1);
        let key = r.need_text(o, "key");
        r.check(!options.iter().any(|p| p.key == key), "repeated");
        let text = r.need_rich(o, "text", false);
        let why = r.rich_at(o, "why", false);
        r.field("correct", false);
        let correct = flag(r, o, "correct");
        options.push(Choice {
            key,
            text,
            correct,
            why,
        });
    }
    r.end_item();
    let right = options.iter().filter(|o| o.correct).count();
    r.check(right > 0, "no correct option");
    r.check(right < 2 || multi, "more than one correct option");
    options
}

/// A list of strings, or none; anything else in it is a fault, not dropped.
fn strings<J: Json>(r: &mut Reader, v: Option<J>) -> Vec<String> {
    let list = v.map(|l| r.list(&l)).unwrap_or_default();
    r.check(list.len() <= MAX_ITEMS, "more than 20 entries");
    list.iter().map(|s| r.text(s)).collect()
}

fn flag<J: Json>(r: &mut Reader, v: &J, key: &str) -> bool {
    let value = v.get(key).map_or(Some(false), |b| b.as_bool());
    r.check(value.is_some(), "not true or false");
    value.unwrap_or_default()
}
