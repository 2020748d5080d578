use crate::bank::{Body, Question};
use serde::{Deserialize, Serialize};

/// How a learner rates their own flashcard answer. Also kept per question as the last grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

    /// Again means the learner did not know it; the others count as right.
    pub fn is_correct(self) -> bool {
        self != Grade::Again
    }
}

/// What a learner submitted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Response {
    /// Indices of the picked options (single, multi, output).
    Choices(Vec<usize>),
    /// A typed answer (short).
    Text(String),
    /// A self-assessment (flashcard).
    SelfGrade(Grade),
}

/// Whether `response` answers `question` correctly. A response of the wrong shape is wrong.
pub fn grade(question: &Question, response: &Response) -> bool {
    match (&question.body, response) {
        (Body::Single { options } | Body::Output { options }, Response::Choices(picked)) => {
            picked.len() == 1 && options.get(picked[0]).is_some_and(|o| o.correct)
        }
        (Body::Multi { options }, Response::Choices(picked)) => {
            let mut picked = picked.clone();
            picked.sort_unstable();
            picked.dedup();
            let correct: Vec<usize> = options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.correct)
                .map(|(i, _)| i)
                .collect();
            picked == correct
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

    fn options(correct: &[bool]) -> Vec<Choice> {
        correct
            .iter()
            .map(|&c| Choice {
                html: String::new(),
                correct: c,
                why: None,
            })
            .collect()
    }

    #[test]
    fn single_needs_the_one_correct_option() {
        let q = question(Body::Single {
            options: options(&[false, true, false]),
        });
        assert!(grade(&q, &Response::Choices(vec![1])));
        assert!(!grade(&q, &Response::Choices(vec![0])));
        assert!(
            !grade(&q, &Response::Choices(vec![1, 0])),
            "two picks on a single question"
        );
        assert!(!grade(&q, &Response::Choices(vec![])));
        assert!(!grade(&q, &Response::Choices(vec![9])), "out of range");
    }

    #[test]
    fn output_grades_like_single() {
        let q = question(Body::Output {
            options: options(&[true, false]),
        });
        assert!(grade(&q, &Response::Choices(vec![0])));
        assert!(!grade(&q, &Response::Choices(vec![1])));
    }

    #[test]
    fn multi_needs_exactly_the_correct_set() {
        let q = question(Body::Multi {
            options: options(&[true, false, true]),
        });
        assert!(
            grade(&q, &Response::Choices(vec![2, 0])),
            "order does not matter"
        );
        assert!(
            grade(&q, &Response::Choices(vec![0, 2, 2])),
            "repeats do not matter"
        );
        assert!(!grade(&q, &Response::Choices(vec![0])), "missing one");
        assert!(
            !grade(&q, &Response::Choices(vec![0, 1, 2])),
            "one too many"
        );
    }

    #[test]
    fn short_answers_follow_the_matching_rule() {
        let q = question(Body::Short {
            answers: vec!["functools.wraps".into()],
            prose: false,
        });
        // The typed forms the content audit found rejected by the old hand-listed spellings.
        for typed in ["functools.wraps", " @wraps ", "functools . wraps", "wraps()"] {
            assert!(grade(&q, &Response::Text(typed.into())), "{typed}");
        }
        assert!(!grade(&q, &Response::Text("Functools.Wraps".into())), "names keep their case");
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
        assert!(grade(&q, &Response::Text("typing.Literal['r', 'w']".into())));
        let q = question(Body::Short {
            answers: vec!["walrus operator".into()],
            prose: true,
        });
        assert!(!grade(&q, &Response::Text("The Walrus Operator".into())));
        assert!(grade(&q, &Response::Text("Walrus operator.".into())));
    }

    #[test]
    fn flashcard_again_is_wrong_and_the_rest_right() {
        let q = question(Body::Flashcard {
            answer: String::new(),
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
        assert!(!grade(&q, &Response::Choices(vec![0])));
        let q = question(Body::Single {
            options: options(&[true]),
        });
        assert!(!grade(&q, &Response::Text("x".into())));
    }
}
