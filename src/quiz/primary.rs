//! Which main button the quiz shows (Submit, Next, Finish…) and whether it can be pressed: one
//! pure rule shared by the button, the Enter key and the tests.

use super::{Mode, Session};
use crate::bank::{Kind, Question};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Primary {
    /// Grade the draft (practice).
    Submit,
    /// Keep the draft and go on (exam).
    SaveAndNext,
    /// Show a flashcard's model answer.
    Reveal,
    Next,
    /// End the quiz and see the results.
    Finish,
    /// The quiz is over: go to its results.
    Results,
    /// Nothing to press (a revealed flashcard waits for a grade, or the question is loading).
    Wait,
}

impl Primary {
    pub fn label(self) -> &'static str {
        match self {
            Primary::Submit => "Submit",
            Primary::SaveAndNext => "Save and next",
            Primary::Reveal => "Show answer",
            Primary::Next => "Next",
            Primary::Finish => "Finish",
            Primary::Results => "See results",
            Primary::Wait => "",
        }
    }
}

/// The main button and whether it is enabled, for the question on screen.
pub fn primary(session: &Session, question: Option<&Question>) -> (Primary, bool) {
    if session.is_finished() {
        return (Primary::Results, true);
    }
    let Some(q) = question else {
        return (Primary::Wait, false);
    };
    let slot = session.current();
    let kind = q.body.kind();
    let last = session.is_last();
    let go_on = if last { Primary::Finish } else { Primary::Next };
    if slot.answer.is_some() {
        return (go_on, true);
    }
    match (kind, session.mode) {
        (Kind::Flashcard, _) if !slot.revealed => (Primary::Reveal, true),
        (Kind::Flashcard, _) => (Primary::Wait, false),
        (_, Mode::Practice) => (Primary::Submit, session.draft_response(q).is_some()),
        // An exam never blocks on one question: an empty draft is simply left unanswered.
        (_, Mode::Exam) if last => (Primary::Finish, true),
        (_, Mode::Exam) => (Primary::SaveAndNext, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{test_question, Body, Choice};
    use crate::quiz::Grade;

    fn single() -> Question {
        let o = |k: &str, c| Choice {
            key: k.into(),
            text: Vec::new(),
            correct: c,
            why: None,
        };
        test_question(
            "q-0",
            Body::Single {
                options: vec![o("a", false), o("b", true)],
            },
        )
    }

    #[test]
    fn practice_submits_a_complete_draft_then_goes_on() {
        let q = single();
        let mut s = Session::new(vec!["q-0".into(), "q-1".into()], Mode::Practice, 0.0);
        assert_eq!(primary(&s, None), (Primary::Wait, false), "still loading");
        assert_eq!(
            primary(&s, Some(&q)),
            (Primary::Submit, false),
            "nothing picked"
        );
        s.toggle(&q, "a");
        assert_eq!(primary(&s, Some(&q)), (Primary::Submit, true));
        s.submit(&q, None, 1.0);
        assert_eq!(primary(&s, Some(&q)), (Primary::Next, true));
        s.next(2.0);
        let q1 = test_question("q-1", q.body.clone());
        s.toggle(&q1, "b");
        s.submit(&q1, None, 3.0);
        assert_eq!(primary(&s, Some(&q1)), (Primary::Finish, true));
        s.finish(|_| None, 4.0);
        assert_eq!(primary(&s, Some(&q1)), (Primary::Results, true));
    }

    #[test]
    fn exams_save_and_move_on_even_when_empty() {
        let q = single();
        let mut s = Session::new(vec!["q-0".into(), "q-1".into()], Mode::Exam, 0.0);
        assert_eq!(primary(&s, Some(&q)), (Primary::SaveAndNext, true));
        // Pressing it (the button and Enter submit the draft) moves on: B2.
        assert_eq!(s.submit(&q, None, 1.0), None, "nothing to record");
        assert_eq!(
            s.position, 1,
            "an empty draft is left unanswered, not stuck on"
        );
        assert!(s.current().seen);
        let one = Session::new(vec!["q-0".into()], Mode::Exam, 0.0);
        assert_eq!(primary(&one, Some(&q)), (Primary::Finish, true));
    }

    #[test]
    fn flashcards_reveal_then_wait_for_a_grade() {
        let card = test_question(
            "q-0",
            Body::Flashcard {
                answer: Vec::new(),
                checklist: vec![],
            },
        );
        let mut s = Session::new(vec!["q-0".into()], Mode::Practice, 0.0);
        assert_eq!(primary(&s, Some(&card)), (Primary::Reveal, true));
        s.reveal();
        assert_eq!(primary(&s, Some(&card)), (Primary::Wait, false));
        s.submit(&card, Some(Grade::Good), 1.0);
        assert_eq!(primary(&s, Some(&card)), (Primary::Finish, true));
    }
}
