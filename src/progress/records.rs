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
#[path = "records_tests.rs"]
mod tests;
