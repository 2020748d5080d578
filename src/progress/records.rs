//! The learner's history, one record per question, and the rules that keep it whole when
//! several tabs write it: per question the newest record wins and the answers either side has
//! that the other lacks are counted once; a reset leaves a tombstone that every tab honours,
//! down to the answers a tab that had not heard of it still carries.

use super::card::{Card, DEFAULT_RETENTION};
use crate::quiz::{Grade, Outcome};
use std::collections::BTreeMap;

/// Answers kept per question for the charts: a few weeks of daily practice.
pub const LOG_KEEP: usize = 32;

/// One answer in a record's log.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Logged {
    pub at_ms: f64,
    pub grade: Grade,
    /// When an undo, an import or a restore brought this answer back (0 if never): it then
    /// outlives a reset decided before that, while the answers around it need not.
    pub restored_ms: f64,
}

impl Logged {
    pub fn new(at_ms: f64, grade: Grade) -> Logged {
        Logged {
            at_ms,
            grade,
            restored_ms: 0.0,
        }
    }

    /// Still there after a reset of everything up to `cut`.
    fn outlives(&self, cut: f64) -> bool {
        self.at_ms > cut || self.restored_ms > cut
    }
}

/// One question's history.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub card: Card,
    pub attempts: u32,
    pub correct: u32,
    /// When it was last answered.
    pub last_ms: f64,
    pub last_grade: Grade,
    /// Recent answers, oldest first.
    pub log: Vec<Logged>,
    /// When this browser last changed the record: by an answer, or by an import or restore
    /// that brought it in. Merging between tabs keeps the most recently changed record.
    pub changed_ms: f64,
}

impl Record {
    /// The last answer was wrong (or the question was skipped).
    pub fn missed_last(&self) -> bool {
        !self.last_grade.is_correct()
    }

    /// Forgets the answers at or before `cut` that were not brought back after it: a reset
    /// that this record's tab had not heard of when it answered again, restored or imported
    /// into. The counts and the schedule are rebuilt from the answers that remain. False if
    /// none remain.
    fn forget_before(&mut self, cut: f64) -> bool {
        if self.log.iter().all(|e| e.outlives(cut)) {
            return true;
        }
        self.log.retain(|e| e.outlives(cut));
        let Some(last) = self.log.last().copied() else {
            return false;
        };
        self.attempts = self.log.len() as u32;
        self.correct = self.log.iter().filter(|e| e.grade.is_correct()).count() as u32;
        // Replayed at the default retention: which retention (or cram) each answer had is not
        // kept, and this only happens after a reset a tab missed.
        self.card = self.log.iter().fold(Card::default(), |card, e| {
            card.review(e.grade, e.at_ms, DEFAULT_RETENTION)
        });
        self.last_ms = last.at_ms;
        self.last_grade = last.grade;
        true
    }

    /// Takes in another copy of this question's record: `theirs_win` says whose fields win
    /// (the more recently changed or answered). Answers either side has that the other lacks
    /// are counted once, so two tabs answering the same question both count.
    fn combine(&mut self, theirs: &Record, theirs_win: bool) {
        let (winner, loser) = if theirs_win {
            (theirs, &*self)
        } else {
            (&*self, theirs)
        };
        // A winner whose log holds all its answers lacks exactly the loser's other answers;
        // one with older answers than its log shows may hold the loser's older ones already.
        let complete = winner.attempts as usize == winner.log.len();
        let since = match winner.log.first() {
            Some(e) if !complete => e.at_ms,
            _ => f64::NEG_INFINITY,
        };
        let extra: Vec<Grade> = loser
            .log
            .iter()
            .filter(|e| e.at_ms > since && !winner.log.iter().any(|w| w.at_ms == e.at_ms))
            .map(|e| e.grade)
            .collect();
        let attempts = winner.attempts.saturating_add(extra.len() as u32);
        let correct = winner
            .correct
            .saturating_add(extra.iter().filter(|g| g.is_correct()).count() as u32);
        let log = merged_log(&self.log, &theirs.log);
        if theirs_win {
            *self = theirs.clone();
        }
        self.attempts = attempts;
        self.correct = correct.min(attempts);
        if let Some(last) = log.last() {
            if last.at_ms > self.last_ms {
                self.last_ms = last.at_ms;
                self.last_grade = last.grade;
            }
        }
        self.log = log;
    }

    /// A record brought back at `now_ms` (imported or restored): each answer marked as brought
    /// back, and no time later than now: a file from a wrong clock (or crafted) would
    /// otherwise win every later merge and push reviews years ahead.
    fn brought_back(&self, now_ms: f64) -> Record {
        let mut r = self.clone();
        r.last_ms = r.last_ms.min(now_ms);
        for e in &mut r.log {
            e.at_ms = e.at_ms.min(now_ms);
            e.restored_ms = now_ms;
        }
        let ahead = r.card.last_review_ms - now_ms;
        if ahead > 0.0 {
            r.card.last_review_ms -= ahead;
            r.card.due_ms -= ahead;
        }
        r
    }
}

/// "Records changed at or before `before_ms` are gone", decided at `set_ms`: a reset. The newest
/// decision wins, and anything changed after it (a new answer, a restore) survives it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tombstone {
    pub before_ms: f64,
    pub set_ms: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    pub reset: Tombstone,
    pub map: BTreeMap<String, Record>,
}

