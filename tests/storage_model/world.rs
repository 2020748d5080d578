//! The simulated tabs over one shared store: each tab's state and saver, the `storage` events
//! each is sent, time passing, and the model of which answers exist.

use crate::json::{parse, Node};
use crate::ops::chunk;
use pyquiz::progress::saver::Saver;
use pyquiz::progress::schema::{decode_records, Doc};
use pyquiz::progress::store::{self, Change, KeyValue, Memory};
use pyquiz::progress::Records;
use pyquiz::quiz::{Grade, QuizAction};
use pyquiz::state::{saving, Action, AppState, NoticeKind};
use std::cell::OnceCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

pub const T0: f64 = 1_767_225_600_000.0;
/// Imported answers are from long before: their times never meet a live answer's.
pub const FILE_T0: f64 = 1_000_000_000_000.0;

pub type Store = Memory<Node>;

#[derive(Clone)]
pub struct Tab {
    pub state: AppState,
    pub saver: Saver,
    /// `storage` events not yet handled: key and new text (shared by the tabs told).
    pub inbox: VecDeque<Rc<StoreWrite>>,
    /// A reset, undo or import not yet written (storage was full).
    pub unsaved_bulk: bool,
}

/// A write to the store, as each other tab hears of it.
pub struct StoreWrite {
    key: String,
    /// The new text (`None`: removed).
    value: Option<String>,
    /// From outside the app (a newer version, garbage).
    external: bool,
    /// What it means, read once for all the tabs told.
    change: OnceCell<Option<Change>>,
}

/// Which answers exist: (question, time) → grade.
pub type Answers = BTreeMap<(String, u64), Grade>;

pub fn answers_of(records: &Records) -> Answers {
    let mut out = Answers::new();
    for (id, r) in &records.map {
        for e in &r.log {
            out.insert((id.clone(), e.at_ms.to_bits()), e.grade);
        }
    }
    out
}

#[derive(Clone)]
pub struct World {
    pub store: Store,
    pub tabs: Vec<Option<Tab>>,
    pub now: f64,
    /// The model: every answer that must be kept.
    pub alive: Answers,
    /// A newer version's document: its key and text, never to be touched.
    pub newer: Option<(String, String)>,
    /// A tab closed while storage was full with a reset, undo or import unwritten: which
    /// answers exist is then no longer known exactly, and only the other checks continue.
    pub lossy: bool,
    /// Whether this case lets a newer version write (after which answers are not checked).
    pub allow_newer: bool,
    pub file_answers: u64,
}

impl World {
    pub fn new(tabs: usize, allow_newer: bool) -> World {
        let mut w = World {
            store: Memory::new(parse),
            tabs: vec![None; tabs],
            now: T0,
            alive: Answers::new(),
            newer: None,
            lossy: false,
            allow_newer,
            file_answers: 0,
        };
        for i in 0..tabs {
            w.open(i);
        }
        w
    }

    pub(crate) fn open(&mut self, i: usize) {
        let loaded = store::load(&self.store, self.now);
        let mut state = AppState::new(
            loaded.records,
            loaded.settings,
            loaded.sessions,
            loaded.writable,
            self.now,
        );
        for text in loaded.notices {
            state.apply(Action::Notify(NoticeKind::Warning, text));
        }
        // As the app's root does.
        for doc in loaded.unreadable {
            state.apply(Action::FromOtherTab(Change::Lost(doc)));
        }
        self.tabs[i] = Some(Tab {
            state,
            saver: Saver::default(),
            inbox: VecDeque::new(),
            unsaved_bulk: false,
        });
        self.after(Some(i));
    }

    /// What every tab does after an action: the hook notes the counters; a quiz gets its
    /// questions; and the writes made are told to every other tab.
    pub(crate) fn after(&mut self, writer: Option<usize>) {
        let external = writer.is_none();
        for tab in self.tabs.iter_mut().flatten() {
            if tab.state.session().is_some() && tab.state.quiz.questions.is_empty() {
                tab.state.apply(Action::Quiz(QuizAction::Loaded(chunk())));
            }
            tab.saver.note(tab.state.changes, self.now);
        }
        for (key, value) in self.store.take_writes() {
            let write = Rc::new(StoreWrite {
                key,
                value,
                external,
                change: OnceCell::new(),
            });
            for (i, tab) in self.tabs.iter_mut().enumerate() {
                if let (Some(tab), false) = (tab, writer == Some(i)) {
                    tab.inbox.push_back(Rc::clone(&write));
                }
            }
        }
    }

