//! The quizzes this tab knows of: the running one, and the saved list it joins when written
//! (not on every keystroke), with the rules for starting, resuming, discarding and repairing.

use super::{messages, AppState, NoticeKind, Purpose};
use crate::bank::question_meta;
use crate::progress::schema::{merge_sessions, SavedSession};
use crate::quiz::{Mode, QuizAction, Session};
use std::rc::Rc;

impl AppState {
    /// Every saved quiz, newest first, the running one as it is now: what the saver writes.
    pub fn saved_sessions(&self) -> Vec<SavedSession> {
        let mut list = (*self.sessions).clone();
        if let Some(running) = self.running_saved() {
            merge_sessions(&mut list, &[running]);
        }
        list
    }

    /// The running quiz as its saved copy.
    pub(super) fn running_saved(&self) -> Option<SavedSession> {
        let s = self.quiz.session.as_ref()?;
        Some(SavedSession {
            id: s.started_ms,
            updated_ms: self.running_updated_ms,
            session: Some(s.clone()),
        })
    }

    /// Saved quizzes not finished yet, newest first.
    pub fn unfinished(&self) -> Vec<SavedSession> {
        let mut list = self.saved_sessions();
        list.retain(|s| s.session.as_ref().is_some_and(|s| !s.is_finished()));
        list
    }

    /// A quiz saved before a question was deleted from the bank would wait for it forever:
    /// leave such questions out (and the quiz, if none are left), say so, and save the repair
    /// so no other tab's copy brings them back.
    pub(super) fn drop_deleted_from_quiz(&mut self, now: f64) {
        let Some(session) = self.quiz.session.as_mut() else {
            return;
        };
        let id = session.started_ms;
        let before = session.ids.len();
        session.retain_known(|id| question_meta(id).is_some());
        let gone = before - session.ids.len();
        if gone == 0 {
            return;
        }
        self.notify(
            NoticeKind::Warning,
            messages::left_out(gone, "of your saved quiz"),
        );
        if self.session().is_some_and(|s| s.ids.is_empty()) {
            self.discard(id, now);
        } else {
            self.session_changed(now);
        }
    }

    /// Puts the running quiz's latest state into the saved list, before another takes its place.
    fn keep_running(&mut self) {
        if let Some(running) = self.running_saved() {
            merge_sessions(Rc::make_mut(&mut self.sessions), &[running]);
        }
    }

    /// Makes `session` the running quiz; `updated_ms` is its saved copy's.
    pub(super) fn run(&mut self, session: Session, updated_ms: f64) {
        self.keep_running();
        self.quiz.apply(QuizAction::Start(session));
        self.running_updated_ms = updated_ms;
    }

    pub(super) fn start(
        &mut self,
        ids: Vec<String>,
        mode: Mode,
        purpose: Purpose,
        now: f64,
    ) -> bool {
        let (known, missing): (Vec<String>, Vec<String>) =
            ids.into_iter().partition(|id| question_meta(id).is_some());
        if known.is_empty() {
            return self.notify(
                NoticeKind::Warning,
                if missing.is_empty() {
                    messages::NOTHING_TO_QUIZ
                } else {
                    messages::NONE_EXIST
                },
            );
        }
        if !missing.is_empty() {
            let text = messages::left_out(missing.len(), "in this quiz") + " The rest are ready.";
            self.notify(NoticeKind::Warning, text);
        }
        if self.session().is_some_and(|s| !s.is_finished()) {
            self.notify(NoticeKind::Info, messages::KEPT_UNFINISHED);
        }
        let mut session = Session::new(known, mode, now);
        session.scheduled = purpose.scheduled();
        session.purpose = purpose.tag();
        if mode == Mode::Exam {
            session.time_limit_ms = self.settings.exam_minutes.map(|m| f64::from(m) * 60_000.0);
        }
        self.run(session, f64::MIN);
        self.session_changed(now);
        true
    }

    /// Takes up a saved quiz where it was left; its time on the current question starts now.
    /// An exam whose time ran out while it waited (here or saved) is handed in at its deadline,
    /// with the time on its question counted up to then.
    pub(super) fn resume(&mut self, id: f64, now: f64) -> bool {
        if self.session().is_some_and(|s| s.started_ms == id) {
            return self.hand_in_if_expired(now);
        }
        let saved = self.sessions.iter().find(|s| s.id == id).cloned();
        let Some(SavedSession {
            session: Some(mut s),
            updated_ms,
            ..
        }) = saved
        else {
            return false;
        };
        if !expired(&s, now) {
            s.entered_ms = now;
        }
        self.run(s, updated_ms);
        self.session_changed(now);
        self.drop_deleted_from_quiz(now);
        self.hand_in_if_expired(now);
        true
    }

    /// Ends the running exam if its time is up; true if it did.
    fn hand_in_if_expired(&mut self, now: f64) -> bool {
        self.session().is_some_and(|s| expired(s, now)) && self.apply_quiz(QuizAction::Tick { now })
    }

    /// Discards saved quiz `id` in every tab (and the running quiz, if it is that one).
    pub(super) fn discard(&mut self, id: f64, now: f64) {
        let mut updated_ms = now;
        if self.session().is_some_and(|s| s.started_ms == id) {
            // Newer than any copy this tab wrote of it.
            updated_ms = now.max(self.running_updated_ms + 1.0);
            self.quiz.apply(QuizAction::Discard);
        }
        let listed = self.sessions.iter().find(|s| s.id == id);
        if let Some(listed) = listed {
            updated_ms = updated_ms.max(listed.updated_ms + 1.0);
        }
        let gone = SavedSession {
            id,
            updated_ms,
            session: None,
        };
        merge_sessions(Rc::make_mut(&mut self.sessions), &[gone]);
        self.changes.sessions += 1;
    }

    /// The running quiz changed here: its saved copy is now newer than any other tab's.
    pub(super) fn session_changed(&mut self, now: f64) {
        let Some(s) = &self.quiz.session else { return };
        let listed = self
            .sessions
            .iter()
            .find(|x| x.id == s.started_ms)
            .map_or(f64::MIN, |x| x.updated_ms);
        self.running_updated_ms = now.max(self.running_updated_ms.max(listed) + 1.0);
        self.changes.sessions += 1;
    }
}

/// An unfinished exam whose time limit has passed.
fn expired(s: &Session, now: f64) -> bool {
    !s.is_finished() && s.deadline_ms().is_some_and(|d| now >= d)
}
