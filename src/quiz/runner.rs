//! The quiz as both the app and the embed run it: the session, the questions downloaded so far,
//! and the events an embed reports to its host page. One `apply` per action, pure.

use super::{Grade, Outcome, Session};
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

    /// Applies one action; returns the answers to record in the learner's history.
    pub fn apply(&mut self, action: QuizAction) -> Vec<Outcome> {
        use QuizAction as A;
        match action {
            A::Loaded(chunk) => {
                self.failed.remove(&chunk.topic);
                let qs = Rc::make_mut(&mut self.questions);
                for q in &chunk.questions {
                    qs.insert(q.id.clone(), Rc::clone(q));
                }
                Vec::new()
            }
            A::LoadFailed { topic, message } => {
                self.failed.insert(topic, message);
                Vec::new()
            }
            A::Start(session) => {
                self.session = Some(session);
                Vec::new()
            }
            A::Discard => {
                self.session = None;
                Vec::new()
            }
            action => self.in_session(action),
        }
    }

    fn in_session(&mut self, action: QuizAction) -> Vec<Outcome> {
        use QuizAction as A;
        let questions = Rc::clone(&self.questions);
        let lookup = |id: &str| questions.get(id).map(|q| &**q);
        let Some(s) = self.session.as_mut() else {
            return Vec::new();
        };
        let current = questions.get(s.current_id()).cloned();
        let was_finished = s.is_finished();
        let outcomes: Vec<Outcome> = match action {
            A::Pick(key) => {
                if let Some(q) = &current {
                    s.toggle(q, &key);
                }
                Vec::new()
            }
            A::Type(text) => {
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
            A::Finish { now } => s.finish(lookup, now),
            A::Tick { now } => s.tick(lookup, now),
            A::Loaded(_) | A::LoadFailed { .. } | A::Start(_) | A::Discard => Vec::new(),
        };
        let completed = (!was_finished && s.is_finished()).then(|| {
            let sum = s.summary();
            HostEvent::Completed {
                score: sum.correct,
                total: sum.total,
                ids: s.ids.clone(),
            }
        });
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
        outcomes
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
mod tests {
    use super::*;
    use crate::bank::{test_question, Body, Choice};
    use crate::quiz::Mode;

    fn chunk() -> Rc<Chunk> {
        let o = |k: &str, c| Choice {
            key: k.into(),
            text: Vec::new(),
            correct: c,
            why: None,
        };
        let questions = ["t-1", "t-2", "t-3"]
            .iter()
            .map(|id| {
                test_question(
                    id,
                    Body::Single {
                        options: vec![o("a", false), o("b", true)],
                    },
                )
            })
            .map(Rc::new)
            .collect();
        Rc::new(Chunk {
            topic: "t".into(),
            questions,
        })
    }

    fn run(r: &mut Runner, actions: Vec<QuizAction>) -> Vec<Outcome> {
        actions.into_iter().flat_map(|a| r.apply(a)).collect()
    }

    fn ids() -> Vec<String> {
        vec!["t-1".into(), "t-2".into(), "t-3".into()]
    }

    #[test]
    fn answers_wait_for_the_question_to_load() {
        use QuizAction as A;
        let mut r = Runner::default();
        let out = run(
            &mut r,
            vec![
                A::Start(Session::new(ids(), Mode::Practice, 0.0)),
                A::Pick("b".into()),
                A::Submit { now: 1.0 },
            ],
        );
        assert!(out.is_empty());
        assert!(r.outbox.is_empty());
        r.apply(A::Loaded(chunk()));
        assert!(r.current_question().is_some());
    }

    #[test]
    fn practice_reports_each_answer_then_completion_once() {
        use QuizAction as A;
        let mut r = Runner::default();
        let out = run(
            &mut r,
            vec![
                A::Loaded(chunk()),
                A::Start(Session::new(ids(), Mode::Practice, 0.0)),
                A::Pick("b".into()),
                A::Submit { now: 1.0 },
                A::Submit { now: 1.5 },
                A::Next { now: 2.0 },
                A::Pick("a".into()),
                A::Submit { now: 3.0 },
                A::Finish { now: 4.0 },
                A::Finish { now: 5.0 },
            ],
        );
        let recorded: Vec<(&str, bool, bool)> = out
            .iter()
            .map(|o| (o.id.as_str(), o.correct, o.skipped))
            .collect();
        assert_eq!(recorded, [("t-1", true, false), ("t-2", false, false)]);
        let events: Vec<(u64, HostEvent)> = r.outbox.clone();
        assert_eq!(
            events,
            [
                (
                    1,
                    HostEvent::Answered {
                        id: "t-1".into(),
                        correct: true
                    }
                ),
                (
                    2,
                    HostEvent::Answered {
                        id: "t-2".into(),
                        correct: false
                    }
                ),
                (
                    3,
                    HostEvent::Completed {
                        score: 1,
                        total: 3,
                        ids: ids()
                    }
                ),
            ]
        );
    }

    #[test]
    fn an_exam_reports_its_answers_when_it_ends() {
        use QuizAction as A;
        let mut r = Runner::default();
        run(
            &mut r,
            vec![
                A::Loaded(chunk()),
                A::Start(Session::new(ids(), Mode::Exam, 0.0)),
                A::Pick("b".into()),
                A::Submit { now: 1.0 },
            ],
        );
        assert!(r.outbox.is_empty(), "nothing is told before the end");
        let out = r.apply(A::Finish { now: 2.0 });
        assert_eq!(out.len(), 2, "one answer, one seen and skipped");
        let kinds: Vec<&HostEvent> = r.outbox.iter().map(|(_, e)| e).collect();
        assert_eq!(kinds.len(), 2);
        assert!(matches!(
            kinds[1],
            HostEvent::Completed {
                score: 1,
                total: 3,
                ..
            }
        ));
    }

    #[test]
    fn a_timed_exam_completes_on_a_tick() {
        use QuizAction as A;
        let mut s = Session::new(ids(), Mode::Exam, 0.0);
        s.time_limit_ms = Some(1000.0);
        let mut r = Runner::default();
        run(
            &mut r,
            vec![A::Loaded(chunk()), A::Start(s), A::Tick { now: 500.0 }],
        );
        assert!(r.outbox.is_empty());
        r.apply(A::Tick { now: 1500.0 });
        assert!(r.session.as_ref().unwrap().is_finished());
        assert!(matches!(
            r.outbox.last(),
            Some((_, HostEvent::Completed { .. }))
        ));
    }

    #[test]
    fn the_outbox_keeps_only_recent_events() {
        let mut r = Runner::default();
        for i in 0..200 {
            r.push(HostEvent::Answered {
                id: format!("x-{i}"),
                correct: true,
            });
        }
        assert_eq!(r.outbox.len(), OUTBOX_KEEP);
        assert_eq!(r.outbox.last().map(|(n, _)| *n), Some(200));
    }
}
