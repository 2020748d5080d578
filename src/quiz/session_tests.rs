use super::*;
use crate::bank::{test_question, Choice};

fn keyed(correct: &[bool]) -> Vec<Choice> {
    correct
        .iter()
        .enumerate()
        .map(|(i, &c)| Choice {
            key: format!("k{i}"),
            text: Vec::new(),
            correct: c,
            why: None,
        })
        .collect()
}

fn single(id: &str) -> Question {
    test_question(
        id,
        Body::Single {
            options: keyed(&[false, true]),
        },
    )
}

fn short(id: &str) -> Question {
    test_question(
        id,
        Body::Short {
            answers: vec!["nonlocal".into()],
            prose: false,
        },
    )
}

fn card(id: &str) -> Question {
    test_question(
        id,
        Body::Flashcard {
            answer: Vec::new(),
            checklist: vec![],
        },
    )
}

fn session(n: usize, mode: Mode) -> Session {
    Session::new((0..n).map(|i| format!("q-{i}")).collect(), mode, 1000.0)
}

fn bank<'a>(qs: &'a [Question]) -> impl Fn(&str) -> Option<&'a Question> + 'a {
    move |id| qs.iter().find(|q| q.id == id)
}

#[test]
fn practice_answer_then_next_then_finish() {
    let mut s = session(2, Mode::Practice);
    let q0 = single("q-0");
    assert_eq!(s.submit(&q0, None, 1100.0), None, "nothing picked yet");
    s.toggle(&q0, "k1");
    let out = s.submit(&q0, None, 1200.0).expect("recorded");
    assert_eq!(
        (out.grade, out.correct, out.skipped),
        (Grade::Good, true, false)
    );
    assert_eq!(s.position, 0, "practice stays to show feedback");
    assert_eq!(
        s.submit(&q0, None, 1300.0),
        None,
        "an answer is recorded once"
    );
    s.toggle(&q0, "k0");
    assert_eq!(s.current().picked, ["k1"], "an answered question is locked");
    s.next(1400.0);
    let q1 = single("q-1");
    s.toggle(&q1, "k0");
    assert_eq!(
        s.submit(&q1, None, 1500.0).map(|o| o.grade),
        Some(Grade::Again)
    );
    assert!(
        s.finish(bank(&[]), 5000.0).is_empty(),
        "nothing left to record"
    );
    let sum = s.summary();
    assert_eq!((sum.correct, sum.answered, sum.total), (1, 2, 2));
    assert_eq!(sum.duration_ms, 4000.0);
    assert_eq!(sum.percent(), 50);
    assert_eq!(sum.not_right(), ["q-1"]);
    assert_eq!(
        s.submit(&q1, None, 6000.0),
        None,
        "a finished quiz takes no answers"
    );
}

#[test]
fn a_hint_makes_a_right_answer_hard() {
    let mut s = session(1, Mode::Practice);
    let q = single("q-0");
    s.show_hint();
    s.toggle(&q, "k1");
    assert_eq!(s.submit(&q, None, 1.0).map(|o| o.grade), Some(Grade::Hard));
}

#[test]
fn unknown_keys_are_ignored() {
    let mut s = session(1, Mode::Practice);
    let q = single("q-0");
    s.toggle(&q, "nope");
    assert!(s.current().picked.is_empty());
}

#[test]
fn skipped_questions_count_only_once_seen() {
    let mut s = session(3, Mode::Practice);
    s.next(2000.0); // q-0 seen and skipped, q-1 seen
    let out = s.finish(bank(&[]), 3000.0);
    let skipped: Vec<(&str, Grade)> = out.iter().map(|o| (o.id.as_str(), o.grade)).collect();
    assert_eq!(
        skipped,
        [("q-0", Grade::Again), ("q-1", Grade::Again)],
        "q-2 was never shown"
    );
    assert!(out.iter().all(|o| o.skipped && !o.correct));
    assert_eq!(s.summary().not_right().len(), 3);
}

#[test]
fn exam_drafts_are_graded_at_the_end_and_can_change_until_then() {
    let qs = [single("q-0"), short("q-1"), single("q-2")];
    let mut s = session(3, Mode::Exam);
    s.show_hint();
    assert!(!s.current().hint_shown, "no hints in an exam");
    s.toggle(&qs[0], "k0");
    assert_eq!(
        s.submit(&qs[0], None, 1100.0),
        None,
        "nothing is recorded before the end"
    );
    assert_eq!(s.position, 1, "an exam moves on");
    s.type_text("nonlocal".into());
    s.go_to(0, 1200.0);
    s.toggle(&qs[0], "k1");
    assert_eq!(
        s.current().picked,
        ["k1"],
        "a draft can change until the end"
    );
    assert_eq!(s.done_count(|id| bank(&qs)(id).map(|q| q.body.kind())), 2);
    let out = s.finish(bank(&qs), 1300.0);
    let got: Vec<(&str, bool, bool)> = out
        .iter()
        .map(|o| (o.id.as_str(), o.correct, o.skipped))
        .collect();
    assert_eq!(
        got,
        [("q-0", true, false), ("q-1", true, false)],
        "q-2 was never shown"
    );
    assert_eq!(s.summary().correct, 2);
    s.go_to(2, 1400.0);
    s.toggle(&qs[2], "k1");
    assert!(s.current().picked.is_empty(), "a finished exam is closed");
}

