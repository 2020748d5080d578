//! The app's state and every change to it: one `apply` with one `Action` match, as in yew's
//! `function_todomvc`. Pure and tested natively; storage, fetching and timers live in
//! `platform` and the UI's hooks. The embed runs only the `quiz::Runner` part of it.

mod notices;
#[cfg(test)]
mod tests;

pub use notices::{Notice, NoticeAction, NoticeKind, Notices};

use crate::bank::question_meta;
use crate::progress::schema::{merge_sessions, SavedSession};
use crate::progress::{Records, Settings, Theme};
use crate::quiz::{Filters, Mode, Outcome, QuizAction, Runner, Session};
use std::rc::Rc;

/// How a quiz counts toward the learner's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Answers are scheduled for review.
    Study,
    /// "Cram a topic": answers are counted but leave the review schedule alone.
    Cram,
}

/// Counters of this tab's own changes, one per stored document. The save effect writes a
/// document when its counter moves, so changes merged in from other tabs (which do not move
/// it) are never echoed back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub records: u64,
    pub sessions: u64,
    pub settings: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub quiz: Runner,
    pub records: Rc<Records>,
    pub settings: Rc<Settings>,
    /// Every saved quiz this tab knows of (its own and other tabs'), newest first.
    pub sessions: Rc<Vec<SavedSession>>,
    pub notices: Notices,
    /// False when saving could overwrite data this version cannot read (read-only mode).
    pub writable: bool,
    pub changes: Changes,
    /// The records as they were before the last reset, for "Undo".
    pub undo_reset: Option<Rc<Records>>,
}

pub enum Action {
    Quiz(QuizAction),
    /// Starts a quiz of these ids (unknown ones are left out with a notice).
    Start {
        ids: Vec<String>,
        mode: Mode,
        purpose: Purpose,
        now: f64,
    },
    /// Takes up a saved quiz (from this or another tab) where it was left.
    Resume {
        id: f64,
        now: f64,
    },
    /// Removes a saved quiz; the running one if it is that quiz.
    DiscardSaved {
        id: f64,
        now: f64,
    },
    SetFilters {
        filters: Filters,
        now: f64,
    },
    SetMode {
        mode: Mode,
        now: f64,
    },
    SetExamMinutes {
        minutes: Option<u32>,
        now: f64,
    },
    SetRetention {
        retention: f64,
        now: f64,
    },
    SetTheme {
        theme: Theme,
        now: f64,
    },
    ToggleBookmark {
        id: String,
        now: f64,
    },
    /// Another tab saved: take in what changed, without saving it back.
    FromOtherTab {
        records: Option<Records>,
        sessions: Option<Vec<SavedSession>>,
        settings: Option<Settings>,
    },
    /// Erases the records and the quiz in progress; "Undo" brings them back.
    Reset {
        now: f64,
    },
    UndoReset {
        now: f64,
    },
    /// Brings records back from a backup or an import file (newest per question wins).
    Adopt {
        records: Records,
        /// An export's settings and bookmarks: merged as another tab's would be.
        settings: Option<Settings>,
        now: f64,
    },
    /// Replaces every record (and the settings, if the file has them) with an import the
    /// learner confirmed.
    Replace {
        records: Records,
        settings: Option<Settings>,
        now: f64,
    },
    /// Answers given outside a quiz (a question's own page).
    Record {
        outcomes: Vec<Outcome>,
        now: f64,
    },
    Notify(NoticeKind, String),
    Dismiss(u32),
}

impl AppState {
    /// The state after loading: `sessions` as stored, `active` the quiz this tab picks up.
    pub fn new(
        records: Records,
        settings: Settings,
        sessions: Vec<SavedSession>,
        writable: bool,
    ) -> AppState {
        let mut state = AppState {
            quiz: Runner::default(),
            records: Rc::new(records),
            settings: Rc::new(settings),
            sessions: Rc::new(sessions),
            notices: Notices::default(),
            writable,
            changes: Changes::default(),
            undo_reset: None,
        };
        state.repair_settings();
        state.quiz.session = state.latest().cloned();
        state.drop_deleted_from_quiz();
        state
    }

    /// The newest saved quiz, finished or not.
    pub fn latest(&self) -> Option<&Session> {
        self.sessions.iter().find_map(|s| s.session.as_ref())
    }

    /// Saved quizzes not finished yet, newest first.
    pub fn unfinished(&self) -> impl Iterator<Item = &SavedSession> {
        self.sessions
            .iter()
            .filter(|s| s.session.as_ref().is_some_and(|s| !s.is_finished()))
    }

    pub fn session(&self) -> Option<&Session> {
        self.quiz.session.as_ref()
    }

    pub fn notify(&mut self, kind: NoticeKind, text: impl Into<String>) {
        self.notices.push(kind, text, None);
    }

