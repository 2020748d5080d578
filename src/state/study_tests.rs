//! The daily loop's state: quizzes named by why they were started, a friend's scored quiz, an
//! exam that ran out while the learner was away, and toasts that replace each other.

use super::tests::{chunk, fresh, ids, quiz, run, start};
use super::*;
use crate::share::QuizLink;

fn link(ids: &[String], mode: Mode) -> SharedLink {
    SharedLink {
        quiz: QuizLink {
            ids: ids.to_vec(),
            mode,
        },
        cut_off: false,
    }
}

#[test]
fn a_study_session_keeps_its_purpose_in_its_saved_copy() {
    let ids = ids(3);
    let mut s = fresh();
    s.apply(Action::Start {
        ids: ids.clone(),
        mode: Mode::Practice,
        purpose: Purpose::Mistakes,
        now: 10.0,
    });
    let saved = s.saved_sessions();
    let session = saved[0].session.as_ref().unwrap();
    assert_eq!(session.purpose.as_deref(), Some("mistakes"));
    assert!(session.scheduled);
    assert_eq!(quiz_title(session), "Your 3 mistakes");
    // After a reload (a new state from what was saved) it is still named.
    let again = AppState::new(Records::default(), Settings::default(), saved, true, 20.0);
    assert_eq!(quiz_title(again.session().unwrap()), "Your 3 mistakes");
}

#[test]
fn a_friends_score_link_starts_its_quiz_with_their_score_to_compare() {
    let ids = ids(2);
    let score = ScoreLink {
        correct: 1,
        total: 2,
        ids: ids.clone(),
    };
    let mut s = fresh();
    assert!(s.apply(Action::TakeScored {
        score: score.clone(),
        now: 10.0
    }));
    run(
        &mut s,
        vec![
            quiz(QuizAction::Loaded(chunk(&ids))),
            quiz(QuizAction::Pick("yes".into())),
            quiz(QuizAction::Submit { now: 20.0 }),
            quiz(QuizAction::Next { now: 21.0 }),
            quiz(QuizAction::Pick("yes".into())),
            quiz(QuizAction::Submit { now: 22.0 }),
            quiz(QuizAction::Finish { now: 23.0 }),
        ],
    );
    let session = s.session().unwrap();
    let sum = session.summary();
    assert_eq!(
        friend_comparison(session, sum.correct, sum.total).as_deref(),
        Some("You 2 / 2 · your friend 1 / 2")
    );
    // Its link is now the learner's own: the intro card says they took it.
    assert_eq!(s.taken_before(&link(&ids, Mode::Practice)), Some((2, 2)));
    assert_eq!(s.taken_before(&link(&ids, Mode::Exam)), None);
}

#[test]
fn a_score_link_to_a_quiz_already_running_continues_it() {
    let ids = ids(2);
    let mut s = fresh();
    s.apply(start(ids.clone(), Mode::Practice, 10.0));
    let started = s.session().unwrap().started_ms;
    let score = ScoreLink {
        correct: 0,
        total: 2,
        ids,
    };
    assert!(!s.apply(Action::TakeScored { score, now: 20.0 }));
    assert_eq!(s.session().unwrap().started_ms, started, "no second copy");
}

#[test]
fn an_exam_whose_time_ran_out_while_away_is_handed_in_when_taken_up() {
    let ids = ids(2);
    let mut s = fresh();
    s.apply(Action::SetExamMinutes {
        minutes: Some(10),
        now: 1.0,
    });
    run(
        &mut s,
        vec![
            start(ids.clone(), Mode::Exam, 1000.0),
            quiz(QuizAction::Loaded(chunk(&ids))),
            quiz(QuizAction::Pick("yes".into())),
            quiz(QuizAction::Submit { now: 2000.0 }),
            // Another quiz takes its place; the exam waits in the saved list.
            start(super::tests::ids(3), Mode::Practice, 3000.0),
        ],
    );
    assert!(s.records.map.is_empty());
    let deadline = 1000.0 + 600_000.0;
    s.apply(Action::Resume {
        id: 1000.0,
        now: deadline + 3_600_000.0,
    });
    let exam = s.session().unwrap();
    assert!(exam.is_finished(), "handed in");
    assert_eq!(exam.finished_ms, Some(deadline), "at its deadline");
    assert!(exam.summary().timed_out);
    assert_eq!(s.records.map.len(), 2, "its answers are recorded");
    assert!(
        exam.slots[1].spent_ms <= 600_000.0,
        "no time counted past the deadline"
    );
}