#[test]
fn exam_flashcard_grades_are_final_at_once() {
    let q = card("q-0");
    let mut s = session(2, Mode::Exam);
    s.reveal();
    let out = s.submit(&q, Some(Grade::Hard), 5.0).expect("recorded now");
    assert_eq!(out.grade, Grade::Hard);
    assert_eq!(s.position, 1);
    assert!(s
        .finish(bank(std::slice::from_ref(&q)), 6.0)
        .iter()
        .all(|o| o.id != "q-0"));
}

#[test]
fn time_is_counted_per_question_and_flags_stay() {
    let mut s = session(3, Mode::Exam);
    s.toggle_flag();
    s.next(4000.0);
    s.next(4500.0);
    s.go_to(0, 10_000.0);
    s.finish(bank(&[]), 11_000.0);
    let spent: Vec<f64> = s.slots.iter().map(|x| x.spent_ms).collect();
    assert_eq!(spent, [4000.0, 500.0, 5500.0]);
    assert!(s.slots[0].flagged && !s.slots[1].flagged);
}

#[test]
fn a_timed_exam_finishes_at_its_deadline() {
    let qs = [single("q-0"), single("q-1")];
    let mut s = session(2, Mode::Exam);
    s.time_limit_ms = Some(60_000.0);
    assert_eq!(s.remaining_ms(31_000.0), Some(30_000.0));
    s.toggle(&qs[0], "k1");
    assert!(s.tick(bank(&qs), 60_999.0).is_empty(), "not yet");
    let out = s.tick(bank(&qs), 90_000.0);
    assert_eq!(
        s.finished_ms,
        Some(61_000.0),
        "finished at the deadline, not when noticed"
    );
    assert_eq!(
        out.len(),
        1,
        "the draft is graded, the unseen question is not skipped"
    );
    assert!(out[0].correct);
    assert!(s.summary().timed_out, "the results say why the exam ended");
    assert_eq!(s.remaining_ms(100_000.0), Some(0.0));
    assert!(s.tick(bank(&qs), 100_000.0).is_empty(), "only once");
}

#[test]
fn short_answer_uses_the_typed_text() {
    let mut s = session(1, Mode::Practice);
    let q = short("q-0");
    s.type_text("  ".into());
    assert_eq!(s.submit(&q, None, 0.0), None, "blank is not an answer");
    s.type_text(" nonlocal ".into());
    assert_eq!(s.submit(&q, None, 0.0).map(|o| o.correct), Some(true));
}

#[test]
fn flashcard_needs_reveal_then_a_grade() {
    let mut s = session(1, Mode::Practice);
    let q = card("q-0");
    assert_eq!(
        s.submit(&q, Some(Grade::Good), 0.0),
        None,
        "grade before reveal"
    );
    s.reveal();
    assert_eq!(s.submit(&q, None, 0.0), None, "no grade given");
    assert_eq!(
        s.submit(&q, Some(Grade::Again), 0.0).map(|o| o.correct),
        Some(false)
    );
    assert_eq!(
        s.current().answer.as_ref().map(|a| &a.response),
        Some(&Response::SelfGrade(Grade::Again))
    );
}

#[test]
fn navigation_stays_in_bounds() {
    let mut s = session(3, Mode::Practice);
    s.previous(0.0);
    assert_eq!(s.position, 0);
    s.next(0.0);
    s.next(0.0);
    s.next(0.0);
    assert_eq!(s.position, 2, "next stops at the last question");
    s.go_to(7, 0.0);
    assert_eq!(s.position, 2);
}

#[test]
fn retain_known_keeps_the_current_question() {
    let mut s = session(4, Mode::Practice);
    s.next(0.0);
    s.next(0.0);
    s.retain_known(|id| id != "q-1");
    assert_eq!(s.ids, ["q-0", "q-2", "q-3"]);
    assert_eq!(s.slots.len(), 3);
    assert_eq!(s.current_id(), "q-2");
}

#[test]
fn consistency_check_catches_tampered_data() {
    let mut s = session(2, Mode::Practice);
    assert!(s.is_consistent());
    s.position = 5;
    assert!(!s.is_consistent());
    let mut s = session(2, Mode::Practice);
    s.slots.pop();
    assert!(!s.is_consistent());
}

