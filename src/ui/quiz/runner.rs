use super::card::QuestionCard;
use super::shortcuts::Shortcuts;
use crate::bank::{Kind, Question};
use crate::platform;
use crate::quiz::keymap::{keymap, Focus, Intent, KeyContext};
use crate::quiz::{Mode, Primary, QuizAction, Runner, Session};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub runner: Runner,
    pub on_action: Callback<QuizAction>,
    /// The quiz is over and its results should show.
    pub on_finish: Callback<()>,
    /// Try downloading the questions again.
    pub on_retry: Callback<()>,
    /// The app's extra links for a question (permalink, bookmark, report).
    #[prop_or_default]
    pub extras: Option<Callback<Rc<Question>, Html>>,
}

/// What the keyboard handler needs from the latest render.
struct Live {
    runner: Runner,
    on_action: Callback<QuizAction>,
    on_finish: Callback<()>,
    ask: Callback<usize>,
    confirm: UseStateHandle<Option<usize>>,
    help: UseStateHandle<bool>,
}

/// Runs a session: where the learner is, the question, the main button and the keyboard.
/// Shared by the app and the embed; it draws its props and reports actions.
#[function_component]
pub fn QuizRunner(props: &Props) -> Html {
    let help = use_state(|| false);
    let confirm = use_state(|| None::<usize>);
    let redraw = use_force_update();
    let ask = {
        let confirm = confirm.clone();
        Callback::from(move |n| confirm.set(Some(n)))
    };
    // One copy of the runner per render, shared by the keyboard and the main button.
    let live = Rc::new(Live {
        runner: props.runner.clone(),
        on_action: props.on_action.clone(),
        on_finish: props.on_finish.clone(),
        ask: ask.clone(),
        confirm: confirm.clone(),
        help: help.clone(),
    });
    let latest = use_mut_ref(|| None::<Rc<Live>>);
    *latest.borrow_mut() = Some(live.clone());
    use_keyboard(latest);
    // A dialog takes focus when it opens (autofocus does nothing for inserted elements).
    use_effect_with(confirm.is_some(), |open| {
        if *open {
            platform::focus(".confirm .keep-going");
        }
    });

    let session = props.runner.session.as_ref();
    let deadline = session
        .filter(|s| !s.is_finished())
        .and_then(Session::deadline_ms);
    {
        // A timed exam's clock ticks here, redrawing only this component each second; the app
        // hears of time only when the deadline has passed (a reopened exam: at once).
        let on_action = props.on_action.clone();
        use_effect_with(deadline, move |deadline| {
            let tick = deadline.map(|deadline| {
                let check = move || {
                    let t = platform::now_ms();
                    if t >= deadline {
                        on_action.emit(QuizAction::Tick { now: t });
                    } else {
                        redraw.force_update();
                    }
                };
                if platform::now_ms() >= deadline {
                    check();
                }
                Interval::new(1000, check)
            });
            move || drop(tick)
        });
    }
    {
        // The quiz has just ended (finished here, at the deadline, or once the questions its
        // drafts waited for arrived): show its results.
        let finished = session.is_some_and(Session::is_finished);
        let was = use_mut_ref(|| finished);
        let on_finish = props.on_finish.clone();
        use_effect_with(finished, move |finished| {
            if *finished && !*was.borrow() {
                on_finish.emit(());
            }
            *was.borrow_mut() = *finished;
        });
    }
    // Focus follows the flow: a new question's heading (its short-answer box, if it has one),
    // then after a practice answer the main button, so Enter goes on. (Hooks come before any
    // early return: yew needs the same hooks on every render.)
    let question = props.runner.current_question().cloned();
    let shown = question.is_some();
    let answered = session.is_some_and(|s| s.current().answer.is_some());
    let focus_key = session.map(|s| (s.started_ms, s.position, shown, answered));
    let short = question
        .as_ref()
        .is_some_and(|q| q.body.kind() == Kind::Short);
    use_effect_with(focus_key, move |key| {
        if let Some((_, _, true, answered)) = key {
            platform::focus(if *answered {
                ".quiz-nav .primary"
            } else if short {
                ".short-input"
            } else {
                ".q-heading"
            });
        }
    });
    let Some(session) = session else {
        return html! { <p class="empty">{ "No quiz is running." }</p> };
    };
    let slot = session.current();
    let kind_of = |id: &str| props.runner.question(id).map(|q| q.body.kind());
    let done = session.done_count(kind_of);
    let total = session.ids.len();
    let n = session.position + 1;

    let on = props.on_action.clone();
    let card = match &question {
        Some(q) => {
            let extras = props
                .extras
                .as_ref()
                .map(|e| e.emit(q.clone()))
                .unwrap_or_default();
            html! { <QuestionCard question={q.clone()} slot={slot.clone()} mode={session.mode}
            finished={session.is_finished()} {extras} on_action={on.clone()} /> }
        }
        None => match crate::bank::topic_of(session.current_id())
            .and_then(|t| props.runner.failed.get(t.id))
        {
            Some(message) => html! {
                <div class="load-error" role="alert">
                    <p>{ message }</p>
                    <button type="button" class="primary" onclick={props.on_retry.reform(|_| ())}>{ "Try again" }</button>
                </div>
            },
            None => html! { <p class="loading" aria-busy="true">{ "Loading the question…" }</p> },
        },
    };
    let live_text = match (&slot.answer, session.mode) {
        (Some(a), Mode::Practice) if a.correct => "Correct.".to_string(),
        (Some(_), Mode::Practice) => {
            let right = question
                .as_ref()
                .map(|q| right_answer_text(q))
                .unwrap_or_default();
            format!("Not quite. {right}")
        }
        _ => String::new(),
    };
    let (main, enabled) = props.runner.primary().unwrap_or((Primary::Wait, false));
    let on_primary = {
        let live = live.clone();
        Callback::from(move |_: MouseEvent| press(&live, main))
    };
    let unanswered = total - done;
    let end = {
        let ask = ask.clone();
        let on = on.clone();
        Callback::from(move |_: MouseEvent| {
            if unanswered > 0 {
                ask.emit(unanswered);
            } else {
                on.emit(QuizAction::Finish {
                    now: platform::now_ms(),
                });
            }
        })
    };
    let waiting = props.runner.finishing.is_some() && !session.is_finished();
    let finished = session.is_finished();
    let exam = session.mode == Mode::Exam;
    html! {
        <div class="quiz-runner">
            <div class="quiz-status">
                <h1 class="q-heading" tabindex="-1">{ format!("Question {n} of {total}") }</h1>
                <span class="answered-count">{ format!("{done} of {total} answered") }</span>
                <progress class="answered-bar" max={total.to_string()} value={done.to_string()} aria-label="Questions answered"></progress>
                <span class="mode-badge">{ session.mode.label() }</span>
                if let Some(left) = deadline.and(session.remaining_ms(platform::now_ms())) {
                    <span class="timer" role="timer" aria-label="Time left">{ clock(left) }</span>
                }
                <button type="button" class="ghost help-button" aria-label="Keyboard shortcuts" aria-expanded={help.to_string()}
                    onclick={ { let help = help.clone(); move |_| help.set(!*help) } }>{ "?" }</button>
            </div>
            if exam && !finished { { grid(session, &kind_of, &on) } }
            { card }
            if waiting {
                <p class="finishing" role="status">{ "Your answers are graded as soon as all their questions have loaded." }
                    if !props.runner.failed.is_empty() {
                        { " " }<button type="button" class="secondary" onclick={props.on_retry.reform(|_| ())}>{ "Try again" }</button>
                    }
                </p>
            }
            <p class="visually-hidden" aria-live="polite">{ live_text }</p>
            <div class="quiz-nav">
                <button type="button" class="secondary" disabled={session.position == 0}
                    onclick={on.reform(|_| QuizAction::Previous { now: platform::now_ms() })}>
                    { "Previous" }<kbd aria-hidden="true">{ "←" }</kbd>
                </button>
                if exam && !finished {
                    <button type="button" class="secondary flag" aria-pressed={slot.flagged.to_string()}
                        onclick={on.reform(|_| QuizAction::Flag)}>
                        { if slot.flagged { "Flagged" } else { "Flag for review" } }<kbd aria-hidden="true">{ "F" }</kbd>
                    </button>
                }
                <span class="spacer"></span>
                if !finished {
                    if !answered && !exam && !session.is_last() {
                        <button type="button" class="ghost skip" onclick={on.reform(|_| QuizAction::Next { now: platform::now_ms() })}>{ "Skip" }</button>
                    }
                    <button type="button" class="ghost end" onclick={end}>{ "End quiz" }</button>
                }
                if main != Primary::Wait {
                    <button type="button" class="primary" disabled={!enabled} onclick={on_primary}>
                        { main.label() }<kbd aria-hidden="true">{ "Enter" }</kbd>
                    </button>
                }
            </div>
            if let Some(left) = *confirm {
                { confirm_finish(left, &confirm, &on) }
            }
            if *help {
                <Shortcuts on_close={ { let help = help.clone(); Callback::from(move |_| close_help(&help)) } } />
            }
        </div>
    }
}

