use super::schedule::{is_due, next_box};
use crate::quiz::{Filters, Grade, Mode, Session};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything saved, in the current schema (see `schema.rs` for versions and migrations).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// By question id. Ids are never reused, so records of deleted questions are harmless.
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionRecord>,
    /// The quiz in progress, or the last one finished (for its results page).
    #[serde(default)]
    pub current: Option<Session>,
    #[serde(default)]
    pub settings: Settings,
}

/// One question's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionRecord {
    pub attempts: u32,
    pub correct: u32,
    pub last_seen_ms: f64,
    pub last_grade: Grade,
    /// Leitner box (0-5) for spaced review.
    #[serde(default)]
    pub review_box: u8,
}

/// The home page's choices, remembered.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub filters: Filters,
    #[serde(default)]
    pub mode: Mode,
}

/// Per-topic numbers for the progress page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TopicStats {
    pub total: usize,
    /// Distinct questions tried at least once.
    pub answered: usize,
    /// Distinct questions whose last attempt was right.
    pub correct: usize,
    pub due: usize,
}

impl TopicStats {
    pub fn percent(&self) -> u32 {
        if self.answered == 0 {
            0
        } else {
            (self.correct as f64 * 100.0 / self.answered as f64).round() as u32
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: super::CURRENT_VERSION,
            questions: BTreeMap::new(),
            current: None,
            settings: Settings::default(),
        }
    }
}

impl Progress {
    /// Records one answer. `grade` is the flashcard self-grade; other types map right/wrong to
    /// Good/Again.
    pub fn record(&mut self, id: &str, correct: bool, grade: Option<Grade>, now_ms: f64) {
        let grade = grade.unwrap_or(if correct { Grade::Good } else { Grade::Again });
        let rec = self
            .questions
            .entry(id.to_string())
            .or_insert(QuestionRecord {
                attempts: 0,
                correct: 0,
                last_seen_ms: now_ms,
                last_grade: grade,
                review_box: 0,
            });
        rec.attempts += 1;
        rec.correct += u32::from(correct);
        rec.last_seen_ms = now_ms;
        rec.last_grade = grade;
        rec.review_box = next_box(rec.review_box, grade);
    }

    /// Stats for a set of question ids (one topic's, or the whole bank's).
    pub fn stats<'a>(&self, ids: impl Iterator<Item = &'a str>, now_ms: f64) -> TopicStats {
        let mut s = TopicStats::default();
        for id in ids {
            s.total += 1;
            if let Some(rec) = self.questions.get(id) {
                s.answered += 1;
                s.correct += usize::from(rec.last_grade.is_correct());
                s.due += usize::from(is_due(rec, now_ms));
            }
        }
        s
    }

    /// Ids among `ids` that are due for review, most overdue first.
    pub fn due_ids<'a>(&self, ids: impl Iterator<Item = &'a str>, now_ms: f64) -> Vec<String> {
        let mut due: Vec<(&str, f64)> = ids
            .filter_map(|id| {
                self.questions
                    .get(id)
                    .filter(|r| is_due(r, now_ms))
                    .map(|r| (id, r.last_seen_ms))
            })
            .collect();
        due.sort_by(|a, b| a.1.total_cmp(&b.1));
        due.into_iter().map(|(id, _)| id.to_string()).collect()
    }

    /// The quiz to offer to continue on the home page.
    pub fn unfinished(&self) -> Option<&Session> {
        self.current.as_ref().filter(|s| !s.is_finished())
    }

    /// Takes in question records saved by another tab: for each question the more recent record
    /// wins. This tab's quiz and settings stay as they are.
    pub fn merge_records(&mut self, other: &Progress) {
        for (id, theirs) in &other.questions {
            let newer = self
                .questions
                .get(id)
                .is_none_or(|ours| theirs.last_seen_ms > ours.last_seen_ms);
            if newer {
                self.questions.insert(id.clone(), theirs.clone());
            }
        }
    }

    /// Forgets history and the current quiz; keeps settings.
    pub fn reset(&mut self) {
        self.questions.clear();
        self.current = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::DAY_MS;

    #[test]
    fn record_counts_attempts_and_last_grade() {
        let mut p = Progress::default();
        p.record("a", false, None, 10.0);
        p.record("a", true, None, 20.0);
        let r = &p.questions["a"];
        assert_eq!(
            (r.attempts, r.correct, r.last_seen_ms, r.last_grade),
            (2, 1, 20.0, Grade::Good)
        );
        p.record("b", true, Some(Grade::Hard), 30.0);
        assert_eq!(p.questions["b"].last_grade, Grade::Hard);
    }

    #[test]
    fn stats_count_distinct_questions_by_last_attempt() {
        let mut p = Progress::default();
        p.record("a", true, None, 0.0);
        p.record("b", true, None, 0.0);
        p.record("b", false, None, 0.0);
        let s = p.stats(["a", "b", "c"].into_iter(), 0.0);
        assert_eq!((s.total, s.answered, s.correct), (3, 2, 1));
        assert_eq!(s.percent(), 50);
        assert_eq!(TopicStats::default().percent(), 0);
    }

    #[test]
    fn missed_questions_are_due_at_once_and_known_ones_later() {
        let mut p = Progress::default();
        p.record("wrong", false, None, 0.0);
        p.record("right", true, None, 0.0);
        assert_eq!(
            p.due_ids(["wrong", "right", "new"].into_iter(), 1.0),
            vec!["wrong"]
        );
        assert_eq!(
            p.due_ids(["wrong", "right"].into_iter(), 1.5 * DAY_MS)
                .len(),
            2
        );
    }

    #[test]
    fn merging_another_tabs_records_keeps_the_newest_of_each() {
        let mut ours = Progress::default();
        ours.record("both", true, None, 10.0);
        ours.record("ours", true, None, 10.0);
        ours.current = Some(Session::new(vec!["ours".into()], Mode::Practice, 0.0));
        let mut theirs = Progress::default();
        theirs.record("both", false, None, 20.0);
        theirs.record("theirs", true, None, 5.0);
        theirs.current = None;
        ours.merge_records(&theirs);
        assert_eq!(
            ours.questions["both"].last_grade,
            Grade::Again,
            "their answer is newer"
        );
        assert!(ours.questions.contains_key("ours") && ours.questions.contains_key("theirs"));
        assert!(ours.current.is_some(), "our quiz is kept");

        let before = ours.clone();
        let mut stale = Progress::default();
        stale.record("both", true, None, 1.0);
        ours.merge_records(&stale);
        assert_eq!(ours, before, "an older record changes nothing");
    }

    #[test]
    fn reset_keeps_settings() {
        let mut p = Progress::default();
        p.settings.mode = Mode::Exam;
        p.record("a", true, None, 0.0);
        p.current = Some(Session::new(vec!["a".into()], Mode::Exam, 0.0));
        p.reset();
        assert!(p.questions.is_empty() && p.current.is_none());
        assert_eq!(p.settings.mode, Mode::Exam);
    }
}