#[test]
fn an_exam_finished_in_time_did_not_time_out() {
    let qs = [single("q-0")];
    let mut s = session(1, Mode::Exam);
    s.time_limit_ms = Some(60_000.0);
    s.finish(bank(&qs), 30_000.0);
    assert!(!s.summary().timed_out);
    let mut untimed = session(1, Mode::Exam);
    untimed.finish(bank(&qs), 30_000.0);
    assert!(!untimed.summary().timed_out);
}

#[test]
fn an_empty_exam_draft_saves_and_moves_on() {
    let q = single("q-0");
    let mut s = session(3, Mode::Exam);
    assert_eq!(s.submit(&q, None, 1100.0), None, "nothing to record");
    assert_eq!(s.position, 1, "Save and next moved on");
    assert!(s.slots[1].seen);
    let mut practice = session(2, Mode::Practice);
    practice.submit(&q, None, 1100.0);
    assert_eq!(practice.position, 0, "practice waits for an answer");
}

#[test]
fn an_exam_does_not_end_while_a_draft_waits_for_its_question() {
    let qs = [single("q-0"), short("q-1")];
    let mut s = session(3, Mode::Exam);
    s.time_limit_ms = Some(60_000.0);
    s.toggle(&qs[0], "k1");
    s.next(2000.0);
    s.type_text("nonlocal".into());
    // q-1's chunk has not arrived (or failed): its draft must not become a skip.
    let only_q0 = bank(&qs[..1]);
    assert_eq!(s.drafts_waiting(&only_q0), 1);
    assert!(s.tick(&only_q0, 90_000.0).is_empty());
    assert!(s.finish(&only_q0, 90_000.0).is_empty());
    assert!(!s.is_finished(), "it waits");
    let out = s.tick(bank(&qs), 95_000.0);
    assert_eq!(
        s.finished_ms,
        Some(61_000.0),
        "ended at its deadline once it could be graded"
    );
    let got: Vec<(&str, bool, bool)> = out
        .iter()
        .map(|o| (o.id.as_str(), o.correct, o.skipped))
        .collect();
    assert_eq!(got, [("q-0", true, false), ("q-1", true, false)]);
    let mut practice = session(1, Mode::Practice);
    practice.toggle(&qs[0], "k1");
    practice.finish(bank(&[]), 1.0);
    assert!(
        practice.is_finished(),
        "practice grades no drafts, so nothing waits"
    );
}

#[test]
fn an_exam_scores_only_what_it_checked_and_says_so() {
    let qs = [single("q-0"), card("q-1"), card("q-2")];
    let mut s = session(3, Mode::Exam);
    s.toggle(&qs[0], "k1");
    s.submit(&qs[0], None, 1100.0);
    s.reveal();
    let good = s
        .submit(&qs[1], Some(Grade::Good), 1200.0)
        .expect("recorded");
    assert_eq!(
        (good.grade, good.correct),
        (Grade::Good, true),
        "the learner's own grade schedules the card's review"
    );
    s.reveal();
    s.submit(&qs[2], Some(Grade::Again), 1300.0);
    s.finish(bank(&qs), 1400.0);
    let sum = s.summary();
    assert_eq!((sum.correct, sum.total, sum.answered), (1, 3, 3));
    assert_eq!(sum.self_graded, 2);
    assert_eq!(sum.percent(), 33);
    assert_eq!(
        sum.not_right(),
        ["q-2"],
        "a card graded Good is not one to retry"
    );
    assert_eq!(
        sum.self_graded_note().as_deref(),
        Some(
            "2 self-graded flashcards are not counted as right: an exam's score counts only \
             answers pyquiz can check. Your grades still schedule their reviews."
        )
    );
}

#[test]
fn practice_counts_a_flashcard_as_graded_and_needs_no_note() {
    let qs = [card("q-0")];
    let mut s = session(1, Mode::Practice);
    s.reveal();
    s.submit(&qs[0], Some(Grade::Easy), 1100.0);
    s.finish(bank(&qs), 1200.0);
    let sum = s.summary();
    assert_eq!((sum.correct, sum.self_graded), (1, 0));
    assert_eq!(sum.self_graded_note(), None);
    let mut exam = session(1, Mode::Exam);
    exam.reveal();
    exam.submit(&qs[0], Some(Grade::Easy), 1100.0);
    exam.finish(bank(&qs), 1200.0);
    assert_eq!(
        exam.summary().self_graded_note().as_deref(),
        Some(
            "1 self-graded flashcard is not counted as right: an exam's score counts only \
             answers pyquiz can check. Your grade still schedules its review."
        )
    );
    assert_eq!(exam.summary().correct, 0);
}
