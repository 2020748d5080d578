//! A quiz being taken: which questions, in which order, and what happened so far. Every method
//! is a pure state transition with the time passed in; `quiz::runner` maps actions onto them.

use super::grade::{grade, Grade, Response};
use crate::bank::{Body, Kind, Question};

/// Practice shows feedback after every answer; an exam only at the end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Practice,
    Exam,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Exam => "exam",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "practice" => Some(Mode::Practice),
            "exam" => Some(Mode::Exam),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Mode::Practice => "Practice",
            Mode::Exam => "Exam",
        }
    }
}

/// A graded answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub response: Response,
    pub correct: bool,
    pub at_ms: f64,
}

/// One question's place in a session: the learner's draft, then the answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Slot {
    /// Keys of the picked options (single, multi, output).
    pub picked: Vec<String>,
    pub text: String,
    /// Flashcards: the model answer is showing.
    pub revealed: bool,
    pub hint_shown: bool,
    /// Exams: marked for another look before finishing.
    pub flagged: bool,
    /// The learner has been shown this question (a skip only counts if it was seen).
    pub seen: bool,
    /// Time spent on this question so far.
    pub spent_ms: f64,
    pub answer: Option<Answer>,
}

/// What an answer means for the learner's history: the scheduler's grade for one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    pub grade: Grade,
    pub correct: bool,
    /// Seen, then left without an answer.
    pub skipped: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub ids: Vec<String>,
    pub mode: Mode,
    pub position: usize,
    pub slots: Vec<Slot>,
    pub started_ms: f64,
    pub finished_ms: Option<f64>,
    /// Exams: the time allowed, if limited.
    pub time_limit_ms: Option<f64>,
    /// When the learner arrived at the current question.
    pub entered_ms: f64,
    /// False when cramming: answers are shown and counted but change no schedule.
    pub scheduled: bool,
    /// Why the app started it (`due`, `mistakes`, `friend:3-5`…, see `state::Purpose`), so
    /// it can be named; `None` for a quiz picked by topic or opened from a link.
    pub purpose: Option<String>,
}

/// The results of a finished (or ended) session.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub correct: usize,
    pub answered: usize,
    pub total: usize,
    pub duration_ms: f64,
    /// A timed exam that ran out of time and handed itself in.
    pub timed_out: bool,
    /// An exam's flashcards the learner graded: not counted in `correct`, which holds only the
    /// answers pyquiz checked. (Their grades still schedule reviews, see `Session::submit`.)
    pub self_graded: usize,
    /// Per question in quiz order: `None` if not answered; a self-graded flashcard is right
    /// unless graded Again, so "retry the ones I missed" takes what the learner says they missed.
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

    /// Why the score leaves out the exam's self-graded flashcards, if it has any.
    pub fn self_graded_note(&self) -> Option<String> {
        match self.self_graded {
            0 => None,
            1 => Some(
                "1 self-graded flashcard is not counted as right: an exam's score counts only \
                 answers pyquiz can check. Your grade still schedules its review."
                    .into(),
            ),
            n => Some(format!(
                "{n} self-graded flashcards are not counted as right: an exam's score counts \
                 only answers pyquiz can check. Your grades still schedule their reviews."
            )),
        }
    }

    /// The ids not answered right (wrong or skipped), for "retry the ones I missed".
    pub fn not_right(&self) -> Vec<String> {
        self.outcomes
            .iter()
            .filter(|(_, o)| *o != Some(true))
            .map(|(id, _)| id.clone())
            .collect()
    }
}

impl Session {
    pub fn new(ids: Vec<String>, mode: Mode, now_ms: f64) -> Session {
        let mut slots = vec![Slot::default(); ids.len()];
        if let Some(first) = slots.first_mut() {
            first.seen = true;
        }
        Session {
            ids,
            mode,
            position: 0,
            slots,
            started_ms: now_ms,
            finished_ms: None,
            time_limit_ms: None,
            entered_ms: now_ms,
            scheduled: true,
            purpose: None,
        }
    }