    /// A topic renamed since the settings were saved would match nothing forever.
    fn repair_settings(&mut self) {
        let mut settings = (*self.settings).clone();
        let gone = settings
            .filters
            .keep_known(|t| crate::bank::topic(t).is_some());
        if !gone.is_empty() {
            self.notify(
                NoticeKind::Info,
                format!(
                    "Your saved topic choice included {} that no longer exist{} ({}); it was left out.",
                    if gone.len() == 1 { "a topic" } else { "topics" },
                    if gone.len() == 1 { "s" } else { "" },
                    gone.join(", ")
                ),
            );
        }
        if settings != *self.settings {
            self.settings = Rc::new(settings);
        }
    }

    /// A quiz saved before a question was deleted from the bank would wait for it forever:
    /// leave such questions out (and the quiz, if none are left), and say so.
    fn drop_deleted_from_quiz(&mut self) {
        let Some(session) = self.quiz.session.as_mut() else {
            return;
        };
        let before = session.ids.len();
        session.retain_known(|id| question_meta(id).is_some());
        let gone = before - session.ids.len();
        if session.ids.is_empty() {
            self.quiz.session = None;
        }
        if gone > 0 {
            self.notify(
                NoticeKind::Warning,
                format!(
                    "{gone} question{} of your saved quiz no longer exist{} and {} left out.",
                    if gone == 1 { "" } else { "s" },
                    if gone == 1 { "s" } else { "" },
                    if gone == 1 { "was" } else { "were" }
                ),
            );
        }
    }

    fn start(&mut self, ids: Vec<String>, mode: Mode, purpose: Purpose, now: f64) {
        let (known, missing): (Vec<String>, Vec<String>) =
            ids.into_iter().partition(|id| question_meta(id).is_some());
        if known.is_empty() {
            self.notify(
                NoticeKind::Warning,
                if missing.is_empty() {
                    "There are no questions to quiz on with these choices.".to_string()
                } else {
                    "None of the questions in this quiz exist any more.".to_string()
                },
            );
            return;
        }
        if !missing.is_empty() {
            let n = missing.len();
            self.notify(
                NoticeKind::Warning,
                format!(
                    "{n} question{} in this quiz no longer exist{} and {} left out. The rest are ready.",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" },
                    if n == 1 { "was" } else { "were" }
                ),
            );
        }
        if self.session().is_some_and(|s| !s.is_finished()) {
            self.notify(
                NoticeKind::Info,
                "Your unfinished quiz is kept: continue it from the home page.",
            );
        }
        let mut session = Session::new(known, mode, now);
        session.scheduled = purpose == Purpose::Study;
        if mode == Mode::Exam {
            session.time_limit_ms = self.settings.exam_minutes.map(|m| f64::from(m) * 60_000.0);
        }
        self.quiz.apply(QuizAction::Start(session));
        self.session_changed(now);
    }

