//! Writing this tab's changes to storage: each document when its change counter moves,
//! debounced (typing a short answer does not write on every key) and flushed when the page is
//! hidden or closed. Changes merged in from other tabs do not move the counters, so they are
//! never echoed back.

use super::model::AppModel;
use crate::platform::{self, storage};
use crate::state::{Action, Changes, NoticeKind};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

const DEBOUNCE_MS: u32 = 300;

/// What is waiting to be written.
struct Pending {
    /// The state as of the last change (a handle: cloning it copies no state).
    state: Option<UseReducerHandle<AppModel>>,
    written: Changes,
    timer: Option<Timeout>,
    dispatch: Option<UseReducerDispatcher<AppModel>>,
}

fn flush(pending: &Rc<RefCell<Pending>>) {
    let mut p = pending.borrow_mut();
    p.timer = None;
    let Some(model) = p.state.clone() else { return };
    let s = &model.0;
    if !s.writable {
        return;
    }
    let now = platform::now_ms();
    let mut errors = Vec::new();
    if s.changes.records != p.written.records {
        errors.extend(storage::save_records(&s.records, now).err());
    }
    if s.changes.sessions != p.written.sessions {
        errors.extend(storage::save_sessions(&s.sessions, now).err());
    }
    if s.changes.settings != p.written.settings {
        errors.extend(storage::save_settings(&s.settings, now).err());
    }
    p.written = s.changes;
    if let (Some(message), Some(dispatch)) = (errors.into_iter().next(), p.dispatch.clone()) {
        drop(p);
        dispatch.dispatch(Action::Notify(NoticeKind::Warning, message));
    }
}

#[hook]
pub fn use_saving(app: &UseReducerHandle<AppModel>) {
    let pending = use_mut_ref(|| Pending {
        state: None,
        written: Changes::default(),
        timer: None,
        dispatch: None,
    });
    {
        let mut p = pending.borrow_mut();
        p.dispatch = Some(app.dispatcher());
    }
    {
        let pending = pending.clone();
        let model = app.clone();
        use_effect_with(model.0.changes, move |changes| {
            let due = {
                let mut p = pending.borrow_mut();
                p.state = Some(model);
                *changes != p.written
            };
            if due {
                let again = pending.clone();
                pending.borrow_mut().timer = Some(Timeout::new(DEBOUNCE_MS, move || flush(&again)));
            }
        });
    }
    // Leaving the page (or hiding it, which on phones may be the last chance) writes at once.
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let on_hide = {
            let pending = pending.clone();
            EventListener::new(&window, "pagehide", move |_| flush(&pending))
        };
        let on_hidden =
            EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if gloo::utils::document().hidden() {
                    flush(&pending);
                }
            });
        move || drop((on_hide, on_hidden))
    });
}