impl Records {
    /// Records one answer at `now_ms`. `scheduled` is false when cramming: the answer counts in
    /// the history but leaves the schedule alone. A skip is logged and counts as a miss, but it
    /// was no attempt to recall, so it never reaches the scheduler.
    pub fn record(&mut self, outcome: &Outcome, now_ms: f64, retention: f64, scheduled: bool) {
        let rec = self
            .map
            .entry(outcome.id.clone())
            .or_insert_with(|| Record {
                card: Card::default(),
                attempts: 0,
                correct: 0,
                last_ms: now_ms,
                last_grade: outcome.grade,
                log: Vec::new(),
                changed_ms: now_ms,
            });
        if scheduled && !outcome.skipped {
            rec.card = rec.card.review(outcome.grade, now_ms, retention);
        }
        rec.attempts = rec.attempts.saturating_add(1);
        rec.correct = rec.correct.saturating_add(u32::from(outcome.correct));
        rec.last_ms = now_ms;
        rec.changed_ms = now_ms;
        rec.last_grade = outcome.grade;
        rec.log.push(Logged::new(now_ms, outcome.grade));
        if rec.log.len() > LOG_KEEP {
            rec.log.remove(0);
        }
    }

    /// Takes in another tab's records: the newer reset applies to both sides, then per question
    /// the most recently changed record wins and no answer is lost from the log or the counts.
    /// Returns whether anything changed, so a tab can tell a real change from an echo and
    /// never saves just because it merged.
    pub fn merge(&mut self, other: &Records) -> bool {
        let before = self.clone();
        if other.reset.set_ms > self.reset.set_ms {
            self.reset = other.reset;
        }
        self.honour_reset();
        let cut = self.reset.before_ms;
        for (id, theirs) in &other.map {
            if theirs.changed_ms <= cut {
                continue;
            }
            let mut theirs = theirs.clone();
            if !theirs.forget_before(cut) {
                continue;
            }
            match self.map.get_mut(id) {
                Some(ours) => {
                    let newer = theirs.changed_ms > ours.changed_ms;
                    ours.combine(&theirs, newer);
                }
                None => {
                    self.map.insert(id.clone(), theirs);
                }
            }
        }
        *self != before
    }

    fn honour_reset(&mut self) {
        let cut = self.reset.before_ms;
        self.map
            .retain(|_, r| r.changed_ms > cut && r.forget_before(cut));
    }

    /// Forgets every record, leaving a tombstone so other tabs forget them too.
    pub fn reset(&mut self, now_ms: f64) {
        self.reset = Tombstone {
            before_ms: now_ms,
            set_ms: now_ms,
        };
        self.map.clear();
    }

    /// Brings in records from a backup, an import file or an undo: per question the more
    /// recently answered record wins and both sides' answers are kept, and what comes in counts
    /// as changed (and brought back) now, so every tab takes it in, even after a reset. Returns
    /// how many questions it brought or updated.
    pub fn adopt(&mut self, incoming: &Records, now_ms: f64) -> usize {
        let mut n = 0;
        for (id, theirs) in &incoming.map {
            let theirs = theirs.brought_back(now_ms);
            let taken = match self.map.get_mut(id) {
                Some(ours) => {
                    let before = ours.clone();
                    let newer = theirs.last_ms > ours.last_ms;
                    ours.combine(&theirs, newer);
                    if *ours != before {
                        ours.changed_ms = now_ms;
                    }
                    newer
                }
                None => {
                    let mut r = theirs;
                    r.changed_ms = now_ms;
                    self.map.insert(id.clone(), r);
                    true
                }
            };
            n += usize::from(taken);
        }
        self.honour_reset();
        n
    }

    /// Replaces every record with `incoming` (an import the learner confirmed), in every tab.
    pub fn replace(&mut self, incoming: &Records, now_ms: f64) {
        self.reset(now_ms);
        // Changed just after the reset decision, so the tombstone spares them.
        let after = now_ms + 1.0;
        self.map = incoming
            .map
            .iter()
            .map(|(id, r)| {
                let mut r = r.brought_back(now_ms);
                for e in &mut r.log {
                    e.restored_ms = after;
                }
                r.changed_ms = after;
                (id.clone(), r)
            })
            .collect();
    }
}

/// Both logs' answers, each once (an answer is known by its time; the later of its restore
/// stamps is kept), the most recent `LOG_KEEP`.
fn merged_log(a: &[Logged], b: &[Logged]) -> Vec<Logged> {
    let mut all: Vec<Logged> = a.iter().chain(b).copied().collect();
    crate::order::sort_by_key_f64(&mut all, |e| e.at_ms);
    all.dedup_by(|later, kept| {
        let same = later.at_ms == kept.at_ms;
        if same {
            kept.restored_ms = kept.restored_ms.max(later.restored_ms);
        }
        same
    });
    let skip = all.len().saturating_sub(LOG_KEEP);
    all.split_off(skip)
}

/// For tests across the core: answers recorded as a quiz would, at the default retention.
#[cfg(test)]
impl Records {
    pub(crate) fn answer(&mut self, id: &str, grade: Grade, t: f64) {
        let o = Outcome {
            id: id.into(),
            grade,
            correct: grade.is_correct(),
            skipped: false,
        };
        self.record(&o, t, super::card::DEFAULT_RETENTION, true);
    }

    pub(crate) fn answered(answers: &[(&str, Grade, f64)]) -> Records {
        let mut r = Records::default();
        for (id, g, t) in answers {
            r.answer(id, *g, *t);
        }
        r
    }
}

#[cfg(test)]
mod tests {
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
}
