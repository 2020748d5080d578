//! Writing this tab's changes to storage: the timers for the policy in `progress::saver`
//! (debounced, with a maximum wait, failed writes retried) and a flush when the page is hidden
//! or closed. What to write and how is `state::saving::flush`, tested natively.

use super::model::AppModel;
use crate::platform::{self, storage};
use crate::progress::saver::Saver;
use crate::state::saving;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

struct Pending {
    /// The latest state (a handle: cloning it copies no state).
    state: Option<UseReducerHandle<AppModel>>,
    saver: Saver,
    timer: Option<Timeout>,
}

/// Writes what waits now, and sets the timer again if something still waits (a retry).
fn flush(pending: &Rc<RefCell<Pending>>) {
    let mut p = pending.borrow_mut();
    p.timer = None;
    let (Some(model), Some(local)) = (p.state.clone(), storage::local()) else {
        return;
    };
    let now = platform::now_ms();
    let report = saving::flush(&model.0, &mut p.saver, &local, now);
    drop(p);
    schedule(pending, now);
    if let Some(action) = report {
        model.dispatch(action);
    }
}

/// Sets the timer for the next write the saver wants, replacing any earlier one.
fn schedule(pending: &Rc<RefCell<Pending>>, now: f64) {
    let due = pending.borrow().saver.due_at();
    let timer = due.map(|at| {
        let again = pending.clone();
        Timeout::new((at - now).max(0.0).ceil() as u32, move || flush(&again))
    });
    pending.borrow_mut().timer = timer;
}

#[hook]
pub fn use_saving(app: &UseReducerHandle<AppModel>) {
    let pending = use_mut_ref(|| Pending {
        state: None,
        saver: Saver::default(),
        timer: None,
    });
    pending.borrow_mut().state = Some(app.clone());
    {
        let pending = pending.clone();
        use_effect_with(app.0.changes, move |changes| {
            let now = platform::now_ms();
            pending.borrow_mut().saver.note(*changes, now);
            schedule(&pending, now);
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