#[test]
fn the_running_exam_whose_time_ran_out_is_handed_in_when_taken_up() {
    let ids = ids(2);
    let mut s = fresh();
    s.apply(Action::SetExamMinutes {
        minutes: Some(10),
        now: 1.0,
    });
    s.apply(start(ids.clone(), Mode::Exam, 1000.0));
    s.apply(quiz(QuizAction::Loaded(chunk(&ids))));
    assert!(!s.apply(Action::Resume {
        id: 1000.0,
        now: 2000.0
    }));
    assert!(!s.session().unwrap().is_finished(), "time is not up yet");
    assert!(s.apply(Action::Resume {
        id: 1000.0,
        now: 700_000.0
    }));
    assert_eq!(s.session().unwrap().finished_ms, Some(601_000.0));
}

#[test]
fn a_new_toast_replaces_the_undo_and_the_undo_goes_with_it() {
    let mut s = super::tests::answered_one(2, 100.0);
    s.apply(Action::Reset { now: 200.0 });
    let undo = s.notices.toast.clone().unwrap();
    assert_eq!(undo.action, Some(NoticeAction::UndoReset));
    assert!(s.notices.items.is_empty(), "not a notice above the page");
    s.apply(Action::Adopt {
        records: Records::default(),
        settings: None,
        now: 300.0,
    });
    assert_eq!(s.notices.toast.as_ref().unwrap().action, None);
    assert!(
        !s.apply(Action::UndoReset { now: 310.0 }),
        "a stale Undo does nothing"
    );
    // A second reset offers its own Undo, which works.
    s.apply(Action::Reset { now: 400.0 });
    s.apply(Action::Reset { now: 410.0 });
    assert!(s.apply(Action::UndoReset { now: 420.0 }));
}

#[test]
fn an_expired_undo_toast_takes_the_undo_with_it() {
    let mut s = super::tests::answered_one(2, 100.0);
    s.apply(Action::Reset { now: 200.0 });
    let id = s.notices.toast.as_ref().unwrap().id;
    assert!(s.apply(Action::Dismiss(id)));
    assert_eq!(s.notices.toast, None);
    assert!(!s.apply(Action::UndoReset { now: 210.0 }));
    assert!(s.records.map.is_empty());
}

#[test]
fn changing_the_desired_retention_says_when_it_applies() {
    let mut s = fresh();
    s.apply(Action::SetRetention {
        retention: 0.97,
        now: 5.0,
    });
    let toast = s.notices.toast.as_ref().unwrap();
    assert!(toast.text.starts_with("Desired retention is now 97%."));
    assert!(toast.text.contains("from your next answer"));
}

#[test]
fn a_shared_quiz_is_described_by_its_questions() {
    let first = |level: crate::bank::Difficulty| {
        crate::bank::QUESTIONS
            .iter()
            .find(|q| q.difficulty == level)
            .unwrap()
            .id
            .to_string()
    };
    use crate::bank::Difficulty::{Junior, Senior};
    let (what, level) = quiz_contents(&[first(Senior), "gone-1".into()]);
    assert!(what.starts_with("1 question on "), "{what}");
    assert_eq!(level, "Senior");
    let (what, level) = quiz_contents(&[first(Junior), first(Senior)]);
    assert!(what.starts_with("2 questions on "), "{what}");
    assert_eq!(level, "Junior and Senior");
}
