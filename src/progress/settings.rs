//! The learner's choices, remembered: the last writer wins, except bookmarks, which merge per
//! question so two tabs bookmarking at once both keep theirs.

use super::card::{DEFAULT_RETENTION, RETENTION_RANGE};
use crate::quiz::{Filters, Mode};
use std::collections::BTreeMap;

/// The app's colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// Exam time limits offered, in minutes (`None`: untimed).
pub const EXAM_MINUTES: [Option<u32>; 4] = [None, Some(10), Some(20), Some(30)];

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub filters: Filters,
    pub mode: Mode,
    pub exam_minutes: Option<u32>,
    /// The recall probability reviews aim at (FSRS's "desired retention").
    pub retention: f64,
    pub theme: Theme,
    /// Per question: bookmarked or not, and when that was decided.
    pub bookmarks: BTreeMap<String, (bool, f64)>,
    /// When the choices above were last changed.
    pub updated_ms: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            filters: Filters::default(),
            mode: Mode::Practice,
            exam_minutes: None,
            retention: DEFAULT_RETENTION,
            theme: Theme::System,
            bookmarks: BTreeMap::new(),
            updated_ms: 0.0,
        }
    }
}

impl Settings {
    pub fn set_retention(&mut self, r: f64) {
        let (lo, hi) = RETENTION_RANGE;
        self.retention = if r.is_finite() {
            r.clamp(lo, hi)
        } else {
            DEFAULT_RETENTION
        };
    }

    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.bookmarks.get(id).is_some_and(|b| b.0)
    }

    pub fn bookmarked(&self) -> impl Iterator<Item = &str> {
        self.bookmarks
            .iter()
            .filter(|(_, b)| b.0)
            .map(|(id, _)| id.as_str())
    }

    pub fn toggle_bookmark(&mut self, id: &str, now_ms: f64) {
        let on = !self.is_bookmarked(id);
        self.bookmarks.insert(id.to_string(), (on, now_ms));
    }

    /// Takes in settings saved elsewhere: newer choices win as a whole, bookmarks per question.
    /// Returns whether anything changed.
    pub fn merge(&mut self, other: &Settings) -> bool {
        let before = self.clone();
        let mut bookmarks = std::mem::take(&mut self.bookmarks);
        for (id, theirs) in &other.bookmarks {
            if bookmarks.get(id).is_none_or(|ours| theirs.1 > ours.1) {
                bookmarks.insert(id.clone(), *theirs);
            }
        }
        if other.updated_ms > self.updated_ms {
            *self = other.clone();
        }
        self.bookmarks = bookmarks;
        *self != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_choices_win_and_bookmarks_merge_per_question() {
        let mut ours = Settings {
            mode: Mode::Exam,
            updated_ms: 10.0,
            ..Settings::default()
        };
        ours.toggle_bookmark("a", 10.0);
        let mut theirs = Settings {
            theme: Theme::Dark,
            updated_ms: 20.0,
            ..Settings::default()
        };
        theirs.toggle_bookmark("b", 15.0);
        assert!(ours.merge(&theirs));
        assert_eq!((ours.mode, ours.theme), (Mode::Practice, Theme::Dark));
        assert_eq!(ours.bookmarked().collect::<Vec<_>>(), ["a", "b"]);
        // An un-bookmark made later wins over the older bookmark.
        let mut later = ours.clone();
        later.toggle_bookmark("a", 30.0);
        assert!(ours.merge(&later));
        assert!(!ours.is_bookmarked("a"));
        assert!(!ours.clone().merge(&ours), "an echo changes nothing");
    }

    #[test]
    fn retention_stays_in_range() {
        let mut s = Settings::default();
        s.set_retention(0.2);
        assert_eq!(s.retention, RETENTION_RANGE.0);
        s.set_retention(f64::NAN);
        assert_eq!(s.retention, DEFAULT_RETENTION);
    }
}
