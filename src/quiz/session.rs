use super::grade::{grade, Grade, Response};
use crate::bank::{Body, Question};
use serde::{Deserialize, Serialize};

/// Practice shows feedback after every answer; exam only at the end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Practice,
    Exam,
}

/// A submitted, graded answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub response: Response,
    pub correct: bool,
    pub at_ms: f64,
}

/// One question's slot in a session: the learner's draft, then the answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(default)]
    pub selected: Vec<usize>,
    #[serde(default)]
    pub text: String,
    /// Flashcards: the model answer is showing.
    #[serde(default)]
    pub revealed: bool,
    #[serde(default)]
    pub hint_shown: bool,
    #[serde(default)]
    pub answer: Option<Answer>,
}

/// A quiz being taken: which questions, in which order, and what happened so far.
/// Every method is a pure state transition; `state.rs` maps actions onto them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub ids: Vec<String>,
    pub mode: Mode,
    pub position: usize,
    pub entries: Vec<Entry>,
    pub started_ms: f64,
    #[serde(default)]
    pub finished_ms: Option<f64>,
}

/// The results of a finished (or abandoned) session.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub correct: usize,
    pub answered: usize,
    pub total: usize,
    pub duration_ms: f64,
    /// Per question in quiz order: `None` if skipped.
    pub outcomes: Vec<(String, Option<bool>)>,
}

impl Summary {
    pub fn percent(&self) -> u32 {
        if self.total == 0 {
            0
        } else {
            (self.correct as f64 * 100.0 / self.total as f64).round() as u32
        }
    }

    pub fn missed(&self) -> Vec<String> {
        self.outcomes
            .iter()
            .filter(|(_, o)| *o != Some(true))
            .map(|(id, _)| id.clone())
            .collect()
    }
}

impl Session {
    pub fn new(ids: Vec<String>, mode: Mode, now_ms: f64) -> Session {
        let entries = vec![Entry::default(); ids.len()];
        Session {
            ids,
            mode,
            position: 0,
            entries,
            started_ms: now_ms,
            finished_ms: None,
        }
    }

    /// Saved data is only trusted if its parts agree with each other.
    pub fn is_consistent(&self) -> bool {
        !self.ids.is_empty()
            && self.entries.len() == self.ids.len()
            && self.position < self.ids.len()
    }

    pub fn current_id(&self) -> &str {
        &self.ids[self.position]
    }

    pub fn current(&self) -> &Entry {
        &self.entries[self.position]
    }

    fn current_mut(&mut self) -> &mut Entry {
        &mut self.entries[self.position]
    }

    pub fn is_finished(&self) -> bool {
        self.finished_ms.is_some()
    }

    pub fn is_last(&self) -> bool {
        self.position + 1 == self.ids.len()
    }

    pub fn answered_count(&self) -> usize {
        self.entries.iter().filter(|e| e.answer.is_some()).count()
    }

    /// Picks or un-picks option `index` (single/output: picks only that one).
    pub fn toggle(&mut self, question: &Question, index: usize) {
        if self.is_finished()
            || self.current().answer.is_some()
            || index >= question.body.options().len()
        {
            return;
        }
        let multi = matches!(question.body, Body::Multi { .. });
        let entry = self.current_mut();
        if !multi {
            entry.selected = vec![index];
        } else if let Some(at) = entry.selected.iter().position(|&i| i == index) {
            entry.selected.remove(at);
        } else {
            entry.selected.push(index);
            entry.selected.sort_unstable();
        }
    }

    pub fn type_text(&mut self, text: String) {
        if !self.is_finished() && self.current().answer.is_none() {
            self.current_mut().text = text;
        }
    }

    pub fn reveal(&mut self) {
        if !self.is_finished() {
            self.current_mut().revealed = true;
        }
    }

    pub fn show_hint(&mut self) {
        self.current_mut().hint_shown = true;
    }

    /// The response the current draft amounts to, if it is complete enough to submit.
    pub fn draft_response(&self, question: &Question) -> Option<Response> {
        let entry = self.current();
        match question.body {
            Body::Single { .. } | Body::Multi { .. } | Body::Output { .. }
                if !entry.selected.is_empty() =>
            {
                Some(Response::Choices(entry.selected.clone()))
            }
            Body::Short { .. } if !entry.text.trim().is_empty() => {
                Some(Response::Text(entry.text.clone()))
            }
            _ => None,
        }
    }

