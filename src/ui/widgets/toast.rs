//! The one toast: feedback on an action (reset, import, a setting), in view wherever the page
//! is scrolled, with its Undo; it expires unless someone is reading it or reaching for it.

use crate::platform;
use crate::state::{NoticeAction, NoticeKind, Toast};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub toast: Option<Toast>,
    /// Closed, or its time is up.
    pub on_dismiss: Callback<u32>,
    pub on_action: Callback<NoticeAction>,
}

/// The toast's time left, counted only while it is neither hovered nor focused (someone
/// reading it or reaching for its button keeps it).
struct Clock {
    timer: Option<Timeout>,
    left_ms: f64,
    since_ms: f64,
    hovered: bool,
    focused: bool,
}

type SharedClock = Rc<RefCell<Clock>>;

/// Whether keyboard focus is in the toast.
fn focus_inside() -> bool {
    gloo::utils::document()
        .active_element()
        .and_then(|e| e.closest(".toast").ok().flatten())
        .is_some()
}

/// Lets the time run, unless it already does or someone holds the toast.
fn run(clock: &SharedClock, id: u32, done: &Callback<u32>) {
    let mut c = clock.borrow_mut();
    if c.timer.is_some() || c.hovered || c.focused {
        return;
    }
    c.since_ms = platform::now_ms();
    let done = done.clone();
    let ms = c.left_ms.max(0.0).ceil() as u32;
    c.timer = Some(Timeout::new(ms, move || done.emit(id)));
}

/// Stops the time (dropping the timer cancels it), keeping what is left.
fn pause(clock: &SharedClock) {
    let mut c = clock.borrow_mut();
    if c.timer.take().is_some() {
        c.left_ms -= platform::now_ms() - c.since_ms;
    }
}

/// What the learner just did and how it went, fixed at the bottom of the viewport whatever the
/// scroll, one at a time; it goes by itself after `Toast::lasts_ms`.
#[function_component]
pub fn ToastView(props: &Props) -> Html {
    let clock = use_mut_ref(|| Clock {
        timer: None,
        left_ms: 0.0,
        since_ms: 0.0,
        hovered: false,
        focused: false,
    });
    {
        let clock = clock.clone();
        let done = props.on_dismiss.clone();
        let shown = props.toast.as_ref().map(|t| (t.id, t.lasts_ms()));
        use_effect_with(shown, move |shown| {
            if let Some((id, lasts)) = *shown {
                {
                    // A new toast in place of the one held: held only if focus is in it now (a
                    // button removed with the old one sends no focusout).
                    let mut c = clock.borrow_mut();
                    c.left_ms = f64::from(lasts);
                    c.focused = focus_inside();
                    c.hovered = false;
                }
                run(&clock, id, &done);
            }
            move || clock.borrow_mut().timer = None
        });
    }
    let Some(toast) = &props.toast else {
        return html! { <div class="toasts" role="status" aria-live="polite"></div> };
    };
    let id = toast.id;
    let hold = |hovered: Option<bool>, focused: Option<bool>| {
        let clock = clock.clone();
        let done = props.on_dismiss.clone();
        Callback::from(move |_: Event| {
            {
                let mut c = clock.borrow_mut();
                c.hovered = hovered.unwrap_or(c.hovered);
                c.focused = focused.unwrap_or(c.focused);
            }
            pause(&clock);
            run(&clock, id, &done);
        })
    };
    let class = match toast.kind {
        NoticeKind::Info => "toast info",
        NoticeKind::Warning => "toast warning",
    };
    let action = toast.action.map(|a| {
        let label = match a {
            NoticeAction::UndoReset => "Undo",
            NoticeAction::Reload => "Reload",
        };
        html! { <button type="button" class="secondary toast-action" onclick={props.on_action.reform(move |_| a)}>{ label }</button> }
    });
    html! {
        <div class="toasts" role="status" aria-live="polite">
            <div {class} key={id}
                onmouseenter={hold(Some(true), None).reform(Event::from)}
                onmouseleave={hold(Some(false), None).reform(Event::from)}
                onfocusin={hold(None, Some(true)).reform(Event::from)}
                onfocusout={hold(None, Some(false)).reform(Event::from)}>
                <p>{ &toast.text }</p>
                { action }
                <button type="button" class="ghost" aria-label="Close this message" onclick={props.on_dismiss.reform(move |_| id)}>{ "×" }</button>
            </div>
        </div>
    }
}
