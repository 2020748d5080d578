use super::*;
use crate::progress::card::DEFAULT_RETENTION;

fn answer(id: &str, grade: Grade) -> Outcome {
    Outcome {
        id: id.into(),
        grade,
        correct: grade.is_correct(),
        skipped: false,
    }
}

fn with(answers: &[(&str, Grade, f64)]) -> Records {
    Records::answered(answers)
}

/// A log as (time, grade) pairs.
fn pairs(r: &Record) -> Vec<(f64, Grade)> {
    r.log.iter().map(|e| (e.at_ms, e.grade)).collect()
}

#[test]
fn recording_counts_and_schedules() {
    let r = with(&[("a", Grade::Again, 10.0), ("a", Grade::Good, 20.0)]);
    let a = &r.map["a"];
    assert_eq!(
        (a.attempts, a.correct, a.last_ms, a.last_grade),
        (2, 1, 20.0, Grade::Good)
    );
    assert_eq!(pairs(a), [(10.0, Grade::Again), (20.0, Grade::Good)]);
    assert_eq!(a.card.reps, 2);
}

#[test]
fn cramming_counts_but_leaves_the_schedule() {
    let mut r = with(&[("a", Grade::Good, 10.0)]);
    let card = r.map["a"].card;
    r.record(&answer("a", Grade::Again), 20.0, DEFAULT_RETENTION, false);
    assert_eq!(r.map["a"].card, card);
    assert_eq!(r.map["a"].attempts, 2);
    assert!(r.map["a"].missed_last());
}

#[test]
fn the_log_keeps_the_most_recent_answers() {
    let mut r = Records::default();
    for t in 0..100 {
        r.record(
            &answer("a", Grade::Good),
            f64::from(t),
            DEFAULT_RETENTION,
            false,
        );
    }
    let log = &r.map["a"].log;
    assert_eq!(log.len(), LOG_KEEP);
    assert_eq!(log.last().map(|e| e.at_ms), Some(99.0));
}

#[test]
fn merging_keeps_the_newest_record_of_each_question() {
    let mut ours = with(&[("both", Grade::Good, 10.0), ("ours", Grade::Good, 10.0)]);
    let theirs = with(&[("both", Grade::Again, 20.0), ("theirs", Grade::Good, 5.0)]);
    assert!(ours.merge(&theirs));
    assert_eq!(
        ours.map["both"].last_grade,
        Grade::Again,
        "their answer is newer"
    );
    assert_eq!(
        ours.map["both"].log.len(),
        2,
        "both answers stay in the log"
    );
    assert!(ours.map.contains_key("ours") && ours.map.contains_key("theirs"));
    let stale = with(&[("both", Grade::Good, 1.0)]);
    let before = ours.clone();
    assert!(ours.merge(&stale), "an older answer still joins the log");
    assert_eq!(ours.map["both"].last_grade, before.map["both"].last_grade);
    assert_eq!(ours.map["both"].log.len(), 3);
    assert!(
        !ours.clone().merge(&ours),
        "merging the same records changes nothing"
    );
}

#[test]
fn a_reset_is_honoured_by_a_tab_that_still_holds_old_records() {
    // Tab A answered three questions; tab B saw them and resets.
    let a = with(&[
        ("q1", Grade::Good, 10.0),
        ("q2", Grade::Good, 11.0),
        ("q3", Grade::Good, 12.0),
    ]);
    let mut b = a.clone();
    b.reset(50.0);
    // A answers one more, without having heard of the reset yet…
    let mut a = a;
    a.record(&answer("q4", Grade::Good), 60.0, DEFAULT_RETENTION, true);
    // …then the two meet in storage, in either order.
    let mut one = a.clone();
    one.merge(&b);
    let mut other = b.clone();
    other.merge(&a);
    for merged in [one, other] {
        assert_eq!(
            merged.map.keys().collect::<Vec<_>>(),
            ["q4"],
            "only the answer after the reset"
        );
    }
}

#[test]
fn restoring_a_backup_undoes_the_reset_everywhere() {
    let old = with(&[("q1", Grade::Good, 10.0), ("q2", Grade::Again, 12.0)]);
    let mut now = old.clone();
    now.reset(50.0);
    now.record(&answer("q2", Grade::Good), 60.0, DEFAULT_RETENTION, true);
    let mut other_tab = now.clone();
    assert_eq!(
        now.adopt(&old, 70.0),
        1,
        "q1 comes back; q2's newer answer stays"
    );
    assert_eq!(now.map.keys().collect::<Vec<_>>(), ["q1", "q2"]);
    assert_eq!(now.map["q2"].last_grade, Grade::Good);
    assert_eq!(now.map["q2"].log.len(), 2, "the old answer joins the log");
    // A tab that only knew the reset takes the restore in.
    assert!(other_tab.merge(&now));
    assert_eq!(other_tab.map.keys().collect::<Vec<_>>(), ["q1", "q2"]);
}

#[test]
fn replacing_drops_everything_else_in_every_tab() {
    let imported = with(&[("i1", Grade::Good, 5.0)]);
    let mut a = with(&[("q1", Grade::Good, 10.0)]);
    let mut b = a.clone();
    a.replace(&imported, 100.0);
    assert_eq!(a.map.keys().collect::<Vec<_>>(), ["i1"]);
    assert_eq!(a.map["i1"].last_ms, 5.0, "when it was answered stays true");
    assert!(b.merge(&a));
    assert_eq!(b.map.keys().collect::<Vec<_>>(), ["i1"]);
}

