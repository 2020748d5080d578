//! The app's state and every change to it: one `Reducible`, one `Action` match, as in yew's
//! `function_todomvc`. Pure and tested natively; effects (storage, fetching, postMessage) live
//! in `ui` hooks and `platform`.

use crate::bank::{question_meta, Chunk, Question};
use crate::progress::Progress;
use crate::quiz::{Filters, Grade, Mode, Session};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
}

/// A message shown above the page until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub progress: Progress,
    /// Questions of the chunks fetched so far, by id.
    pub questions: BTreeMap<String, Rc<Question>>,
    /// Topics whose chunk could not be fetched, with the reason.
    pub failed_topics: BTreeMap<String, String>,
    pub notices: Vec<Notice>,
    next_notice: u32,
    /// Embeds do not touch the learner's saved progress.
    pub persist: bool,
}

pub enum Action {
    ChunkLoaded(Rc<Chunk>),
    ChunkFailed {
        topic: String,
        message: String,
    },
    /// Starts a quiz of these ids (unknown ones are left out with a notice).
    Start {
        ids: Vec<String>,
        mode: Mode,
        now: f64,
    },
    Toggle(usize),
    Type(String),
    Reveal,
    ShowHint,
    Submit {
        now: f64,
    },
    SelfGrade {
        grade: Grade,
        now: f64,
    },
    Next,
    Previous,
    Finish {
        now: f64,
    },
    /// Drops the quiz in progress.
    Discard,
    /// Another tab saved progress: take in its newer answers.
    MergeSaved(Box<Progress>),
    SetFilters(Filters),
    SetMode(Mode),
    ResetProgress,
    Notify(NoticeKind, String),
    Dismiss(u32),
}

impl AppState {
    pub fn new(progress: Progress, persist: bool) -> AppState {
        let mut state = AppState {
            progress,
            questions: BTreeMap::new(),
            failed_topics: BTreeMap::new(),
            notices: Vec::new(),
            next_notice: 1,
            persist,
        };
        state.drop_deleted_from_saved_quiz();
        state
    }

    /// A quiz saved before a question was deleted from the bank would wait for it forever:
    /// leave such questions out (and the quiz, if none are left), and say so.
    fn drop_deleted_from_saved_quiz(&mut self) {
        let Some(session) = self.progress.current.as_mut() else {
            return;
        };
        let before = session.ids.len();
        session.retain_known(|id| question_meta(id).is_some());
        let gone = before - session.ids.len();
        if session.ids.is_empty() {
            self.progress.current = None;
        }
        if gone > 0 {
            self.notify(
                NoticeKind::Warning,
                format!("{gone} question(s) of your saved quiz no longer exist and were left out."),
            );
        }
    }

    pub fn session(&self) -> Option<&Session> {
        self.progress.current.as_ref()
    }

    /// The question at the session's position, once its chunk has arrived.
    pub fn current_question(&self) -> Option<&Rc<Question>> {
        self.session()
            .and_then(|s| self.questions.get(s.current_id()))
    }

    pub fn notify(&mut self, kind: NoticeKind, text: impl Into<String>) {
        let text = text.into();
        // The same warning (e.g. "cannot save") would otherwise pile up after every answer.
        if self.notices.iter().any(|n| n.text == text) {
            return;
        }
        self.notices.push(Notice {
            id: self.next_notice,
            kind,
            text,
        });
        self.next_notice += 1;
    }

    fn start(&mut self, ids: Vec<String>, mode: Mode, now: f64) {
        let (known, missing): (Vec<String>, Vec<String>) =
            ids.into_iter().partition(|id| question_meta(id).is_some());
        if !missing.is_empty() {
            let n = missing.len();
            let what = if n == 1 {
                "1 question".to_string()
            } else {
                format!("{n} questions")
            };
            let rest = if known.is_empty() {
                String::new()
            } else {
                " The rest are ready below.".to_string()
            };
            self.notify(
                NoticeKind::Warning,
                format!("{what} in this quiz no longer exist and were left out.{rest}"),
            );
        }
        if known.is_empty() {
            self.notify(
                NoticeKind::Warning,
                "None of the questions in this quiz exist any more.",
            );
            return;
        }
        self.progress.current = Some(Session::new(known, mode, now));
    }

