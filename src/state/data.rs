//! The actions on the learner's data as a whole: recording answers, reset and its undo,
//! imports, other tabs' changes and how saving went.

use super::{messages, AppState, NoticeAction, NoticeKind, Undo};
use crate::progress::schema::{merge_sessions, SavedSession};
use crate::progress::store::{Change, SaveError};
use crate::progress::{Records, Settings};
use crate::quiz::{Outcome, QuizAction};
use std::rc::Rc;

impl AppState {
    /// Records this tab's answers from the running quiz in the history.
    pub(super) fn record(&mut self, outcomes: &[Outcome], now: f64) {
        if outcomes.is_empty() {
            return;
        }
        let scheduled = self.session().is_none_or(|s| s.scheduled);
        let retention = self.settings.retention;
        let records = Rc::make_mut(&mut self.records);
        for o in outcomes {
            records.record(o, now, retention, scheduled);
        }
        self.changes.records += 1;
    }

    /// Answers given outside a quiz (a question's own page): always scheduled.
    pub(super) fn record_outside(&mut self, outcomes: &[Outcome], now: f64) -> bool {
        let retention = self.settings.retention;
        let records = Rc::make_mut(&mut self.records);
        for o in outcomes {
            records.record(o, now, retention, true);
        }
        self.changes.records += u64::from(!outcomes.is_empty());
        !outcomes.is_empty()
    }

    /// Erases the records and the quiz in progress, in every tab; both are kept for "Undo".
    pub(super) fn reset(&mut self, now: f64) -> bool {
        let undo = Undo {
            records: Rc::clone(&self.records),
            session: self.running_saved(),
        };
        Rc::make_mut(&mut self.records).reset(now);
        self.changes.records += 1;
        if let Some(id) = self.session().map(|s| s.started_ms) {
            self.discard(id, now);
        }
        // The toast first: it withdraws any earlier reset's Undo, not this one.
        self.toast(
            NoticeKind::Info,
            messages::ERASED,
            Some(NoticeAction::UndoReset),
        );
        self.undo_reset = Some(undo);
        true
    }

    /// Brings back what the last reset erased: the records (newer answers stay) and the quiz it
    /// discarded, running again unless another quiz has started since.
    pub(super) fn undo_reset(&mut self, now: f64) -> bool {
        let Some(undo) = self.undo_reset.take() else {
            return false;
        };
        Rc::make_mut(&mut self.records).adopt(&undo.records, now);
        self.changes.records += 1;
        if let Some(mut saved) = undo.session {
            // Newer than the discard, so every tab takes it back.
            let discarded = self
                .sessions
                .iter()
                .find(|s| s.id == saved.id)
                .map_or(f64::MIN, |s| s.updated_ms);
            saved.updated_ms = now.max(discarded + 1.0);
            match saved.session.clone() {
                Some(session) if self.session().is_none() => {
                    self.run(session, saved.updated_ms);
                }
                _ => {}
            }
            merge_sessions(Rc::make_mut(&mut self.sessions), &[saved]);
            self.changes.sessions += 1;
        }
        self.toast(NoticeKind::Info, messages::BACK, None)
    }

    pub(super) fn adopt(
        &mut self,
        records: &Records,
        settings: Option<Settings>,
        now: f64,
    ) -> bool {
        let n = Rc::make_mut(&mut self.records).adopt(records, now);
        self.changes.records += 1;
        let bookmarks = self.settings.bookmarked().count();
        if let Some(theirs) = settings {
            if Rc::make_mut(&mut self.settings).merge(&theirs) {
                self.changes.settings += 1;
            }
        }
        let new_bookmarks = self.settings.bookmarked().count().saturating_sub(bookmarks);
        self.toast(NoticeKind::Info, messages::adopted(n, new_bookmarks), None)
    }

    pub(super) fn replace(
        &mut self,
        records: &Records,
        settings: Option<Settings>,
        now: f64,
    ) -> bool {
        Rc::make_mut(&mut self.records).replace(records, now);
        self.changes.records += 1;
        if let Some(theirs) = settings {
            // Newer than anything another tab holds, so every tab takes it.
            self.settings_changed(now, |s| *s = theirs);
        }
        self.toast(NoticeKind::Info, messages::REPLACED, None)
    }

    /// Takes in what another tab saved. Nothing merged here is saved back (the counters stay),
    /// except a document someone else made unreadable or removed: this tab writes its copy.
    pub(super) fn take_in(&mut self, change: Change) -> bool {
        match change {
            Change::Records(theirs) => {
                let mut merged = (*self.records).clone();
                let changed = merged.merge(&theirs);
                if changed {
                    self.records = Rc::new(merged);
                }
                changed
            }
            Change::Settings(theirs) => {
                let mut merged = (*self.settings).clone();
                let changed = merged.merge(&theirs);
                if changed {
                    self.settings = Rc::new(merged);
                }
                changed
            }
            Change::Sessions(theirs) => self.merge_sessions_from(&theirs),
            Change::Lost(doc) => {
                use crate::progress::schema::Doc;
                match doc {
                    Doc::Records => self.changes.records += 1,
                    Doc::Sessions => self.changes.sessions += 1,
                    Doc::Settings => self.changes.settings += 1,
                    Doc::Version1 => return false,
                }
                // Nothing to show: the state is the same, only the saver has work.
                false
            }
            Change::Newer => self.saved(Some(SaveError::Newer)),
        }
    }

    /// Other tabs' quizzes join the list. Their copy of the running quiz replaces it only when
    /// newer than this tab's (the same quiz continued there). A discard there (a reset, say)
    /// does not pull the quiz from under a learner answering it here: it is listed as
    /// discarded, and comes back only if answered here again.
    fn merge_sessions_from(&mut self, theirs: &[SavedSession]) -> bool {
        let mut list = (*self.sessions).clone();
        let mut changed = merge_sessions(&mut list, theirs);
        let running = self.session().map(|s| s.started_ms);
        let candidate = list.iter().find(|s| {
            Some(s.id) == running && s.session.is_some() && s.updated_ms >= self.running_updated_ms
        });
        let newer = candidate
            .filter(|copy| {
                self.running_saved()
                    .is_some_and(|ours| copy.outranks(&ours))
            })
            .and_then(|copy| Some((copy.session.clone()?, copy.updated_ms)));
        if changed {
            self.sessions = Rc::new(list);
        }
        if let Some((session, updated_ms)) = newer {
            self.running_updated_ms = updated_ms;
            self.quiz.apply(QuizAction::Start(session));
            changed = true;
        }
        changed
    }

    /// How the last write went: a full storage is said once (and unsaid when it works again);
    /// a newer version makes this tab read-only.
    pub(super) fn saved(&mut self, result: Option<SaveError>) -> bool {
        let full = SaveError::Full.to_string();
        match result {
            None => self.notices.drop_text(&full),
            Some(SaveError::Full) => self.notify(NoticeKind::Warning, full),
            Some(SaveError::Newer) => {
                let was = self.writable;
                self.writable = false;
                self.notices.drop_text(&full);
                self.notify(NoticeKind::Warning, SaveError::Newer.to_string()) || was
            }
        }
    }
}