    /// Saved data is only trusted if its parts agree with each other.
    pub fn is_consistent(&self) -> bool {
        !self.ids.is_empty() && self.slots.len() == self.ids.len() && self.position < self.ids.len()
    }

    pub fn current_id(&self) -> &str {
        &self.ids[self.position]
    }

    pub fn current(&self) -> &Slot {
        &self.slots[self.position]
    }

    fn current_mut(&mut self) -> &mut Slot {
        &mut self.slots[self.position]
    }

    pub fn is_finished(&self) -> bool {
        self.finished_ms.is_some()
    }

    pub fn is_last(&self) -> bool {
        self.position + 1 == self.ids.len()
    }

    pub fn answered_count(&self) -> usize {
        self.slots.iter().filter(|s| s.answer.is_some()).count()
    }

    /// Questions that have an answer, or in an exam a complete draft that will be graded.
    pub fn done_count(&self, kind_of: impl Fn(&str) -> Option<Kind>) -> usize {
        self.ids
            .iter()
            .zip(&self.slots)
            .filter(|(id, s)| self.is_done(s, kind_of(id)))
            .count()
    }

    /// Answered, or (exam) holding a complete draft.
    pub fn is_done(&self, slot: &Slot, kind: Option<Kind>) -> bool {
        slot.answer.is_some() || self.mode == Mode::Exam && has_draft(slot, kind)
    }

    /// Whether the current question can still be changed. Exam drafts stay open to the end:
    /// they are graded only when the exam finishes.
    fn open(&self) -> bool {
        !self.is_finished() && self.current().answer.is_none()
    }

    /// Picks or un-picks an option by key (single and output: picks only that one).
    pub fn toggle(&mut self, question: &Question, key: &str) {
        if !self.open() || question.body.option(key).is_none() {
            return;
        }
        let multi = matches!(question.body, Body::Multi { .. });
        let slot = self.current_mut();
        if !multi {
            slot.picked = vec![key.to_string()];
        } else if let Some(at) = slot.picked.iter().position(|k| k == key) {
            slot.picked.remove(at);
        } else {
            slot.picked.push(key.to_string());
        }
    }

    pub fn type_text(&mut self, text: String) {
        if self.open() {
            self.current_mut().text = text;
        }
    }

    pub fn reveal(&mut self) {
        if !self.is_finished() {
            self.current_mut().revealed = true;
        }
    }

    /// Hints are for practice: an exam shows none.
    pub fn show_hint(&mut self) {
        if !self.is_finished() && self.mode == Mode::Practice {
            self.current_mut().hint_shown = true;
        }
    }

    pub fn toggle_flag(&mut self) {
        if !self.is_finished() {
            let slot = self.current_mut();
            slot.flagged = !slot.flagged;
        }
    }

    /// The response the current draft amounts to, if it is complete enough to submit.
    pub fn draft_response(&self, question: &Question) -> Option<Response> {
        draft_of(self.current(), &question.body)
    }

    /// Practice: grades the draft (or a flashcard's self-grade), locks the question and returns
    /// what to record. Exam: the draft waits to be graded at the end and the exam moves on; a
    /// flashcard's self-grade is final at once (its model answer has been seen).
    pub fn submit(
        &mut self,
        question: &Question,
        self_grade: Option<Grade>,
        now_ms: f64,
    ) -> Option<Outcome> {
        if !self.open() {
            return None;
        }
        let response = match (self_grade, &question.body) {
            (Some(g), Body::Flashcard { .. }) if self.current().revealed => Response::SelfGrade(g),
            (None, Body::Flashcard { .. }) | (Some(_), _) => return None,
            (None, _) => match self.draft_response(question) {
                Some(response) => response,
                // "Save and next" on an empty draft: an exam never blocks on one question.
                None if self.mode == Mode::Exam => {
                    self.next(now_ms);
                    return None;
                }
                None => return None,
            },
        };
        if self.mode == Mode::Exam && !matches!(response, Response::SelfGrade(_)) {
            self.next(now_ms);
            return None;
        }
        let outcome = self.record(question, response, now_ms);
        if self.mode == Mode::Exam {
            self.next(now_ms);
        }
        Some(outcome)
    }