    /// Runs `f` on the session and its current question, if both are available.
    fn with_question(
        &mut self,
        f: impl FnOnce(&mut Session, &Question) -> Option<(bool, Option<Grade>)>,
        now: f64,
    ) {
        let Some(session) = self.progress.current.as_mut() else {
            return;
        };
        let Some(question) = self.questions.get(session.current_id()).cloned() else {
            return;
        };
        if let Some((correct, grade)) = f(session, &question) {
            self.progress.record(&question.id, correct, grade, now);
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::ChunkLoaded(chunk) => {
                s.failed_topics.remove(&chunk.topic);
                for q in &chunk.questions {
                    s.questions.insert(q.id.clone(), Rc::new(q.clone()));
                }
            }
            Action::ChunkFailed { topic, message } => {
                s.failed_topics.insert(topic, message);
            }
            Action::Start { ids, mode, now } => s.start(ids, mode, now),
            Action::Toggle(i) => s.with_question(
                |sess, q| {
                    sess.toggle(q, i);
                    None
                },
                0.0,
            ),
            Action::Type(text) => {
                if let Some(sess) = s.progress.current.as_mut() {
                    sess.type_text(text);
                }
            }
            Action::Reveal => {
                if let Some(sess) = s.progress.current.as_mut() {
                    sess.reveal();
                }
            }
            Action::ShowHint => {
                if let Some(sess) = s.progress.current.as_mut() {
                    sess.show_hint();
                }
            }
            Action::Submit { now } => {
                s.with_question(|sess, q| sess.submit(q, None, now).map(|c| (c, None)), now)
            }
            Action::SelfGrade { grade, now } => s.with_question(
                |sess, q| sess.submit(q, Some(grade), now).map(|c| (c, Some(grade))),
                now,
            ),
            Action::Next => {
                if let Some(sess) = s.progress.current.as_mut() {
                    sess.next();
                }
            }
            Action::Previous => {
                if let Some(sess) = s.progress.current.as_mut() {
                    sess.previous();
                }
            }
            Action::Finish { now } => {
                if let Some(sess) = s.progress.current.as_mut() {
                    sess.finish(now);
                }
            }
            Action::Discard => s.progress.current = None,
            Action::MergeSaved(other) => s.progress.merge_records(&other),
            Action::SetFilters(f) => s.progress.settings.filters = f,
            Action::SetMode(m) => s.progress.settings.mode = m,
            Action::ResetProgress => {
                s.progress.reset();
                s.notify(NoticeKind::Info, "Your progress was reset.");
            }
            Action::Notify(kind, text) => s.notify(kind, text),
            Action::Dismiss(id) => s.notices.retain(|n| n.id != id),
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{test_question, Body, Choice, QUESTIONS, TOPICS};

    fn fake_chunk(ids: &[&str]) -> Rc<Chunk> {
        let questions = ids
            .iter()
            .map(|id| {
                let options = vec![
                    Choice {
                        html: "no".into(),
                        correct: false,
                        why: None,
                    },
                    Choice {
                        html: "yes".into(),
                        correct: true,
                        why: None,
                    },
                ];
                test_question(id, Body::Single { options })
            })
            .collect();
        Rc::new(Chunk {
            topic: TOPICS[0].id.to_string(),
            questions,
        })
    }

    fn run(state: AppState, actions: Vec<Action>) -> AppState {
        let mut rc = Rc::new(state);
        for a in actions {
            rc = rc.reduce(a);
        }
        (*rc).clone()
    }

    fn real_ids(n: usize) -> Vec<String> {
        QUESTIONS.iter().take(n).map(|q| q.id.to_string()).collect()
    }

    #[test]
    fn answering_records_progress_once() {
        let ids = real_ids(2);
        let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let s = run(
            AppState::new(Progress::default(), true),
            vec![
                Action::Start {
                    ids: ids.clone(),
                    mode: Mode::Practice,
                    now: 1.0,
                },
                Action::ChunkLoaded(fake_chunk(&id_refs)),
                Action::Toggle(1),
                Action::Submit { now: 2.0 },
                Action::Submit { now: 3.0 },
                Action::Next,
                Action::Toggle(0),
                Action::Submit { now: 4.0 },
                Action::Finish { now: 5.0 },
            ],
        );
        assert_eq!(s.progress.questions[&ids[0]].attempts, 1);
        assert_eq!(s.progress.questions[&ids[0]].correct, 1);
        assert_eq!(s.progress.questions[&ids[1]].correct, 0);
        let sum = s.session().unwrap().summary();
        assert_eq!((sum.correct, sum.total, sum.duration_ms), (1, 2, 4.0));
        assert!(s.progress.unfinished().is_none());
    }

    #[test]
    fn answers_wait_for_the_question_to_load() {
        let s = run(
            AppState::new(Progress::default(), true),
            vec![
                Action::Start {
                    ids: real_ids(1),
                    mode: Mode::Practice,
                    now: 0.0,
                },
                Action::Toggle(1),
                Action::Submit { now: 1.0 },
            ],
        );
        assert!(s.progress.questions.is_empty());
        assert_eq!(s.session().unwrap().answered_count(), 0);
    }

    #[test]
    fn unknown_ids_are_left_out_with_a_notice() {
        let mut ids = real_ids(1);
        ids.push("gone-99".into());
        let s = run(
            AppState::new(Progress::default(), true),
            vec![Action::Start {
                ids,
                mode: Mode::Exam,
                now: 0.0,
            }],
        );
        assert_eq!(s.session().unwrap().ids.len(), 1);
        assert_eq!(s.session().unwrap().mode, Mode::Exam);
        assert!(
            s.notices[0]
                .text
                .contains("1 question in this quiz no longer exist"),
            "{:?}",
            s.notices
        );

        let s = run(
            AppState::new(Progress::default(), true),
            vec![Action::Start {
                ids: vec!["gone-1".into()],
                mode: Mode::Practice,
                now: 0.0,
            }],
        );
        assert!(s.session().is_none());
        assert!(s
            .notices
            .iter()
            .any(|n| n.text.starts_with("None of the questions")));
    }

    #[test]
    fn a_saved_quiz_loses_deleted_questions_on_load() {
        let mut ids = real_ids(2);
        ids.insert(1, "gone-99".into());
        let progress = Progress {
            current: Some(Session::new(ids.clone(), Mode::Practice, 0.0)),
            ..Progress::default()
        };
        let s = AppState::new(progress, true);
        assert_eq!(s.session().unwrap().ids, [ids[0].clone(), ids[2].clone()]);
        assert!(
            s.notices[0]
                .text
                .starts_with("1 question(s) of your saved quiz"),
            "{:?}",
            s.notices
        );

        let progress = Progress {
            current: Some(Session::new(vec!["gone-1".into()], Mode::Practice, 0.0)),
            ..Progress::default()
        };
        let s = AppState::new(progress, true);
        assert!(
            s.session().is_none(),
            "a quiz of deleted questions only is dropped"
        );
        assert_eq!(s.notices.len(), 1);

        let s = AppState::new(Progress::default(), true);
        assert!(s.notices.is_empty(), "nothing to say about a fresh start");
    }

    #[test]
    fn notices_are_not_repeated_and_can_be_dismissed() {
        let s = run(
            AppState::new(Progress::default(), true),
            vec![
                Action::Notify(NoticeKind::Warning, "x".into()),
                Action::Notify(NoticeKind::Warning, "x".into()),
                Action::Notify(NoticeKind::Info, "y".into()),
            ],
        );
        assert_eq!(s.notices.len(), 2);
        let id = s.notices[0].id;
        let s = run(s, vec![Action::Dismiss(id)]);
        assert_eq!(
            s.notices
                .iter()
                .map(|n| n.text.as_str())
                .collect::<Vec<_>>(),
            ["y"]
        );
    }

    #[test]
    fn reset_clears_history_and_says_so() {
        let mut p = Progress::default();
        p.record("a", true, None, 0.0);
        let s = run(AppState::new(p, true), vec![Action::ResetProgress]);
        assert!(s.progress.questions.is_empty());
        assert_eq!(s.notices.len(), 1);
    }

    #[test]
    fn chunk_failure_is_remembered_until_it_loads() {
        let topic = TOPICS[0].id.to_string();
        let s = run(
            AppState::new(Progress::default(), true),
            vec![Action::ChunkFailed {
                topic: topic.clone(),
                message: "offline".into(),
            }],
        );
        assert_eq!(s.failed_topics[&topic], "offline");
        let s = run(s, vec![Action::ChunkLoaded(fake_chunk(&["x-1"]))]);
        assert!(s.failed_topics.is_empty());
        assert!(s.questions.contains_key("x-1"));
    }
}
