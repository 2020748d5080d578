//! The quiz as both the app and the embed run it: the session, the questions downloaded so far,
//! and the events an embed reports to its host page. One `apply` per action, pure.

use super::{primary, Grade, Outcome, Primary, Session};
use crate::bank::{Chunk, Question};
use std::collections::BTreeMap;
use std::rc::Rc;

/// What an embedded quiz tells the page around it (see `embed/embed.js`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostEvent {
    Answered {
        id: String,
        correct: bool,
    },
    Completed {
        score: usize,
        total: usize,
        ids: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuizAction {
    Loaded(Rc<Chunk>),
    LoadFailed {
        topic: String,
        message: String,
    },
    Start(Session),
    Pick(String),
    Type(String),
    Reveal,
    Hint,
    Flag,
    Submit {
        now: f64,
    },
    SelfGrade {
        grade: Grade,
        now: f64,
    },
    Next {
        now: f64,
    },
    Previous {
        now: f64,
    },
    GoTo {
        index: usize,
        now: f64,
    },
    Finish {
        now: f64,
    },
    /// Time passes: a timed exam ends at its deadline.
    Tick {
        now: f64,
    },
    Discard,
}

/// Events kept for the host page: plenty for any burst between two renders.
const OUTBOX_KEEP: usize = 64;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Runner {
    pub session: Option<Session>,
    /// Questions of the chunks fetched so far, by id (shared, so a clone is cheap).
    pub questions: Rc<BTreeMap<String, Rc<Question>>>,
    /// Topics whose chunk could not be fetched, with the reason.
    pub failed: BTreeMap<String, String>,
    /// Numbered events for the host page; an effect posts those it has not posted yet.
    pub outbox: Vec<(u64, HostEvent)>,
    next_event: u64,
    /// When the exam ends once the questions its drafts wait for have loaded: a finish was
    /// asked for, or the deadline passed, while some could not be graded yet.
    pub finishing: Option<f64>,
    /// Ids the quiz named that their topic's chunk does not have (retired, or mistyped in an
    /// embed's `data-ids`): left out, so the quiz never waits for them.
    pub missing: Vec<String>,
}

/// What an action can change in a session besides the draft and the answers, compared before
/// and after it instead of comparing (or cloning) the whole session.
#[derive(Clone, Copy, PartialEq)]
struct Marks {
    position: usize,
    finished: bool,
    answered: bool,
    revealed: bool,
    hint_shown: bool,
    flagged: bool,
}

impl Marks {
    fn of(s: &Session) -> Marks {
        let slot = s.current();
        Marks {
            position: s.position,
            finished: s.is_finished(),
            answered: slot.answer.is_some(),
            revealed: slot.revealed,
            hint_shown: slot.hint_shown,
            flagged: slot.flagged,
        }
    }
}

/// What one action did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    /// The answers to record in the learner's history.
    pub outcomes: Vec<Outcome>,
    /// Anything changed (a no-op, such as a tick before the deadline, re-renders nothing).
    pub changed: bool,
    /// The session changed (it is to be saved); loading questions changes only the runner.
    pub session_changed: bool,
}

impl Runner {
    /// The question at the session's position, once its chunk has arrived.
    pub fn current_question(&self) -> Option<&Rc<Question>> {
        let s = self.session.as_ref()?;
        self.questions.get(s.current_id())
    }

    pub fn question(&self, id: &str) -> Option<&Rc<Question>> {
        self.questions.get(id)
    }

    /// The main button for the question on screen: it waits while a finish waits for questions.
    pub fn primary(&self) -> Option<(Primary, bool)> {
        let s = self.session.as_ref()?;
        if self.finishing.is_some() && !s.is_finished() {
            return Some((Primary::Wait, false));
        }
        Some(primary(s, self.current_question().map(|q| &**q)))
    }

    /// Applies one action.
    pub fn apply(&mut self, action: QuizAction) -> Applied {
        use QuizAction as A;
        match action {
            A::Loaded(chunk) => {
                self.failed.remove(&chunk.topic);
                let qs = Rc::make_mut(&mut self.questions);
                for q in &chunk.questions {
                    qs.insert(q.id.clone(), Rc::clone(q));
                }
                let dropped = self.drop_missing(&chunk);
                // A finish that waited for these questions can happen now.
                let mut done = match self.finishing {
                    Some(at) if self.session.is_some() => self.in_session(A::Finish { now: at }),
                    _ => Applied::default(),
                };
                done.changed = true;
                done.session_changed |= dropped;
                done
            }
            A::LoadFailed { topic, message } => {
                let changed = self.failed.get(&topic) != Some(&message);
                self.failed.insert(topic, message);
                Applied {
                    changed,
                    ..Applied::default()
                }
            }
            A::Start(session) => {
                self.session = Some(session);
                self.finishing = None;
                Applied {
                    changed: true,
                    session_changed: true,
                    ..Applied::default()
                }
            }
            A::Discard => {
                let changed = self.session.take().is_some();
                self.finishing = None;
                Applied {
                    changed,
                    session_changed: changed,
                    ..Applied::default()
                }
            }
            action => self.in_session(action),
        }
    }