    /// What the current question's answer means for the learner's history, once answered.
    pub fn current_outcome(&self) -> Option<Outcome> {
        let slot = self.current();
        let a = slot.answer.as_ref()?;
        Some(Outcome {
            id: self.current_id().to_string(),
            grade: rating(&a.response, a.correct, slot.hint_shown),
            correct: a.correct,
            skipped: false,
        })
    }

    fn record(&mut self, question: &Question, response: Response, now_ms: f64) -> Outcome {
        let correct = grade(question, &response);
        let hinted = self.current().hint_shown;
        let outcome = Outcome {
            id: self.current_id().to_string(),
            grade: rating(&response, correct, hinted),
            correct,
            skipped: false,
        };
        self.current_mut().answer = Some(Answer {
            response,
            correct,
            at_ms: now_ms,
        });
        outcome
    }

    pub fn next(&mut self, now_ms: f64) {
        if self.position + 1 < self.ids.len() {
            self.go_to(self.position + 1, now_ms);
        }
    }

    pub fn previous(&mut self, now_ms: f64) {
        if self.position > 0 {
            self.go_to(self.position - 1, now_ms);
        }
    }

    /// Moves to question `index`, adding the time spent on the one being left.
    pub fn go_to(&mut self, index: usize, now_ms: f64) {
        if index >= self.ids.len() || index == self.position {
            return;
        }
        self.leave(now_ms);
        self.position = index;
        self.slots[index].seen = true;
    }

    fn leave(&mut self, now_ms: f64) {
        if !self.is_finished() {
            let spent = (now_ms - self.entered_ms).max(0.0);
            self.current_mut().spent_ms += spent;
        }
        self.entered_ms = now_ms;
    }

    /// The exam's end, if it has a time limit.
    pub fn deadline_ms(&self) -> Option<f64> {
        self.time_limit_ms.map(|limit| self.started_ms + limit)
    }

    /// Time left in a timed exam, never below zero.
    pub fn remaining_ms(&self, now_ms: f64) -> Option<f64> {
        self.deadline_ms().map(|d| (d - now_ms).max(0.0))
    }

