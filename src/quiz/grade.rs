use crate::bank::{Body, Question};

/// How well a question was known: a flashcard's self-grade, and the grade the scheduler gets
/// for every answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }

    pub fn parse(s: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.as_str() == s)
    }

    /// Again means the learner did not know it; the others count as right.
    pub fn is_correct(self) -> bool {
        self != Grade::Again
    }
}

/// What a learner submitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    /// Keys of the picked options (single, multi, output). A key the question no longer has
    /// (its option was edited) simply matches nothing.
    Choices(Vec<String>),
    /// A typed answer (short).
    Text(String),
    /// A self-assessment (flashcard).
    SelfGrade(Grade),
    /// A choice answer saved by storage version 1, which kept option positions that later
    /// content edits could shift: its verdict is kept, the picks are not shown.
    Legacy,
}

/// Whether `response` answers `question` correctly. A response of the wrong shape is wrong.
pub fn grade(question: &Question, response: &Response) -> bool {
    match (&question.body, response) {
        (Body::Single { options } | Body::Output { options }, Response::Choices(picked)) => {
            picked.len() == 1 && options.iter().any(|o| o.correct && o.key == picked[0])
        }
        (Body::Multi { options }, Response::Choices(picked)) => {
            let mut unique: Vec<&String> = Vec::new();
            for k in picked {
                if !unique.contains(&k) {
                    unique.push(k);
                }
            }
            let right = options.iter().filter(|o| o.correct).count();
            let picked_right = unique
                .iter()
                .filter(|k| options.iter().any(|o| o.correct && o.key == ***k))
                .count();
            picked_right == unique.len() && unique.len() == right
        }
        (Body::Short { answers, prose }, Response::Text(text)) => answers
            .iter()
            .any(|a| bank_format::short_answer::matches(text, a, *prose)),
        (Body::Flashcard { .. }, Response::SelfGrade(g)) => g.is_correct(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{test_question, Choice};

    fn question(body: Body) -> Question {
        test_question("t-01", body)
    }

    /// Options keyed "a", "b", "c", … with the given correctness.
    pub(crate) fn options(correct: &[bool]) -> Vec<Choice> {
        correct
            .iter()
            .enumerate()
            .map(|(i, &c)| Choice {
                key: char::from(b'a' + i as u8).to_string(),
                text: Vec::new(),
                correct: c,
                why: None,
            })
            .collect()
    }

    fn picks(keys: &[&str]) -> Response {
        Response::Choices(keys.iter().map(|k| k.to_string()).collect())
    }

    #[test]
    fn single_needs_the_one_correct_option() {
        let q = question(Body::Single {
            options: options(&[false, true, false]),
        });
        assert!(grade(&q, &picks(&["b"])));
        assert!(!grade(&q, &picks(&["a"])));
        assert!(
            !grade(&q, &picks(&["b", "a"])),
            "two picks on a single question"
        );
        assert!(!grade(&q, &picks(&[])));
        assert!(
            !grade(&q, &picks(&["zz"])),
            "a key the question no longer has"
        );
    }

    #[test]
    fn output_grades_like_single() {
        let q = question(Body::Output {
            options: options(&[true, false]),
        });
        assert!(grade(&q, &picks(&["a"])));
        assert!(!grade(&q, &picks(&["b"])));
    }

    #[test]
    fn multi_needs_exactly_the_correct_set() {
        let q = question(Body::Multi {
            options: options(&[true, false, true]),
        });
        assert!(grade(&q, &picks(&["c", "a"])), "order does not matter");
        assert!(grade(&q, &picks(&["a", "c", "c"])), "repeats do not matter");
        assert!(!grade(&q, &picks(&["a"])), "missing one");
        assert!(!grade(&q, &picks(&["a", "b", "c"])), "one too many");
        assert!(
            !grade(&q, &picks(&["a", "c", "gone"])),
            "a stale key is not right"
        );
    }

    #[test]
    fn short_answers_follow_the_matching_rule() {
        let q = question(Body::Short {
            answers: vec!["functools.wraps".into()],
            prose: false,
        });
        // Typed forms the content audit found rejected by hand-listed spellings.
        for typed in [
            "functools.wraps",
            " @wraps ",
            "functools . wraps",
            "wraps()",
        ] {
            assert!(grade(&q, &Response::Text(typed.into())), "{typed}");
        }
        assert!(
            !grade(&q, &Response::Text("Functools.Wraps".into())),
            "names keep their case"
        );
        assert!(!grade(&q, &Response::Text("functools.wrap".into())));
        assert!(!grade(&q, &Response::Text("   ".into())));
        let q = question(Body::Short {
            answers: vec!["__closure__".into()],
            prose: false,
        });
        assert!(!grade(&q, &Response::Text("__CLOSURE__".into())));
        let q = question(Body::Short {
            answers: vec!["typing.Literal[\"r\", \"w\"]".into()],
            prose: false,
        });
        assert!(grade(
            &q,
            &Response::Text("typing.Literal['r', 'w']".into())
        ));
        let q = question(Body::Short {
            answers: vec!["walrus operator".into()],
            prose: true,
        });
        assert!(grade(&q, &Response::Text("Walrus operator.".into())));
        assert!(!grade(&q, &Response::Text("The Walrus Operator".into())));
    }

    #[test]
    fn flashcard_again_is_wrong_and_the_rest_right() {
        let q = question(Body::Flashcard {
            answer: Vec::new(),
            checklist: vec![],
        });
        assert!(!grade(&q, &Response::SelfGrade(Grade::Again)));
        for g in [Grade::Hard, Grade::Good, Grade::Easy] {
            assert!(grade(&q, &Response::SelfGrade(g)));
        }
    }

    #[test]
    fn a_response_of_the_wrong_shape_is_wrong() {
        let q = question(Body::Short {
            answers: vec!["x".into()],
            prose: false,
        });
        assert!(!grade(&q, &picks(&["a"])));
        assert!(!grade(&q, &Response::Legacy));
        let q = question(Body::Single {
            options: options(&[true]),
        });
        assert!(!grade(&q, &Response::Text("x".into())));
    }
}