#[test]
fn a_skip_is_logged_and_missed_but_never_reaches_the_scheduler() {
    let mut r = with(&[("a", Grade::Good, 10.0)]);
    let card = r.map["a"].card;
    let skip = Outcome {
        id: "a".into(),
        grade: Grade::Again,
        correct: false,
        skipped: true,
    };
    r.record(&skip, 20.0, DEFAULT_RETENTION, true);
    r.record(
        &Outcome {
            id: "new".into(),
            ..skip
        },
        30.0,
        DEFAULT_RETENTION,
        true,
    );
    let a = &r.map["a"];
    assert_eq!(a.card, card, "no lapse for a question not attempted");
    assert_eq!((a.attempts, a.correct), (2, 1));
    assert!(a.missed_last(), "listed among the mistakes");
    assert_eq!(pairs(a).last(), Some(&(20.0, Grade::Again)));
    assert!(
        r.map["new"].card.is_new(),
        "a skipped new question stays new"
    );
}

#[test]
fn a_tab_that_missed_a_reset_does_not_bring_back_what_it_erased() {
    // Both tabs know q1's two answers; B resets; A, not having heard, answers q1 again.
    let before = with(&[("q1", Grade::Good, 10.0), ("q1", Grade::Again, 20.0)]);
    let mut b = before.clone();
    b.reset(50.0);
    let mut a = before;
    a.answer("q1", Grade::Good, 60.0);
    let mut stored = b.clone();
    stored.merge(&a);
    let mut heard = a.clone();
    heard.merge(&b);
    for merged in [stored, heard] {
        let q1 = &merged.map["q1"];
        assert_eq!(
            pairs(q1),
            [(60.0, Grade::Good)],
            "only the answer after the reset"
        );
        assert_eq!((q1.attempts, q1.correct), (1, 1));
        assert_eq!(q1.card.reps, 1, "the schedule holds only that answer");
    }
}

#[test]
fn undone_history_survives_a_tab_that_missed_the_reset() {
    let before = with(&[("q1", Grade::Good, 10.0)]);
    let mut a = before.clone();
    a.answer("q1", Grade::Again, 15.0); // never saved before B's reset
    let mut b = before.clone();
    b.reset(50.0);
    b.adopt(&before, 70.0); // Undo
    a.answer("q1", Grade::Good, 80.0);
    let mut merged = b.clone();
    merged.merge(&a);
    let times: Vec<f64> = merged.map["q1"].log.iter().map(|e| e.at_ms).collect();
    assert_eq!(
        times,
        [10.0, 80.0],
        "the undone answer comes back; the one erased and never undone does not"
    );
    assert_eq!(merged.map["q1"].attempts, 2);
}

#[test]
fn two_tabs_answering_the_same_question_both_count() {
    let start = with(&[("q1", Grade::Good, 10.0)]);
    let mut a = start.clone();
    a.answer("q1", Grade::Again, 20.0);
    let mut b = start;
    b.answer("q1", Grade::Good, 30.0);
    let mut ab = a.clone();
    ab.merge(&b);
    let mut ba = b.clone();
    ba.merge(&a);
    assert_eq!(ab, ba, "the same whichever tab merges");
    let q1 = &ab.map["q1"];
    assert_eq!((q1.attempts, q1.correct), (3, 2));
    assert_eq!(q1.log.len(), 3);
    assert_eq!((q1.last_ms, q1.last_grade), (30.0, Grade::Good));
    assert!(!ab.clone().merge(&ba), "merging again changes nothing");
}

#[test]
fn imported_times_from_the_future_are_brought_back_to_now() {
    let mut future = with(&[("q1", Grade::Good, 5_000.0)]);
    future.map.get_mut("q1").unwrap().card.due_ms = 9_000.0;
    let mut r = with(&[("q1", Grade::Again, 500.0)]);
    r.adopt(&future, 1_000.0);
    let q1 = &r.map["q1"];
    assert_eq!(q1.last_ms, 1_000.0);
    assert!(q1.log.iter().all(|e| e.at_ms <= 1_000.0), "{:?}", q1.log);
    assert_eq!(q1.card.last_review_ms, 1_000.0);
    assert_eq!(q1.card.due_ms, 5_000.0, "the interval is kept, from now");
    // A later answer here is newer than the import, as it should be.
    r.answer("q1", Grade::Again, 2_000.0);
    assert_eq!(r.map["q1"].last_grade, Grade::Again);
    let mut replaced = Records::default();
    replaced.replace(&future, 1_000.0);
    assert_eq!(replaced.map["q1"].last_ms, 1_000.0);
}

/// Found by the storage model test: an undo in a tab that had not heard of another tab's
/// reset brought back that tab's own answer the reset had erased.
#[test]
fn an_undo_brings_back_only_what_it_kept_not_what_a_later_reset_erased() {
    let mut a = with(&[("q1", Grade::Good, 2.0)]);
    let kept = a.clone();
    a.reset(3.0);
    a.answer("q1", Grade::Again, 5.0); // after A's reset
    let mut b = Records::default();
    b.replace(&Records::default(), 6.0); // B erases everything, A has not heard yet
    a.adopt(&kept, 7.0); // A undoes its own reset
    let mut stored = b.clone();
    stored.merge(&a);
    let mut heard = a.clone();
    heard.merge(&b);
    for r in [stored, heard] {
        assert_eq!(
            pairs(&r.map["q1"]),
            [(2.0, Grade::Good)],
            "the undone answer only"
        );
        assert_eq!(r.map["q1"].attempts, 1);
    }
}