    /// Ends a timed exam whose time is up, as if "Finish" was pressed at the deadline.
    pub fn tick<'q>(
        &mut self,
        question: impl Fn(&str) -> Option<&'q Question>,
        now_ms: f64,
    ) -> Vec<Outcome> {
        match self.deadline_ms() {
            Some(deadline) if !self.is_finished() && now_ms >= deadline => {
                self.finish(question, deadline)
            }
            _ => Vec::new(),
        }
    }

    /// Exam drafts that cannot be graded yet because their question has not loaded (or failed
    /// to): grading without the question would turn an answer into a skip, so finishing waits.
    pub fn drafts_waiting<'q>(&self, question: impl Fn(&str) -> Option<&'q Question>) -> usize {
        if self.mode != Mode::Exam {
            return 0;
        }
        self.ids
            .iter()
            .zip(&self.slots)
            .filter(|(id, slot)| {
                slot.answer.is_none()
                    && (!slot.picked.is_empty() || !slot.text.trim().is_empty())
                    && question(id).is_none()
            })
            .count()
    }

    /// Ends the session. An exam grades its complete drafts now (`question` finds a loaded
    /// question by id); every question seen but left unanswered comes back as skipped. An exam
    /// with drafts still waiting for their questions does not end (see `drafts_waiting`).
    pub fn finish<'q>(
        &mut self,
        question: impl Fn(&str) -> Option<&'q Question>,
        now_ms: f64,
    ) -> Vec<Outcome> {
        if self.is_finished() || self.drafts_waiting(&question) > 0 {
            return Vec::new();
        }
        self.leave(now_ms);
        self.finished_ms = Some(now_ms);
        let mut out = Vec::new();
        for (id, slot) in self.ids.iter().zip(self.slots.iter_mut()) {
            if slot.answer.is_some() {
                continue;
            }
            let draft = question(id).and_then(|q| draft_of(slot, &q.body).map(|r| (q, r)));
            match draft {
                Some((q, response)) if self.mode == Mode::Exam => {
                    let correct = grade(q, &response);
                    out.push(Outcome {
                        id: id.clone(),
                        grade: rating(&response, correct, false),
                        correct,
                        skipped: false,
                    });
                    slot.answer = Some(Answer {
                        response,
                        correct,
                        at_ms: now_ms,
                    });
                }
                _ if slot.seen => out.push(Outcome {
                    id: id.clone(),
                    grade: Grade::Again,
                    correct: false,
                    skipped: true,
                }),
                _ => {}
            }
        }
        out
    }

    /// Drops questions that no longer exist in the bank (a stale saved quiz).
    pub fn retain_known(&mut self, known: impl Fn(&str) -> bool) {
        let current = self.ids.get(self.position).cloned();
        let (ids, slots): (Vec<_>, Vec<_>) = self
            .ids
            .drain(..)
            .zip(self.slots.drain(..))
            .filter(|(id, _)| known(id))
            .unzip();
        self.ids = ids;
        self.slots = slots;
        self.position = current
            .and_then(|c| self.ids.iter().position(|i| *i == c))
            .unwrap_or(0);
    }

    pub fn summary(&self) -> Summary {
        let outcomes: Vec<(String, Option<bool>)> = self
            .ids
            .iter()
            .zip(&self.slots)
            .map(|(id, s)| (id.clone(), s.answer.as_ref().map(|a| a.correct)))
            .collect();
        let end = self.finished_ms.unwrap_or(self.started_ms);
        let answers = || self.slots.iter().filter_map(|s| s.answer.as_ref());
        let self_graded =
            |a: &Answer| self.mode == Mode::Exam && matches!(a.response, Response::SelfGrade(_));
        Summary {
            correct: answers().filter(|a| a.correct && !self_graded(a)).count(),
            self_graded: answers().filter(|a| self_graded(a)).count(),
            answered: self.answered_count(),
            total: self.ids.len(),
            duration_ms: (end - self.started_ms).max(0.0),
            timed_out: matches!((self.finished_ms, self.deadline_ms()), (Some(f), Some(d)) if f >= d),
            outcomes,
        }
    }
}

fn has_draft(slot: &Slot, kind: Option<Kind>) -> bool {
    match kind {
        Some(Kind::Short) => !slot.text.trim().is_empty(),
        Some(Kind::Flashcard) => slot.answer.is_some(),
        Some(_) => !slot.picked.is_empty(),
        None => false,
    }
}

fn draft_of(slot: &Slot, body: &Body) -> Option<Response> {
    match body {
        Body::Single { .. } | Body::Multi { .. } | Body::Output { .. }
            if !slot.picked.is_empty() =>
        {
            Some(Response::Choices(slot.picked.clone()))
        }
        Body::Short { .. } if !slot.text.trim().is_empty() => {
            Some(Response::Text(slot.text.clone()))
        }
        _ => None,
    }
}

/// The scheduler's grade for an answer: a flashcard's own grade; otherwise right is Good (Hard
/// if the hint was used) and wrong is Again.
fn rating(response: &Response, correct: bool, hinted: bool) -> Grade {
    match response {
        Response::SelfGrade(g) => *g,
        _ if !correct => Grade::Again,
        _ if hinted => Grade::Hard,
        _ => Grade::Good,
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
