use super::card::QuestionCard;
use super::grid::{Cell, ExamGrid};
use super::keys::{close_confirm, close_help, press, use_keyboard, Live};
use super::shortcuts::Shortcuts;
use crate::bank::{Kind, Question};
use crate::platform;
use crate::quiz::keymap::{resting_focus, Rest};
use crate::quiz::{counts_as_answered, finish_warning, Mode, Primary, QuizAction, Runner, Session};
use gloo::timers::callback::Interval;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The runner to draw.
    pub runner: Runner,
    /// The runner as the owner holds it now, which may be ahead of `runner`: what the keyboard
    /// and the main button act on.
    pub latest: Callback<(), Runner>,
    pub on_action: Callback<QuizAction>,
    /// The quiz is over and its results should show.
    pub on_finish: Callback<()>,
    /// Try downloading the questions again.
    pub on_retry: Callback<()>,
    /// The app's extra links for a question (permalink, bookmark, report).
    #[prop_or_default]
    pub extras: Option<Callback<Rc<Question>, Html>>,
}

/// Runs a session: where the learner is, the question, the main button and the keyboard.
/// Shared by the app and the embed; it draws its props and reports actions.
#[function_component]
pub fn QuizRunner(props: &Props) -> Html {
    let help = use_state(|| false);
    let confirm = use_state(|| None::<usize>);
    // Bumped to give focus back to the question once the page has redrawn (a dialog has gone,
    // a toolbar button has done its job): focus must never stay where Enter presses it again.
    let rested = use_state(|| 0u32);
    let rest = {
        let rested = rested.clone();
        Callback::from(move |()| rested.set(rested.wrapping_add(1)))
    };
    let redraw = use_force_update();
    let ask = {
        let confirm = confirm.clone();
        Callback::from(move |n| confirm.set(Some(n)))
    };
    // This render's callbacks, shared by the keyboard and the main button (both act on the
    // runner `latest` gives).
    let live = Rc::new(Live {
        latest: props.latest.clone(),
        on_action: props.on_action.clone(),
        on_finish: props.on_finish.clone(),
        ask: ask.clone(),
        confirm: confirm.clone(),
        help: help.clone(),
        rest: rest.clone(),
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
    // Focus follows the flow (`keymap::resting_focus`): a new question's heading or its
    // short-answer box, then after a practice answer the main button, so Enter goes on; and
    // back there whenever `rest` asks. (Hooks come before any early return: yew needs the same
    // hooks on every render.)
    let question = props.runner.current_question().cloned();
    let kind = question.as_ref().map(|q| q.body.kind());
    let answered = session.is_some_and(|s| s.current().answer.is_some());
    let focus_key = session.map(|s| (s.started_ms, s.position, kind, answered, *rested));
    use_effect_with(focus_key, move |key| {
        if let Some((_, _, Some(kind), answered, _)) = key {
            focus_rest(Some(*kind), *answered);
        }
    });
    let Some(session) = session else {
        return html! { <p class="empty">{ "No quiz is running." }</p> };
    };
    let slot = session.current();
    let lookup = |id: &str| props.runner.question(id).map(|q| &**q);
    let cells: Vec<Cell> = session
        .ids
        .iter()
        .zip(&session.slots)
        .map(|(id, slot)| Cell {
            answered: counts_as_answered(session, id, slot, lookup),
            flagged: slot.flagged,
        })
        .collect();
    let total = session.ids.len();
    let done = cells.iter().filter(|c| c.answered).count();
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
            finished={session.is_finished()} {extras} on_action={on.clone()} on_tool_used={Some(rest.clone())} /> }
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
        Callback::from(move |_: MouseEvent| press(&live, &live.latest.emit(()), main))
    };
    // Drafts waiting for their question's download are not unanswered: finishing waits for
    // them and grades them (`Runner::finishing`).
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
    let flag = {
        let on = on.clone();
        let rest = rest.clone();
        Callback::from(move |_: MouseEvent| {
            on.emit(QuizAction::Flag);
            rest.emit(());
        })
    };
    let go_to = on.reform(|index| QuizAction::GoTo {
        index,
        now: platform::now_ms(),
    });
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
            if exam && !finished {
                <ExamGrid {cells} position={session.position} on_go={go_to} />
            }
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
                <button type="button" class="secondary prev" disabled={session.position == 0}
                    onclick={on.reform(|_| QuizAction::Previous { now: platform::now_ms() })}>
                    { "Previous" }<kbd aria-hidden="true">{ "←" }</kbd>
                </button>
                if exam && !finished {
                    <button type="button" class="secondary flag" aria-pressed={slot.flagged.to_string()} onclick={flag}>
                        if slot.flagged { { "Flagged" } } else { { "Flag" }<span class="wide-only">{ " for review" }</span> }
                        <kbd aria-hidden="true">{ "F" }</kbd>
                    </button>
                }
                <span class="spacer"></span>
                if !finished {
                    if !answered && !exam && !session.is_last() {
                        <button type="button" class="ghost skip" onclick={on.reform(|_| QuizAction::Next { now: platform::now_ms() })}>{ "Skip" }</button>
                    }
                    <button type="button" class="ghost end" onclick={end}>{ "End" }<span class="wide-only">{ " quiz" }</span></button>
                }
                if main != Primary::Wait {
                    <button type="button" class="primary" disabled={!enabled} onclick={on_primary}>
                        if main == Primary::SaveAndNext {
                            // A phone's row has room for "Next"; the name stays the whole label.
                            <span class="wide-only">{ main.label() }</span><span class="narrow-only" aria-hidden="true">{ "Next" }</span>
                        } else {
                            { main.label() }
                        }
                        <kbd aria-hidden="true">{ "Enter" }</kbd>
                    </button>
                }
            </div>
            if let Some(left) = *confirm {
                { confirm_finish(left, session.mode, &confirm, &on, &rest) }
            }
            if *help {
                <Shortcuts on_close={ { let help = help.clone(); Callback::from(move |_| close_help(&help, &rest)) } } />
            }
        </div>
    }
}

/// Moves focus to where it rests on the question (`keymap::resting_focus`); the heading if
/// that is not there (the main button waits while a finish waits for questions).
fn focus_rest(kind: Option<Kind>, answered: bool) {
    // A copy that failed shows its link selected in a field, to copy by hand: leave it there.
    let active = gloo::utils::document().active_element();
    if active.is_some_and(|el| el.matches(".copy-field").unwrap_or(false)) {
        return;
    }
    let at = match resting_focus(kind, answered) {
        Rest::Heading => ".q-heading",
        Rest::TextBox => ".short-input",
        Rest::Main => ".quiz-nav .primary",
    };
    if !platform::try_focus(at) {
        platform::focus(".q-heading");
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

fn confirm_finish(
    left: usize,
    mode: Mode,
    confirm: &UseStateHandle<Option<usize>>,
    on: &Callback<QuizAction>,
    rest: &Callback<()>,
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
        let rest = rest.clone();
        Callback::from(move |_: MouseEvent| close_confirm(&confirm, &rest))
    };
    html! {
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
            <h2 id="confirm-title">{ "Finish the quiz?" }</h2>
            <p id="confirm-text">{ finish_warning(left, mode) }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={finish}>{ "Finish anyway" }</button>
                <button type="button" class="secondary keep-going" onclick={stay}>{ "Keep going" }</button>
            </div>
        </div>
    }
}
