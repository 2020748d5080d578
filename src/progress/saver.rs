//! When to write, which documents, and what to retry: the saving policy, with the clock passed
//! in. The app's hook only turns `due_at` into a timer and calls `state::saving::flush`; the
//! tests drive the same policy with a fake clock.
//!
//! A document is written when its change counter has moved since it was last written, so
//! changes merged in from other tabs (which do not move it) are never echoed back. Writes wait
//! for a pause (`DEBOUNCE_MS`, so typing does not write on every key), but never longer than
//! `MAX_WAIT_MS` after the first change not yet written (continuous answering still writes
//! every few seconds). A write that fails leaves its counter behind, so it is tried again,
//! `RETRY_MS` later at the earliest.

use super::store::SaveError;

/// Counters of this tab's own changes, one per stored document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub records: u64,
    pub sessions: u64,
    pub settings: u64,
}

pub const DEBOUNCE_MS: f64 = 300.0;
pub const MAX_WAIT_MS: f64 = 3_000.0;
pub const RETRY_MS: f64 = 5_000.0;

/// The counters a write is to bring to storage; `None` for documents already written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SavePlan {
    pub records: Option<u64>,
    pub sessions: Option<u64>,
    pub settings: Option<u64>,
}

impl SavePlan {
    pub fn is_empty(&self) -> bool {
        *self == SavePlan::default()
    }
}

/// Which documents of a plan were written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub records: bool,
    pub sessions: bool,
    pub settings: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saver {
    /// The counters as last written.
    written: Changes,
    /// The counters as last seen.
    seen: Changes,
    /// When the oldest change not yet written was seen.
    waiting_since: Option<f64>,
    /// When the latest change was seen.
    last_change_ms: f64,
    /// After a failed write: not before this.
    retry_at: Option<f64>,
    /// The last outcome told to the learner, so each is told once.
    pub reported: Option<SaveError>,
    stopped: bool,
}

impl Saver {
    /// Notes the state's counters at `now_ms`; call it whenever they may have moved.
    pub fn note(&mut self, changes: Changes, now_ms: f64) {
        if changes == self.seen {
            return;
        }
        self.seen = changes;
        self.last_change_ms = now_ms;
        if self.waiting_since.is_none() && changes != self.written {
            self.waiting_since = Some(now_ms);
        }
    }

    /// When the next write is due, if anything waits to be written.
    pub fn due_at(&self) -> Option<f64> {
        if self.stopped {
            return None;
        }
        let since = self.waiting_since?;
        let due = (self.last_change_ms + DEBOUNCE_MS).min(since + MAX_WAIT_MS);
        Some(self.retry_at.map_or(due, |r| due.max(r)))
    }

    /// The documents to write now: those whose counters moved since they were last written.
    pub fn plan(&self, changes: Changes) -> SavePlan {
        let moved = |ours: u64, done: u64| (ours != done).then_some(ours);
        SavePlan {
            records: moved(changes.records, self.written.records),
            sessions: moved(changes.sessions, self.written.sessions),
            settings: moved(changes.settings, self.written.settings),
        }
    }

    /// The outcome of carrying out `plan` at `now_ms`: only what was written moves on; the rest
    /// waits for a retry.
    pub fn done(&mut self, plan: &SavePlan, written: Written, now_ms: f64) {
        let advance = |counter: &mut u64, planned: Option<u64>, ok: bool| {
            if let (Some(n), true) = (planned, ok) {
                *counter = n;
            }
        };
        advance(&mut self.written.records, plan.records, written.records);
        advance(&mut self.written.sessions, plan.sessions, written.sessions);
        advance(&mut self.written.settings, plan.settings, written.settings);
        let failed = plan.records.is_some() && !written.records
            || plan.sessions.is_some() && !written.sessions
            || plan.settings.is_some() && !written.settings;
        self.retry_at = failed.then_some(now_ms + RETRY_MS);
        self.waiting_since = if self.seen != self.written {
            // Still waiting: a failure since the first change, a change since the plan.
            Some(self.waiting_since.unwrap_or(now_ms).min(now_ms))
        } else {
            None
        };
    }

    /// Nothing waits to be written.
    pub fn is_idle(&self) -> bool {
        self.stopped || self.seen == self.written
    }