    /// Grades the draft (or a flashcard grade). Returns `Some(correct)` when an answer was
    /// recorded, so the caller can update progress exactly once per answer.
    pub fn submit(
        &mut self,
        question: &Question,
        self_grade: Option<Grade>,
        now_ms: f64,
    ) -> Option<bool> {
        if self.is_finished() || self.current().answer.is_some() {
            return None;
        }
        let response = match (self_grade, &question.body) {
            (Some(g), Body::Flashcard { .. }) if self.current().revealed => Response::SelfGrade(g),
            (None, _) => self.draft_response(question)?,
            _ => return None,
        };
        let correct = grade(question, &response);
        self.current_mut().answer = Some(Answer {
            response,
            correct,
            at_ms: now_ms,
        });
        // In an exam nothing is shown between questions, so move straight on.
        if self.mode == Mode::Exam && !self.is_last() {
            self.position += 1;
        }
        Some(correct)
    }

    pub fn next(&mut self) {
        if self.position + 1 < self.ids.len() {
            self.position += 1;
        }
    }

    pub fn previous(&mut self) {
        self.position = self.position.saturating_sub(1);
    }

    pub fn finish(&mut self, now_ms: f64) {
        if self.finished_ms.is_none() {
            self.finished_ms = Some(now_ms);
        }
    }

    /// Drops questions that no longer exist in the bank (a stale saved quiz).
    pub fn retain_known(&mut self, known: impl Fn(&str) -> bool) {
        let current = self.ids.get(self.position).cloned();
        let (ids, entries): (Vec<_>, Vec<_>) = self
            .ids
            .drain(..)
            .zip(self.entries.drain(..))
            .filter(|(id, _)| known(id))
            .unzip();
        self.ids = ids;
        self.entries = entries;
        self.position = current
            .and_then(|c| self.ids.iter().position(|i| *i == c))
            .unwrap_or(0);
    }

