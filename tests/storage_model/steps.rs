//! What each step does to the world, and how the model of which answers exist follows it.

use crate::ops::{chunk, ids, Op, DOCS, IDS};
use crate::world::{answers_of, World, FILE_T0};
use pyquiz::progress::schema::BackupReason;
use pyquiz::progress::store::{self, KeyValue};
use pyquiz::progress::Records;
use pyquiz::quiz::{Grade, Mode, Outcome, QuizAction};
use pyquiz::state::{Action, AppState, Purpose};

impl World {
    /// Runs one action in tab `i` (opening it if closed); answers it records join the model.
    fn act(&mut self, i: usize, action: impl FnOnce(&mut AppState, f64) -> Vec<Action>) {
        self.ensure_open(i);
        let now = self.now;
        let tab = self.tabs[i].as_mut().expect("open");
        let before = answers_of(&tab.state.records);
        for a in action(&mut tab.state, now) {
            tab.state.apply(a);
        }
        if tab.state.writable {
            for (key, grade) in answers_of(&tab.state.records) {
                if key.1 == now.to_bits() && !before.contains_key(&key) {
                    self.alive.insert(key, grade);
                }
            }
        }
        self.after(Some(i));
    }

    fn ensure_open(&mut self, i: usize) {
        if self.tabs[i].is_none() {
            self.open(i);
        }
    }

    /// A reset, undo or import in tab `i`: it changes the model only if the tab saves.
    fn bulk(&mut self, i: usize) -> bool {
        let Some(tab) = self.tabs[i].as_mut() else {
            return false;
        };
        tab.unsaved_bulk = tab.state.writable;
        tab.state.writable
    }

    fn file(&mut self, answers: &[(usize, bool)]) -> Records {
        let ids = ids();
        let mut r = Records::default();
        for (q, right) in answers {
            self.file_answers += 1;
            let grade = if *right { Grade::Good } else { Grade::Again };
            let o = Outcome {
                id: ids[*q].clone(),
                grade,
                correct: *right,
                skipped: false,
            };
            r.record(&o, FILE_T0 + self.file_answers as f64, 0.9, true);
        }
        r
    }

    /// Carries out `op`; false when it could change nothing (nothing to deliver, a storage
    /// already full, a close of the last tab…), so the last check still holds.
    pub fn step(&mut self, op: &Op) -> bool {
        self.now += 1.0;
        let tabs = self.tabs.len();
        let ids = ids();
        match op.clone() {
            Op::Answer(t, right) => self.act(t % tabs, |s, now| {
                let key = if right { "yes" } else { "no" };
                let answer = || {
                    vec![
                        Action::Quiz(QuizAction::Pick(key.into())),
                        Action::Quiz(QuizAction::Submit { now }),
                    ]
                };
                let Some(session) = s.session().filter(|s| !s.is_finished()) else {
                    // A new quiz, its first question answered at once.
                    let first = (now as usize) % (IDS - 2);
                    s.apply(Action::Start {
                        ids: ids[first..first + 3].to_vec(),
                        mode: Mode::Practice,
                        purpose: Purpose::Study,
                        now,
                    });
                    s.apply(Action::Quiz(QuizAction::Loaded(chunk())));
                    return answer();
                };
                if session.current().answer.is_some() {
                    // On to the next question, or (at the end) a new quiz on the next answer.
                    return vec![Action::Quiz(if session.is_last() {
                        QuizAction::Finish { now }
                    } else {
                        QuizAction::Next { now }
                    })];
                }
                answer()
            }),
            Op::Skip(t) => self.act(t % tabs, |_, now| {
                vec![Action::Quiz(QuizAction::Next { now })]
            }),
            Op::Finish(t) => self.act(t % tabs, |_, now| {
                vec![Action::Quiz(QuizAction::Finish { now })]
            }),
            Op::Start(t, first, len, exam) => self.act(t % tabs, |_, now| {
                let end = (first + len).min(IDS);
                vec![Action::Start {
                    ids: ids[first..end].to_vec(),
                    mode: if exam { Mode::Exam } else { Mode::Practice },
                    purpose: Purpose::Study,
                    now,
                }]
            }),
            Op::Reset(t) => {
                let i = t % tabs;
                self.ensure_open(i);
                // As the progress page does: the stored records are kept first.
                store::back_up_records(&self.store, BackupReason::Reset, self.now);
                self.act(i, |_, now| vec![Action::Reset { now }]);
                if self.bulk(i) {
                    self.alive.clear();
                }
            }
            Op::Undo(t) => {
                let i = t % tabs;
                let undo = self.tabs[i]
                    .as_ref()
                    .and_then(|tab| tab.state.undo_reset.clone());
                self.act(i, |_, now| vec![Action::UndoReset { now }]);
                if let Some(undo) = undo {
                    if self.bulk(i) {
                        self.alive.extend(answers_of(&undo.records));
                    }
                }
            }
            Op::Import(t, answers, replace) => {
                let file = self.file(&answers);
                let i = t % tabs;
                self.ensure_open(i);
                if replace {
                    store::back_up_records(&self.store, BackupReason::Import, self.now);
                }
                self.act(i, |_, now| {
                    let (records, settings) = (file.clone(), None);
                    vec![if replace {
                        Action::Replace {
                            records,
                            settings,
                            now,
                        }
                    } else {
                        Action::Adopt {
                            records,
                            settings,
                            now,
                        }
                    }]
                });
                if self.bulk(i) {
                    if replace {
                        self.alive.clear();
                    }
                    self.alive.extend(answers_of(&file));
                }
            }
            Op::Reload(t) => {
                self.close(t % tabs);
                self.open(t % tabs);
            }
            Op::Close(t) => {
                if self.tabs.iter().flatten().count() < 2 || self.tabs[t % tabs].is_none() {
                    return false;
                }
                self.close(t % tabs);
            }
            Op::Deliver(t) => return self.deliver(t % tabs),
            Op::Wait(ms) => self.wait(self.now + f64::from(ms)),
            Op::Full(on) => return self.store.full.replace(on) != on,
            Op::Newer(_) if !self.allow_newer => return false,
            Op::Newer(d) => {
                let key = DOCS[d].key().to_string();
                let text = format!("{{\"version\":3,\"at\":{}}}", self.now);
                self.external_write(&key, &text);
                self.newer = Some((key, text));
            }
            Op::Corrupt(d) => {
                let key = DOCS[d].key();
                let newer = self.newer.as_ref().is_some_and(|(k, _)| k == key);
                if newer || self.tabs.iter().all(Option::is_none) {
                    return false;
                }
                self.external_write(key, "{\"version\":2,\"records\":[");
            }
        }
        true
    }

    /// Another program writes: every tab hears of it.
    fn external_write(&mut self, key: &str, text: &str) {
        let full = self.store.full.replace(false);
        self.store.set(key, text).expect("room");
        self.store.full.set(full);
        self.after(None);
    }
}
