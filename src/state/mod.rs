//! The app's state and every change to it: one `apply` with one `Action` match, as in yew's
//! `function_todomvc`. Pure and tested natively; storage, fetching and timers live in
//! `platform` and the UI's hooks. The embed runs only the `quiz::Runner` part of it.

mod data;
#[cfg(test)]
mod link_tests;
mod links;
mod messages;
mod notices;
mod purpose;
pub mod saving;
mod sessions;
#[cfg(test)]
mod study_tests;
#[cfg(test)]
mod sync_tests;
#[cfg(test)]
mod tests;

pub use links::{quiz_contents, score_notice, LinkOutcome};
pub use notices::{Notice, NoticeAction, NoticeKind, Notices, Toast};
pub use purpose::{friend_comparison, quiz_title, topic_names, Purpose};

pub use crate::progress::saver::Changes;
use crate::progress::schema::SavedSession;
use crate::progress::store::{Change, SaveError};
use crate::progress::{Records, Settings, Theme};
use crate::quiz::{Filters, Mode, Outcome, QuizAction, Runner, Session};
use crate::share::{ScoreLink, SharedLink};
use std::rc::Rc;

/// What "Undo" after a reset brings back.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub records: Rc<Records>,
    /// The quiz the reset discarded, as it was.
    pub session: Option<SavedSession>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub quiz: Runner,
    pub records: Rc<Records>,
    pub settings: Rc<Settings>,
    /// Every saved quiz this tab knows of (its own and other tabs'), newest first. The running
    /// quiz's copy here may lag behind `quiz.session` (copying it on every keystroke would be
    /// wasted work): `saved_sessions` gives the list up to date.
    sessions: Rc<Vec<SavedSession>>,
    /// The `updated_ms` of the running quiz as changed here: its saved copy carries it, and
    /// another tab's copy replaces the running quiz only when newer.
    running_updated_ms: f64,
    pub notices: Notices,
    /// False when saving could overwrite data this version cannot read (read-only mode).
    pub writable: bool,
    /// Counters of this tab's own changes, one per stored document: the saver writes a
    /// document when its counter moves, so changes merged in from other tabs (which do not
    /// move it) are never echoed back.
    pub changes: Changes,
    /// What the last reset erased, for "Undo".
    pub undo_reset: Option<Undo>,
    /// Moves on every action that changed anything: the UI compares this, not the state.
    pub version: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Quiz(QuizAction),
    /// Starts a quiz of these ids (unknown ones are left out with a notice).
    Start {
        ids: Vec<String>,
        mode: Mode,
        purpose: Purpose,
        now: f64,
    },
    /// Opens a shared quiz link: continues it, starts it, or leaves the page to say why not
    /// (see `open_link`).
    OpenLink {
        link: SharedLink,
        now: f64,
    },
    /// Takes the quiz of a friend's score link (see `take_scored`).
    TakeScored {
        score: ScoreLink,
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
    /// Another tab (or another version) changed storage: take it in, without saving it back.
    FromOtherTab(Change),
    /// Erases the records and the quiz in progress; "Undo" brings both back.
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
    /// How the last write went (`None`: it worked).
    Saved(Option<SaveError>),
    Notify(NoticeKind, String),
    /// Says how something the learner just did went, as the toast.
    Toast(NoticeKind, String),
    /// Removes a notice, or the toast (closed, or its time is up).
    Dismiss(u32),
    /// What storage holds, replacing the first visit's state a pre-rendered page was drawn
    /// from (the first action such a page dispatches).
    Loaded(Box<AppState>),
}

impl AppState {
    /// The state after loading: `sessions` as stored; this tab picks up the newest quiz.
    pub fn new(
        records: Records,
        settings: Settings,
        sessions: Vec<SavedSession>,
        writable: bool,
        now: f64,
    ) -> AppState {
        let mut state = AppState {
            quiz: Runner::default(),
            records: Rc::new(records),
            settings: Rc::new(settings),
            sessions: Rc::new(sessions),
            running_updated_ms: f64::MIN,
            notices: Notices::default(),
            writable,
            changes: Changes::default(),
            undo_reset: None,
            version: 0,
        };
        state.repair_settings();
        let latest = state
            .sessions
            .iter()
            .find_map(|s| Some((s.session.clone()?, s.updated_ms)));
        if let Some((session, updated_ms)) = latest {
            state.run(session, updated_ms);
            state.drop_deleted_from_quiz(now);
        }
        state
    }

    pub fn session(&self) -> Option<&Session> {
        self.quiz.session.as_ref()
    }

    pub fn notify(&mut self, kind: NoticeKind, text: impl Into<String>) -> bool {
        self.notices.push(kind, text, None)
    }

