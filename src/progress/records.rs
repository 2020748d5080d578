//! The learner's history, one record per question, and the rules that keep it whole when
//! several tabs write it: per question the newest record wins, and a reset leaves a tombstone
//! that every tab honours.

use super::card::Card;
use crate::quiz::{Grade, Outcome};
use std::collections::BTreeMap;

/// Answers kept per question for the charts: a few weeks of daily practice.
pub const LOG_KEEP: usize = 32;

/// One question's history.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub card: Card,
    pub attempts: u32,
    pub correct: u32,
    /// When it was last answered.
    pub last_ms: f64,
    pub last_grade: Grade,
    /// Recent answers, oldest first: (when, grade).
    pub log: Vec<(f64, Grade)>,
    /// When this browser last changed the record: by an answer, or by an import or restore
    /// that brought it in. Merging between tabs keeps the most recently changed record.
    pub changed_ms: f64,
}

impl Record {
    /// The last answer was wrong (or the question was skipped).
    pub fn missed_last(&self) -> bool {
        !self.last_grade.is_correct()
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
    /// the history but leaves the schedule alone.
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
        if scheduled {
            rec.card = rec.card.review(outcome.grade, now_ms, retention);
        }
        rec.attempts = rec.attempts.saturating_add(1);
        rec.correct = rec.correct.saturating_add(u32::from(outcome.correct));
        rec.last_ms = now_ms;
        rec.changed_ms = now_ms;
        rec.last_grade = outcome.grade;
        rec.log.push((now_ms, outcome.grade));
        if rec.log.len() > LOG_KEEP {
            rec.log.remove(0);
        }
    }

    /// Takes in another tab's records: per question the most recently changed record wins and
    /// no answer is lost from the log. Returns whether anything changed, so a tab can tell a
    /// real change from an echo and never saves just because it merged.
    pub fn merge(&mut self, other: &Records) -> bool {
        let before = self.clone();
        if other.reset.set_ms > self.reset.set_ms {
            self.reset = other.reset;
        }
        for (id, theirs) in &other.map {
            match self.map.get_mut(id) {
                Some(ours) => {
                    let log = merged_log(&ours.log, &theirs.log);
                    if theirs.changed_ms > ours.changed_ms {
                        *ours = theirs.clone();
                    }
                    ours.log = log;
                }
                None => {
                    self.map.insert(id.clone(), theirs.clone());
                }
            }
        }
        self.honour_reset();
        *self != before
    }

    fn honour_reset(&mut self) {
        let cut = self.reset.before_ms;
        self.map.retain(|_, r| r.changed_ms > cut);
    }

    /// Forgets every record, leaving a tombstone so other tabs forget them too.
    pub fn reset(&mut self, now_ms: f64) {
        self.reset = Tombstone {
            before_ms: now_ms,
            set_ms: now_ms,
        };
        self.map.clear();
    }

    /// Brings in records from a backup or an import file: per question the more recently
    /// answered record wins, and what comes in counts as changed now, so every tab takes it in
    /// (even after a reset). Returns how many questions it brought or updated.
    pub fn adopt(&mut self, incoming: &Records, now_ms: f64) -> usize {
        let mut n = 0;
        for (id, theirs) in &incoming.map {
            let taken = match self.map.get_mut(id) {
                Some(ours) => {
                    let log = merged_log(&ours.log, &theirs.log);
                    let newer = theirs.last_ms > ours.last_ms;
                    if newer {
                        *ours = theirs.clone();
                    }
                    let changed = newer || log != ours.log;
                    ours.log = log;
                    if changed {
                        ours.changed_ms = now_ms;
                    }
                    newer
                }
                None => {
                    let mut r = theirs.clone();
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
                let mut r = r.clone();
                r.changed_ms = after;
                (id.clone(), r)
            })
            .collect();
    }
}

fn merged_log(a: &[(f64, Grade)], b: &[(f64, Grade)]) -> Vec<(f64, Grade)> {
    let mut all: Vec<(f64, Grade)> = a.iter().chain(b).copied().collect();
    crate::order::sort_by_key_f64(&mut all, |e| e.0);
    all.dedup_by(|x, y| x.0 == y.0);
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

    #[test]
    fn recording_counts_and_schedules() {
        let r = with(&[("a", Grade::Again, 10.0), ("a", Grade::Good, 20.0)]);
        let a = &r.map["a"];
        assert_eq!(
            (a.attempts, a.correct, a.last_ms, a.last_grade),
            (2, 1, 20.0, Grade::Good)
        );
        assert_eq!(a.log, [(10.0, Grade::Again), (20.0, Grade::Good)]);
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
        assert_eq!(log.last().map(|e| e.0), Some(99.0));
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
}