    /// Leaves out of the quiz the ids of `chunk`'s topic that it does not hold; true if any.
    /// A quiz left with no question at all ends (there is nothing to show or to save).
    fn drop_missing(&mut self, chunk: &Chunk) -> bool {
        let Some(s) = self.session.as_mut() else {
            return false;
        };
        let in_topic = |id: &str| crate::bank::topic_of(id).is_some_and(|t| t.id == chunk.topic);
        let held = |id: &str| chunk.questions.iter().any(|q| q.id == id);
        let gone: Vec<String> = s
            .ids
            .iter()
            .filter(|id| in_topic(id) && !held(id))
            .cloned()
            .collect();
        if gone.is_empty() {
            return false;
        }
        s.retain_known(|id| !gone.iter().any(|g| g == id));
        if s.ids.is_empty() {
            self.session = None;
            self.finishing = None;
        }
        self.missing.extend(gone);
        true
    }

    fn in_session(&mut self, action: QuizAction) -> Applied {
        use QuizAction as A;
        let questions = Rc::clone(&self.questions);
        let lookup = |id: &str| questions.get(id).map(|q| &**q);
        let Some(s) = self.session.as_mut() else {
            return Applied::default();
        };
        let current = questions.get(s.current_id()).cloned();
        let was_finished = s.is_finished();
        let before = Marks::of(s);
        // The draft is compared only by the actions that edit it.
        let mut draft_changed = false;
        let mut finishing = self.finishing;
        let outcomes: Vec<Outcome> = match action {
            A::Pick(key) => {
                let before = s.current().picked.clone();
                if let Some(q) = &current {
                    s.toggle(q, &key);
                }
                draft_changed = s.current().picked != before;
                Vec::new()
            }
            A::Type(text) => {
                draft_changed = s.current().text != text;
                s.type_text(text);
                Vec::new()
            }
            A::Reveal => {
                s.reveal();
                Vec::new()
            }
            A::Hint => {
                s.show_hint();
                Vec::new()
            }
            A::Flag => {
                s.toggle_flag();
                Vec::new()
            }
            A::Submit { now } => current
                .and_then(|q| s.submit(&q, None, now))
                .into_iter()
                .collect(),
            A::SelfGrade { grade, now } => current
                .and_then(|q| s.submit(&q, Some(grade), now))
                .into_iter()
                .collect(),
            A::Next { now } => {
                s.next(now);
                Vec::new()
            }
            A::Previous { now } => {
                s.previous(now);
                Vec::new()
            }
            A::GoTo { index, now } => {
                s.go_to(index, now);
                Vec::new()
            }
            A::Finish { now } => {
                let out = s.finish(lookup, now);
                if !s.is_finished() {
                    finishing = Some(now);
                }
                out
            }
            A::Tick { now } => {
                let out = s.tick(lookup, now);
                if let Some(deadline) = s.deadline_ms().filter(|d| now >= *d) {
                    if !s.is_finished() {
                        finishing = Some(deadline);
                    }
                }
                out
            }
            A::Loaded(_) | A::LoadFailed { .. } | A::Start(_) | A::Discard => Vec::new(),
        };
        if s.is_finished() {
            finishing = None;
        }
        let session_changed = draft_changed || !outcomes.is_empty() || Marks::of(s) != before;
        let completed = (!was_finished && s.is_finished()).then(|| {
            let sum = s.summary();
            HostEvent::Completed {
                score: sum.correct,
                total: sum.total,
                ids: s.ids.clone(),
            }
        });
        let changed = session_changed || finishing != self.finishing;
        self.finishing = finishing;
        // One `answered` per real answer, then `completed` when the session has just ended.
        for o in outcomes.iter().filter(|o| !o.skipped) {
            self.push(HostEvent::Answered {
                id: o.id.clone(),
                correct: o.correct,
            });
        }
        if let Some(event) = completed {
            self.push(event);
        }
        Applied {
            outcomes,
            changed,
            session_changed,
        }
    }

    fn push(&mut self, event: HostEvent) {
        self.next_event += 1;
        self.outbox.push((self.next_event, event));
        if self.outbox.len() > OUTBOX_KEEP {
            self.outbox.remove(0);
        }
    }
}

#[cfg(test)]
#[path = "runner_tests.rs"]
mod tests;