    /// Records this tab's answers in the history.
    fn record(&mut self, outcomes: &[Outcome], now: f64) {
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

    /// The running quiz changed here: it goes into the saved list, to be written.
    fn session_changed(&mut self, now: f64) {
        let Some(s) = &self.quiz.session else { return };
        // Later than this quiz's last save, so the newest copy always wins the merge.
        let previous = self
            .sessions
            .iter()
            .find(|x| x.id == s.started_ms)
            .map_or(f64::MIN, |x| x.updated_ms);
        let saved = SavedSession {
            id: s.started_ms,
            updated_ms: now.max(previous + 1.0),
            session: Some(s.clone()),
        };
        merge_sessions(Rc::make_mut(&mut self.sessions), &[saved]);
        self.changes.sessions += 1;
    }

    fn settings_changed(&mut self, now: f64, change: impl FnOnce(&mut Settings)) {
        let s = Rc::make_mut(&mut self.settings);
        change(s);
        s.updated_ms = now.max(s.updated_ms + 1.0);
        self.changes.settings += 1;
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Quiz(q) => {
                let now = match &q {
                    QuizAction::Submit { now }
                    | QuizAction::SelfGrade { now, .. }
                    | QuizAction::Next { now }
                    | QuizAction::Previous { now }
                    | QuizAction::GoTo { now, .. }
                    | QuizAction::Finish { now }
                    | QuizAction::Tick { now } => Some(*now),
                    _ => None,
                };
                let loading = matches!(q, QuizAction::Loaded(_) | QuizAction::LoadFailed { .. });
                let before = self.quiz.session.clone();
                let outcomes = self.quiz.apply(q);
                let now = now.unwrap_or_else(|| self.session().map_or(0.0, |s| s.entered_ms));
                self.record(&outcomes, now);
                if !loading && self.quiz.session != before {
                    self.session_changed(now);
                }
            }
            Action::Start {
                ids,
                mode,
                purpose,
                now,
            } => self.start(ids, mode, purpose, now),
            Action::Resume { id, now } => {
                let saved = self
                    .sessions
                    .iter()
                    .find(|s| s.id == id)
                    .and_then(|s| s.session.clone());
                if let Some(mut s) = saved {
                    s.entered_ms = now;
                    self.quiz.apply(QuizAction::Start(s));
                    self.drop_deleted_from_quiz();
                }
            }
            Action::DiscardSaved { id, now } => {
                if self.session().is_some_and(|s| s.started_ms == id) {
                    self.quiz.apply(QuizAction::Discard);
                }
                let gone = SavedSession {
                    id,
                    updated_ms: now,
                    session: None,
                };
                merge_sessions(Rc::make_mut(&mut self.sessions), &[gone]);
                self.changes.sessions += 1;
            }
            Action::SetFilters { filters, now } => {
                self.settings_changed(now, |s| s.filters = filters)
            }
            Action::SetMode { mode, now } => self.settings_changed(now, |s| s.mode = mode),
            Action::SetExamMinutes { minutes, now } => {
                self.settings_changed(now, |s| s.exam_minutes = minutes)
            }
            Action::SetRetention { retention, now } => {
                self.settings_changed(now, |s| s.set_retention(retention))
            }
            Action::SetTheme { theme, now } => self.settings_changed(now, |s| s.theme = theme),
            Action::ToggleBookmark { id, now } => {
                self.settings_changed(now, |s| s.toggle_bookmark(&id, now))
            }
            Action::FromOtherTab {
                records,
                sessions,
                settings,
            } => self.merge_other_tab(records, sessions, settings),
            Action::Reset { now } => {
                self.undo_reset = Some(Rc::clone(&self.records));
                Rc::make_mut(&mut self.records).reset(now);
                self.changes.records += 1;
                if let Some(id) = self.session().map(|s| s.started_ms) {
                    self.apply(Action::DiscardSaved { id, now });
                }
                self.notices.push(
                    NoticeKind::Info,
                    "Your progress was erased.",
                    Some(NoticeAction::UndoReset),
                );
            }
            Action::UndoReset { now } => {
                if let Some(before) = self.undo_reset.take() {
                    Rc::make_mut(&mut self.records).adopt(&before, now);
                    self.changes.records += 1;
                    self.notices.drop_action(NoticeAction::UndoReset);
                    self.notify(NoticeKind::Info, "Your progress is back.");
                }
            }
            Action::Adopt {
                records,
                settings,
                now,
            } => {
                let n = Rc::make_mut(&mut self.records).adopt(&records, now);
                self.changes.records += 1;
                let bookmarks = self.settings.bookmarked().count();
                if let Some(theirs) = settings {
                    if Rc::make_mut(&mut self.settings).merge(&theirs) {
                        self.changes.settings += 1;
                    }
                }
                let new_bookmarks = self.settings.bookmarked().count().saturating_sub(bookmarks);
                self.notify(
                    NoticeKind::Info,
                    format!(
                        "{n} question record{} brought in{}.",
                        if n == 1 { "" } else { "s" },
                        match new_bookmarks {
                            0 => String::new(),
                            1 => ", and 1 bookmark".into(),
                            b => format!(", and {b} bookmarks"),
                        }
                    ),
                );
            }
            Action::Replace {
                records,
                settings,
                now,
            } => {
                Rc::make_mut(&mut self.records).replace(&records, now);
                self.changes.records += 1;
                if let Some(theirs) = settings {
                    // Newer than anything another tab holds, so every tab takes it.
                    self.settings_changed(now, |s| *s = theirs);
                }
                self.notify(
                    NoticeKind::Info,
                    "Your progress was replaced by the imported file.",
                );
            }
            Action::Record { outcomes, now } => {
                let retention = self.settings.retention;
                let records = Rc::make_mut(&mut self.records);
                for o in &outcomes {
                    records.record(o, now, retention, true);
                }
                self.changes.records += u64::from(!outcomes.is_empty());
            }
            Action::Notify(kind, text) => self.notify(kind, text),
            Action::Dismiss(id) => self.notices.dismiss(id),
        }
    }

    fn merge_other_tab(
        &mut self,
        records: Option<Records>,
        sessions: Option<Vec<SavedSession>>,
        settings: Option<Settings>,
    ) {
        if let Some(theirs) = records {
            let mut merged = (*self.records).clone();
            if merged.merge(&theirs) {
                self.records = Rc::new(merged);
            }
        }
        if let Some(theirs) = settings {
            let mut merged = (*self.settings).clone();
            if merged.merge(&theirs) {
                self.settings = Rc::new(merged);
            }
        }
        if let Some(theirs) = sessions {
            let mut list = (*self.sessions).clone();
            if merge_sessions(&mut list, &theirs) {
                // Our own running quiz is ours: another tab's copy of it only replaces it when
                // newer (the same quiz answered there), never a different quiz.
                if let Some(ours) = &self.quiz.session {
                    let newer = list
                        .iter()
                        .find(|s| s.id == ours.started_ms)
                        .and_then(|s| s.session.as_ref())
                        .filter(|s| *s != ours);
                    if let Some(s) = newer {
                        self.quiz.session = Some(s.clone());
                    }
                }
                self.sessions = Rc::new(list);
            }
        }
    }
}