    pub(crate) fn flush(&mut self, i: usize) {
        let Some(tab) = self.tabs[i].as_mut() else {
            return;
        };
        if let Some(report) = saving::flush(&tab.state, &mut tab.saver, &self.store, self.now) {
            tab.state.apply(report);
        }
        tab.unsaved_bulk &= !tab.saver.is_idle();
        self.after(Some(i));
    }

    pub(crate) fn deliver(&mut self, i: usize) -> bool {
        let Some(tab) = self.tabs[i].as_mut() else {
            return false;
        };
        let Some(write) = tab.inbox.pop_front() else {
            return false;
        };
        let change = write
            .change
            .get_or_init(|| store::change_of(&self.store, &write.key, write.value.as_deref()));
        if let Some(change) = change.clone() {
            tab.state.apply(Action::FromOtherTab(change));
        }
        self.after(Some(i));
        true
    }

    /// Pagehide: the tab writes what waits (after the events it had already been sent).
    pub(crate) fn close(&mut self, i: usize) {
        while self.deliver(i) {}
        self.flush(i);
        let Some(tab) = self.tabs[i].take() else {
            return;
        };
        if !tab.saver.is_idle() && tab.state.writable {
            self.lossy |= tab.unsaved_bulk;
            // Storage refused the last write: what only this tab held is gone, as in a browser.
            // Elsewhere: stored, held by another tab, or on its way to one.
            let mut elsewhere = self.stored_answers();
            for other in self.tabs.iter().flatten() {
                elsewhere.extend(answers_of(&other.state.records));
                for write in &other.inbox {
                    let text = write
                        .value
                        .as_deref()
                        .filter(|_| write.key == Doc::Records.key());
                    if let Some(d) = text.and_then(|t| decode_records(&parse(t)).ok()) {
                        elsewhere.extend(answers_of(&d.value));
                    }
                }
            }
            for key in answers_of(&tab.state.records).keys() {
                if !elsewhere.contains_key(key) {
                    self.alive.remove(key);
                }
            }
        }
    }

    pub(crate) fn stored_answers(&self) -> Answers {
        self.store
            .get(Doc::Records.key())
            .and_then(|raw| decode_records(&parse(&raw)).ok())
            .map(|d| answers_of(&d.value))
            .unwrap_or_default()
    }

    /// Lets time pass to `until`, firing each tab's saving timer when it is due.
    pub(crate) fn wait(&mut self, until: f64) {
        for _ in 0..10_000 {
            let next = (0..self.tabs.len())
                .filter_map(|i| Some((self.tabs[i].as_ref()?.saver.due_at()?, i)))
                .filter(|(at, _)| *at <= until)
                .min_by(|a, b| a.0.total_cmp(&b.0));
            let Some((at, i)) = next else {
                self.now = until;
                return;
            };
            self.now = self.now.max(at);
            self.flush(i);
        }
        panic!("a saving timer kept firing without progress");
    }

    /// Frees the storage and runs until nothing waits to be written or told. A tab's write of
    /// a key makes its earlier write of that key redundant (every write merges what was
    /// stored), unless something from outside came in between: those are all delivered.
    pub fn settle(&mut self) {
        self.store.full.set(false);
        for _ in 0..20 {
            let mut busy = false;
            for i in 0..self.tabs.len() {
                if let Some(tab) = self.tabs[i].as_mut() {
                    let mut kept: Vec<Rc<StoreWrite>> = Vec::new();
                    for write in tab.inbox.drain(..) {
                        let previous = kept.iter().rposition(|w| w.key == write.key);
                        if let (Some(at), false) = (previous, write.external) {
                            if !kept[at].external {
                                kept.remove(at);
                            }
                        }
                        kept.push(write);
                    }
                    tab.inbox.extend(kept);
                }
                while self.deliver(i) {
                    busy = true;
                }
                if self.tabs[i].as_ref().is_some_and(|t| !t.saver.is_idle()) {
                    busy = true;
                    self.now += 1.0;
                    self.flush(i);
                }
            }
            if !busy {
                return;
            }
        }
        panic!("storage never settled");
    }
}