    pub fn summary(&self) -> Summary {
        let outcomes: Vec<(String, Option<bool>)> = self
            .ids
            .iter()
            .zip(&self.entries)
            .map(|(id, e)| (id.clone(), e.answer.as_ref().map(|a| a.correct)))
            .collect();
        let end = self.finished_ms.unwrap_or(self.started_ms);
        Summary {
            correct: outcomes.iter().filter(|(_, o)| *o == Some(true)).count(),
            answered: self.answered_count(),
            total: self.ids.len(),
            duration_ms: (end - self.started_ms).max(0.0),
            outcomes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{test_question, Choice};

    fn q(id: &str, body: Body) -> Question {
        test_question(id, body)
    }

    fn single(id: &str) -> Question {
        let options = vec![
            Choice {
                html: "a".into(),
                correct: false,
                why: None,
            },
            Choice {
                html: "b".into(),
                correct: true,
                why: None,
            },
        ];
        q(id, Body::Single { options })
    }

    fn session(n: usize, mode: Mode) -> Session {
        Session::new((0..n).map(|i| format!("q-{i}")).collect(), mode, 1000.0)
    }

    #[test]
    fn practice_answer_then_next_then_finish() {
        let mut s = session(2, Mode::Practice);
        let q0 = single("q-0");
        assert_eq!(s.submit(&q0, None, 1100.0), None, "nothing picked yet");
        s.toggle(&q0, 1);
        assert_eq!(s.submit(&q0, None, 1200.0), Some(true));
        assert_eq!(s.position, 0, "practice stays to show feedback");
        assert_eq!(
            s.submit(&q0, None, 1300.0),
            None,
            "an answer is recorded once"
        );
        s.toggle(&q0, 0);
        assert_eq!(
            s.current().selected,
            vec![1],
            "an answered question is locked"
        );
        s.next();
        let q1 = single("q-1");
        s.toggle(&q1, 0);
        assert_eq!(s.submit(&q1, None, 1400.0), Some(false));
        s.finish(5000.0);
        let sum = s.summary();
        assert_eq!((sum.correct, sum.answered, sum.total), (1, 2, 2));
        assert_eq!(sum.duration_ms, 4000.0);
        assert_eq!(sum.percent(), 50);
        assert_eq!(sum.missed(), vec!["q-1".to_string()]);
        assert_eq!(
            s.submit(&q1, None, 6000.0),
            None,
            "a finished quiz takes no answers"
        );
    }

    #[test]
    fn exam_moves_on_after_each_answer() {
        let mut s = session(2, Mode::Exam);
        let q0 = single("q-0");
        s.toggle(&q0, 1);
        s.submit(&q0, None, 0.0);
        assert_eq!(s.position, 1);
        let q1 = single("q-1");
        s.toggle(&q1, 1);
        s.submit(&q1, None, 0.0);
        assert_eq!(s.position, 1, "the last question stays put");
    }

    #[test]
    fn multi_toggles_and_single_replaces() {
        let mut s = session(1, Mode::Practice);
        let options = (0..3)
            .map(|i| Choice {
                html: i.to_string(),
                correct: i != 1,
                why: None,
            })
            .collect();
        let m = q("q-0", Body::Multi { options });
        s.toggle(&m, 2);
        s.toggle(&m, 0);
        s.toggle(&m, 1);
        s.toggle(&m, 1);
        assert_eq!(s.current().selected, vec![0, 2]);
        s.toggle(&m, 7);
        assert_eq!(s.current().selected, vec![0, 2], "out of range is ignored");
        assert_eq!(s.submit(&m, None, 0.0), Some(true));

        let mut s = session(1, Mode::Practice);
        let one = single("q-0");
        s.toggle(&one, 0);
        s.toggle(&one, 1);
        assert_eq!(s.current().selected, vec![1]);
    }

    #[test]
    fn short_answer_uses_the_typed_text() {
        let mut s = session(1, Mode::Practice);
        let short = q(
            "q-0",
            Body::Short {
                answers: vec!["nonlocal".into()],
                prose: false,
            },
        );
        s.type_text("  ".into());
        assert_eq!(s.submit(&short, None, 0.0), None, "blank is not an answer");
        s.type_text(" nonlocal ".into());
        assert_eq!(s.submit(&short, None, 0.0), Some(true));
    }

    #[test]
    fn flashcard_needs_reveal_then_a_grade() {
        let mut s = session(1, Mode::Practice);
        let card = q(
            "q-0",
            Body::Flashcard {
                answer: String::new(),
                checklist: vec![],
            },
        );
        assert_eq!(
            s.submit(&card, Some(Grade::Good), 0.0),
            None,
            "grade before reveal"
        );
        s.reveal();
        assert_eq!(s.submit(&card, None, 0.0), None, "no grade given");
        assert_eq!(s.submit(&card, Some(Grade::Again), 0.0), Some(false));
        assert_eq!(
            s.current().answer.as_ref().map(|a| &a.response),
            Some(&Response::SelfGrade(Grade::Again))
        );
    }

    #[test]
    fn navigation_stays_in_bounds() {
        let mut s = session(3, Mode::Practice);
        s.previous();
        assert_eq!(s.position, 0);
        s.next();
        s.next();
        assert_eq!(s.position, 2);
        s.next();
        assert_eq!(s.position, 2, "next stops at the last question");
    }

    #[test]
    fn skipped_questions_count_as_missed() {
        let mut s = session(3, Mode::Practice);
        s.finish(2000.0);
        let sum = s.summary();
        assert_eq!((sum.correct, sum.answered), (0, 0));
        assert_eq!(sum.missed().len(), 3);
        assert_eq!(sum.outcomes[0].1, None);
    }

    #[test]
    fn retain_known_keeps_the_current_question() {
        let mut s = session(4, Mode::Practice);
        s.next();
        s.next();
        s.retain_known(|id| id != "q-1");
        assert_eq!(s.ids, ["q-0", "q-2", "q-3"]);
        assert_eq!(s.entries.len(), 3);
        assert_eq!(s.current_id(), "q-2");
    }

    #[test]
    fn consistency_check_catches_tampered_data() {
        let mut s = session(2, Mode::Practice);
        assert!(s.is_consistent());
        s.position = 5;
        assert!(!s.is_consistent());
        let mut s = session(2, Mode::Practice);
        s.entries.pop();
        assert!(!s.is_consistent());
    }
}