    /// Saving has stopped for good (read-only): nothing is due any more.
    pub fn stop(&mut self) {
        self.stopped = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(records: u64, sessions: u64, settings: u64) -> Changes {
        Changes {
            records,
            sessions,
            settings,
        }
    }

    fn all_written(_: &SavePlan) -> Written {
        Written {
            records: true,
            sessions: true,
            settings: true,
        }
    }

    #[test]
    fn a_pause_writes_once_and_only_what_changed() {
        let mut s = Saver::default();
        assert_eq!(s.due_at(), None);
        s.note(changes(1, 0, 0), 1000.0);
        s.note(changes(2, 0, 0), 1100.0);
        assert_eq!(
            s.due_at(),
            Some(1100.0 + DEBOUNCE_MS),
            "the debounce restarts"
        );
        let plan = s.plan(changes(2, 0, 0));
        assert_eq!(
            plan,
            SavePlan {
                records: Some(2),
                ..SavePlan::default()
            }
        );
        s.done(&plan, all_written(&plan), 1400.0);
        assert_eq!(s.due_at(), None);
        assert!(s.is_idle());
        assert!(
            s.plan(changes(2, 0, 0)).is_empty(),
            "nothing is written twice"
        );
    }

    #[test]
    fn continuous_changes_still_write_within_the_maximum_wait() {
        let mut s = Saver::default();
        let mut now = 0.0;
        let mut n = 0;
        // A change every 200 ms: the debounce alone would never fire.
        while now < 2_900.0 {
            n += 1;
            s.note(changes(n, n, 0), now);
            assert!(s.due_at().unwrap() > now, "not yet at {now}");
            now += 200.0;
        }
        n += 1;
        s.note(changes(n, n, 0), now);
        assert_eq!(s.due_at(), Some(MAX_WAIT_MS), "written by the maximum wait");
        let plan = s.plan(changes(n, n, 0));
        s.done(&plan, all_written(&plan), MAX_WAIT_MS);
        s.note(changes(n + 1, n, 0), 3_100.0);
        assert_eq!(
            s.due_at(),
            Some(3_100.0 + DEBOUNCE_MS),
            "the wait starts over after a write"
        );
    }

    #[test]
    fn a_failed_write_is_retried_and_only_written_documents_move_on() {
        // B8: the counters used to advance even when the save failed.
        let mut s = Saver::default();
        s.note(changes(1, 1, 1), 0.0);
        let plan = s.plan(changes(1, 1, 1));
        let partly = Written {
            records: false,
            sessions: true,
            settings: true,
        };
        s.done(&plan, partly, 300.0);
        assert!(!s.is_idle());
        assert_eq!(s.due_at(), Some(300.0 + RETRY_MS), "retried after a pause");
        assert_eq!(
            s.plan(changes(1, 1, 1)),
            SavePlan {
                records: Some(1),
                ..SavePlan::default()
            },
            "only the failed document again"
        );
        // A change meanwhile does not make the retry come sooner than the pause.
        s.note(changes(1, 2, 1), 400.0);
        assert_eq!(s.due_at(), Some(300.0 + RETRY_MS));
        let plan = s.plan(changes(1, 2, 1));
        s.done(&plan, all_written(&plan), 5_300.0);
        assert!(s.is_idle());
        assert_eq!(s.due_at(), None);
    }

    #[test]
    fn a_stopped_saver_is_never_due_again() {
        let mut s = Saver::default();
        s.note(changes(1, 0, 0), 0.0);
        s.stop();
        assert_eq!(
            s.due_at(),
            None,
            "a read-only tab sets no timer that fires for nothing"
        );
        assert!(s.is_idle());
    }

    #[test]
    fn a_change_during_a_write_is_written_next() {
        let mut s = Saver::default();
        s.note(changes(1, 0, 0), 0.0);
        let plan = s.plan(changes(1, 0, 0));
        s.note(changes(2, 0, 0), 10.0);
        s.done(&plan, all_written(&plan), 300.0);
        assert!(!s.is_idle());
        assert_eq!(s.plan(changes(2, 0, 0)).records, Some(2));
        assert!(s.due_at().is_some());
    }
}
