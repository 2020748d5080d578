//! The quiz's keyboard: one listener on the document, which asks `quiz::keymap` what a key
//! means and carries it out. Shared by the runner and a question's own page.

use crate::platform;
use crate::quiz::keymap::{keymap, Focus, Intent, KeyContext};
use crate::quiz::{unanswered, Mode, Primary, QuizAction, Runner};
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// What the keyboard handler needs from the latest render.
pub(super) struct Live {
    /// The runner as its owner holds it now. A key may come before the render that shows what
    /// the key before it did (yew can yield to the browser in between), so the keyboard never
    /// reads the runner it was last drawn with.
    pub latest: Callback<(), Runner>,
    pub on_action: Callback<QuizAction>,
    pub on_finish: Callback<()>,
    /// Asks "finish anyway?" with this many questions unanswered.
    pub ask: Callback<usize>,
    pub confirm: UseStateHandle<Option<usize>>,
    pub help: UseStateHandle<bool>,
    /// Gives focus back to the question, once a dialog has gone.
    pub rest: Callback<()>,
}

/// Closes the shortcuts and gives focus back to the question (not to the `?` button, where the
/// next Enter would open them again).
pub(super) fn close_help(help: &UseStateHandle<bool>, rest: &Callback<()>) {
    help.set(false);
    rest.emit(());
}

/// Closes the "finish anyway?" dialog and gives focus back to the question (not to End quiz,
/// where the next Enter would ask again).
pub(super) fn close_confirm(confirm: &UseStateHandle<Option<usize>>, rest: &Callback<()>) {
    confirm.set(None);
    rest.emit(());
}

/// Carries out the main button (or Enter) of `runner`, the one the owner holds now.
pub(super) fn press(live: &Live, runner: &Runner, main: Primary) {
    let now = platform::now_ms();
    let on = &live.on_action;
    match main {
        Primary::Submit | Primary::SaveAndNext => on.emit(QuizAction::Submit { now }),
        Primary::Reveal => on.emit(QuizAction::Reveal),
        Primary::Next => on.emit(QuizAction::Next { now }),
        Primary::Finish => {
            let left = runner.session.as_ref().map_or(0, |s| {
                unanswered(s, |id: &str| runner.question(id).map(|q| &**q))
            });
            if left > 0 {
                live.ask.emit(left);
            } else {
                on.emit(QuizAction::Finish { now });
            }
        }
        Primary::Results => live.on_finish.emit(()),
        Primary::Wait => {}
    }
}

/// The quiz's keyboard for a page that shows one question outside a quiz (its permalink):
/// digits, Enter, Space, `h` and `?` work as in a quiz. `latest` gives the runner as the page
/// holds it now. Returns whether `?` asked for the shortcuts overlay, for the page to draw.
#[hook]
pub fn use_question_keys(
    latest: Callback<(), Runner>,
    on_action: Callback<QuizAction>,
) -> UseStateHandle<bool> {
    let help = use_state(|| false);
    let confirm = use_state(|| None::<usize>);
    let live = use_mut_ref(|| None::<Rc<Live>>);
    *live.borrow_mut() = Some(Rc::new(Live {
        latest,
        on_action,
        on_finish: Callback::noop(),
        ask: Callback::noop(),
        confirm,
        help: help.clone(),
        rest: Callback::noop(),
    }));
    use_keyboard(live);
    help
}

/// Listens for keys on the document for as long as the runner is shown.
#[hook]
pub(super) fn use_keyboard(live: Rc<RefCell<Option<Rc<Live>>>>) {
    // Listening starts in the first render, not in an effect: after 16 ms of work yew puts the
    // question on screen and runs effects a task later, and a key pressed in between was lost.
    // The listener is hook state, so it goes when the component does.
    use_mut_ref(move || listen(live));
}

fn listen(live: Rc<RefCell<Option<Rc<Live>>>>) -> EventListener {
    // Not passive: Space and Enter must not also scroll or click.
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
        let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        if let Some(live) = live.borrow().as_ref() {
            if on_key(live, e) {
                e.prevent_default();
            }
        }
    })
}

/// What has focus, as the keymap sees it.
fn focus_of(target: Option<Element>) -> Focus {
    let Some(el) = target else { return Focus::Page };
    match el.tag_name().as_str() {
        "INPUT" => match el.get_attribute("type").as_deref() {
            Some("radio" | "checkbox") => el
                .get_attribute("data-index")
                .and_then(|i| i.parse().ok())
                .map_or(Focus::Control, Focus::Option),
            _ => Focus::TextBox,
        },
        "TEXTAREA" => Focus::TextBox,
        "SELECT" => Focus::Field,
        "PRE" => Focus::Scroller,
        "BUTTON" | "A" | "SUMMARY" => Focus::Control,
        _ => Focus::Page,
    }
}

/// Handles one key; true if it was used.
fn on_key(live: &Live, e: &KeyboardEvent) -> bool {
    let runner = live.latest.emit(());
    let Some(session) = runner.session.as_ref() else {
        return false;
    };
    let Some(q) = runner.current_question() else {
        return false;
    };
    // Escape closes whichever dialog is open; `?` toggles the shortcuts from anywhere.
    match e.key().as_str() {
        "Escape" if live.confirm.is_some() => {
            close_confirm(&live.confirm, &live.rest);
            return true;
        }
        "Escape" | "?" if *live.help => {
            close_help(&live.help, &live.rest);
            return true;
        }
        _ => {}
    }
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    // Keys typed into the page around an open dialog are not the quiz's.
    if target
        .as_ref()
        .is_some_and(|t| t.closest(".confirm, .shortcuts").ok().flatten().is_some())
    {
        return false;
    }
    let slot = session.current();
    let options = q.body.options();
    let cx = KeyContext {
        kind: q.body.kind(),
        options: options.len(),
        picked: options.iter().position(|o| slot.picked.contains(&o.key)),
        locked: slot.answer.is_some() || session.is_finished(),
        revealed: slot.revealed,
        exam: session.mode == Mode::Exam,
        focus: focus_of(target),
    };
    let Some(intent) = keymap(&e.key(), &cx) else {
        return false;
    };
    let now = platform::now_ms();
    let on = &live.on_action;
    match intent {
        Intent::Pick(i) => {
            if let Some(o) = options.get(i) {
                on.emit(QuizAction::Pick(o.key.clone()));
            }
        }
        Intent::FocusOption(i) => platform::focus(&format!("#opt-{}-{i}", q.id)),
        Intent::Primary => {
            if let Some((main, true)) = runner.primary() {
                press(live, &runner, main);
            }
        }
        Intent::Reveal => on.emit(QuizAction::Reveal),
        Intent::SelfGrade(grade) => on.emit(QuizAction::SelfGrade { grade, now }),
        Intent::Hint => on.emit(QuizAction::Hint),
        Intent::Flag => on.emit(QuizAction::Flag),
        Intent::Previous => on.emit(QuizAction::Previous { now }),
        Intent::Next => on.emit(QuizAction::Next { now }),
        Intent::Help => live.help.set(!*live.help),
    }
    true
}