    /// Shows the toast. An "Undo" it replaces is no longer offered: undoing then would mix the
    /// old records into newer data the learner has just seen.
    pub fn toast(
        &mut self,
        kind: NoticeKind,
        text: impl Into<String>,
        action: Option<NoticeAction>,
    ) -> bool {
        let replaced = self.notices.toast(kind, text, action);
        self.toast_gone(replaced);
        true
    }

    fn toast_gone(&mut self, toast: Option<Toast>) {
        if toast.is_some_and(|t| t.action == Some(NoticeAction::UndoReset)) {
            self.undo_reset = None;
        }
    }

    /// A topic renamed since the settings were saved would match nothing forever. (Repaired on
    /// every load, so not saved: a repair must not outrank another tab's real change.)
    fn repair_settings(&mut self) {
        let mut settings = (*self.settings).clone();
        let gone = settings
            .filters
            .keep_known(|t| crate::bank::topic(t).is_some());
        if !gone.is_empty() {
            self.notify(NoticeKind::Info, messages::topics_gone(&gone));
        }
        if settings != *self.settings {
            self.settings = Rc::new(settings);
        }
    }

    fn settings_changed(&mut self, now: f64, change: impl FnOnce(&mut Settings)) {
        let s = Rc::make_mut(&mut self.settings);
        change(s);
        s.updated_ms = now.max(s.updated_ms + 1.0);
        self.changes.settings += 1;
    }

    /// Applies one action; returns whether anything changed (and moves `version` if so).
    pub fn apply(&mut self, action: Action) -> bool {
        let changed = self.apply_action(action);
        if changed {
            self.version += 1;
        }
        changed
    }

    fn apply_action(&mut self, action: Action) -> bool {
        match action {
            Action::Quiz(q) => self.apply_quiz(q),
            Action::Start {
                ids,
                mode,
                purpose,
                now,
            } => self.start(ids, mode, purpose, now),
            Action::OpenLink { link, now } => self.open(&link, now),
            Action::Loaded(state) => {
                *self = AppState {
                    version: self.version,
                    ..*state
                };
                true
            }
            Action::TakeScored { score, now } => self.take_scored(&score, now),
            Action::Resume { id, now } => self.resume(id, now),
            Action::DiscardSaved { id, now } => {
                self.discard(id, now);
                true
            }
            Action::SetFilters { filters, now } => {
                self.settings_changed(now, |s| s.filters = filters);
                true
            }
            Action::SetMode { mode, now } => {
                self.settings_changed(now, |s| s.mode = mode);
                true
            }
            Action::SetExamMinutes { minutes, now } => {
                self.settings_changed(now, |s| s.exam_minutes = minutes);
                true
            }
            Action::SetRetention { retention, now } => {
                self.settings_changed(now, |s| s.set_retention(retention));
                let text = messages::retention_set(self.settings.retention);
                self.toast(NoticeKind::Info, text, None)
            }
            Action::SetTheme { theme, now } => {
                self.settings_changed(now, |s| s.theme = theme);
                true
            }
            Action::ToggleBookmark { id, now } => {
                self.settings_changed(now, |s| s.toggle_bookmark(&id, now));
                true
            }
            Action::FromOtherTab(change) => self.take_in(change),
            Action::Reset { now } => self.reset(now),
            Action::UndoReset { now } => self.undo_reset(now),
            Action::Adopt {
                records,
                settings,
                now,
            } => self.adopt(&records, settings, now),
            Action::Replace {
                records,
                settings,
                now,
            } => self.replace(&records, settings, now),
            Action::Record { outcomes, now } => self.record_outside(&outcomes, now),
            Action::Saved(result) => self.saved(result),
            Action::Notify(kind, text) => self.notify(kind, text),
            Action::Toast(kind, text) => self.toast(kind, text, None),
            Action::Dismiss(id) => {
                let (toast, removed) = self.notices.dismiss(id);
                self.toast_gone(toast);
                removed
            }
        }
    }

    fn apply_quiz(&mut self, q: QuizAction) -> bool {
        let at = match &q {
            QuizAction::Submit { now }
            | QuizAction::SelfGrade { now, .. }
            | QuizAction::Next { now }
            | QuizAction::Previous { now }
            | QuizAction::GoTo { now, .. }
            | QuizAction::Finish { now }
            | QuizAction::Tick { now } => Some(*now),
            _ => None,
        };
        let applied = self.quiz.apply(q);
        // A finish that waited for questions happened when it was asked for.
        let now = at.unwrap_or_else(|| {
            self.session()
                .map_or(0.0, |s| s.finished_ms.unwrap_or(s.entered_ms))
        });
        self.record(&applied.outcomes, now);
        if applied.session_changed {
            self.session_changed(now);
        }
        applied.changed || !applied.outcomes.is_empty()
    }
}