/// "12:05": minutes and seconds left.
fn clock(ms: f64) -> String {
    let secs = (ms / 1000.0).ceil() as u64;
    format!("{}:{:02} left", secs / 60, secs % 60)
}

/// Words for the right answer, for the screen-reader announcement after a miss.
fn right_answer_text(q: &Question) -> String {
    match &q.body {
        crate::bank::Body::Short { answers, .. } => {
            format!(
                "The answer is {}.",
                answers.first().cloned().unwrap_or_default()
            )
        }
        crate::bank::Body::Flashcard { .. } => String::new(),
        _ => "The right answer is marked.".into(),
    }
}

/// An exam's question grid: jump anywhere; answered and flagged questions are marked.
fn grid(
    session: &Session,
    kind_of: &dyn Fn(&str) -> Option<Kind>,
    on: &Callback<QuizAction>,
) -> Html {
    html! {
        <nav class="q-grid" aria-label="Questions">
            <ol>
                { for session.ids.iter().zip(&session.slots).enumerate().map(|(i, (id, slot))| {
                    let done = session.is_done(slot, kind_of(id));
                    let current = i == session.position;
                    let label = format!("Question {}{}{}", i + 1, if done { ", answered" } else { ", not answered" }, if slot.flagged { ", flagged" } else { "" });
                    html! {
                        <li>
                            <button type="button" class={classes!("cell", done.then_some("done"), slot.flagged.then_some("flagged"), current.then_some("current"))}
                                aria-label={label} aria-current={current.then_some("step")}
                                onclick={on.reform(move |_| QuizAction::GoTo { index: i, now: platform::now_ms() })}>
                                { i + 1 }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

fn confirm_finish(
    left: usize,
    confirm: &UseStateHandle<Option<usize>>,
    on: &Callback<QuizAction>,
) -> Html {
    let finish = {
        let confirm = confirm.clone();
        let on = on.clone();
        Callback::from(move |_: MouseEvent| {
            confirm.set(None);
            on.emit(QuizAction::Finish {
                now: platform::now_ms(),
            });
        })
    };
    let stay = {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| close_confirm(&confirm))
    };
    html! {
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
            <h2 id="confirm-title">{ "Finish the quiz?" }</h2>
            <p id="confirm-text">{ if left == 1 { "1 question is unanswered. It will count as skipped.".to_string() } else { format!("{left} questions are unanswered. They will count as skipped.") } }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={finish}>{ "Finish anyway" }</button>
                <button type="button" class="secondary keep-going" onclick={stay}>{ "Keep going" }</button>
            </div>
        </div>
    }
}

/// Closes the "finish anyway?" dialog and gives focus back to the quiz's main button.
fn close_confirm(confirm: &UseStateHandle<Option<usize>>) {
    confirm.set(None);
    if !platform::try_focus(".quiz-nav .primary:enabled") {
        platform::focus(".quiz-nav .end");
    }
}

/// Closes the shortcuts overlay and gives focus back to the button that opens it.
fn close_help(help: &UseStateHandle<bool>) {
    help.set(false);
    platform::focus(".help-button");
}

/// Carries out the main button (or Enter).
fn press(live: &Live, main: Primary) {
    let now = platform::now_ms();
    let on = &live.on_action;
    match main {
        Primary::Submit | Primary::SaveAndNext => on.emit(QuizAction::Submit { now }),
        Primary::Reveal => on.emit(QuizAction::Reveal),
        Primary::Next => on.emit(QuizAction::Next { now }),
        Primary::Finish => {
            let kind_of = |id: &str| live.runner.question(id).map(|q| q.body.kind());
            let left = live
                .runner
                .session
                .as_ref()
                .map_or(0, |s| s.ids.len() - s.done_count(kind_of));
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
/// digits, Enter, Space, `h` and `?` work as in a quiz. Returns whether `?` asked for the
/// shortcuts overlay, for the page to draw.
#[hook]
pub fn use_question_keys(runner: &Runner, on_action: Callback<QuizAction>) -> UseStateHandle<bool> {
    let help = use_state(|| false);
    let confirm = use_state(|| None::<usize>);
    let live = use_mut_ref(|| None::<Rc<Live>>);
    *live.borrow_mut() = Some(Rc::new(Live {
        runner: runner.clone(),
        on_action,
        on_finish: Callback::noop(),
        ask: Callback::noop(),
        confirm,
        help: help.clone(),
    }));
    use_keyboard(live);
    help
}

/// Listens for keys on the document for as long as the runner is shown.
#[hook]
fn use_keyboard(live: Rc<RefCell<Option<Rc<Live>>>>) {
    use_effect_with((), move |_| {
        // Not passive: Space and Enter must not also scroll or click.
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |e| {
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
            },
        );
        move || drop(listener)
    });
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
        "BUTTON" | "A" | "SELECT" | "SUMMARY" => Focus::Control,
        _ => Focus::Page,
    }
}

/// Handles one key; true if it was used.
fn on_key(live: &Live, e: &KeyboardEvent) -> bool {
    let Some(session) = live.runner.session.as_ref() else {
        return false;
    };
    let Some(q) = live.runner.current_question() else {
        return false;
    };
    // Escape closes whichever dialog is open; `?` toggles the shortcuts from anywhere.
    match e.key().as_str() {
        "Escape" if live.confirm.is_some() => {
            close_confirm(&live.confirm);
            return true;
        }
        "Escape" | "?" if *live.help => {
            close_help(&live.help);
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
    let cx = KeyContext {
        kind: q.body.kind(),
        options: q.body.options().len(),
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
            if let Some(o) = q.body.options().get(i) {
                on.emit(QuizAction::Pick(o.key.clone()));
            }
        }
        Intent::FocusOption(i) => platform::focus(&format!("#opt-{}-{i}", q.id)),
        Intent::Primary => {
            if let Some((main, true)) = live.runner.primary() {
                press(live, main);
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
