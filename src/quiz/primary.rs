//! Which main button the quiz shows (Submit, Next, Finish…) and whether it can be pressed, and
//! which questions count as answered: pure rules shared by the buttons, the Enter key, the
//! exam grid, the "Finish anyway?" question and the tests.

use super::{Mode, Session, Slot};
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

/// Whether a question counts as answered on the quiz's screens: it has an answer, or (exam) a
/// draft that finishing will grade. That includes a draft whose question is still downloading
/// (after a reload): finishing waits for it (`Runner::finishing`), so it is no skip.
pub fn counts_as_answered<'q>(
    session: &Session,
    id: &str,
    slot: &Slot,
    question: impl Fn(&str) -> Option<&'q Question>,
) -> bool {
    match question(id) {
        Some(q) => session.is_done(slot, Some(q.body.kind())),
        None => {
            slot.answer.is_some()
                || session.mode == Mode::Exam
                    && (!slot.picked.is_empty() || !slot.text.trim().is_empty())
        }
    }
}

/// The questions that finishing now would count as skipped: what "Finish anyway?" warns of.
pub fn unanswered<'q>(session: &Session, question: impl Fn(&str) -> Option<&'q Question>) -> usize {
    session
        .ids
        .iter()
        .zip(&session.slots)
        .filter(|(id, slot)| !counts_as_answered(session, id, slot, &question))
        .count()
}

/// The one sentence "Finish the quiz?" asks with: how many questions are unanswered and what
/// finishing now does with them, so nobody ends a quiz without knowing.
pub fn finish_warning(unanswered: usize, mode: Mode) -> String {
    let (count, them) = match unanswered {
        1 => ("1 question is".to_string(), "it"),
        n => (format!("{n} questions are"), "them"),
    };
    let ends = match mode {
        Mode::Practice => "ends the quiz",
        Mode::Exam => "hands in the exam",
    };
    format!("{count} unanswered: finishing now {ends}, counts {them} as skipped and shows your results.")
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
    fn a_draft_waiting_for_its_question_is_not_counted_as_unanswered() {
        let q0 = single();
        let q1 = test_question("q-1", q0.body.clone());
        let ids = vec!["q-0".into(), "q-1".into(), "q-2".into()];
        let mut s = Session::new(ids, Mode::Exam, 0.0);
        s.toggle(&q0, "b");
        s.next(1.0);
        s.toggle(&q1, "a");
        // Reopened after a reload: q-1's topic has not downloaded yet, q-2 was never touched.
        let loaded = |id: &str| (id == "q-0").then_some(&q0);
        assert_eq!(s.drafts_waiting(loaded), 1, "the finish would wait for q-1");
        assert_eq!(unanswered(&s, loaded), 1, "only q-2 would be skipped");
        assert!(counts_as_answered(&s, "q-1", &s.slots[1], loaded));
        assert!(!counts_as_answered(&s, "q-2", &s.slots[2], loaded));
        // Once everything is there the count is the same: the draft is graded at the finish.
        let all = |id: &str| match id {
            "q-0" => Some(&q0),
            "q-1" => Some(&q1),
            _ => None,
        };
        assert_eq!(unanswered(&s, all), 1);
        let outcomes = s.finish(all, 2.0);
        assert_eq!(
            outcomes.iter().filter(|o| o.skipped).count(),
            0,
            "q-2 was never seen"
        );
        assert_eq!(
            s.summary().answered,
            2,
            "both drafts were graded, as promised"
        );
    }

    #[test]
    fn a_practice_draft_is_not_an_answer_even_while_its_question_loads() {
        let q0 = single();
        let mut s = Session::new(vec!["q-0".into(), "q-1".into()], Mode::Practice, 0.0);
        s.toggle(&q0, "a");
        // Practice grades only what was submitted: finishing skips the draft.
        assert_eq!(unanswered(&s, |id: &str| (id == "q-0").then_some(&q0)), 2);
        assert_eq!(unanswered(&s, |_: &str| None), 2);
        s.submit(&q0, None, 1.0);
        assert_eq!(
            unanswered(&s, |_: &str| None),
            1,
            "an answer counts, loaded or not"
        );
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

    #[test]
    fn the_finish_warning_says_what_finishing_does_in_one_sentence() {
        assert_eq!(
            finish_warning(1, Mode::Practice),
            "1 question is unanswered: finishing now ends the quiz, counts it as skipped and \
             shows your results."
        );
        assert_eq!(
            finish_warning(3, Mode::Exam),
            "3 questions are unanswered: finishing now hands in the exam, counts them as skipped \
             and shows your results."
        );
        for (n, mode) in [(1, Mode::Exam), (2, Mode::Practice), (50, Mode::Exam)] {
            let w = finish_warning(n, mode);
            assert!(w.starts_with(&format!("{n} question")), "{w}");
            assert_eq!(w.matches('.').count(), 1, "one sentence: {w}");
        }
    }
}
