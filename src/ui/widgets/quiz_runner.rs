use super::QuestionCard;
use crate::bank::question_meta;
use crate::platform;
use crate::quiz::Mode;
use crate::state::Action;
use crate::ui::hooks::{use_app, use_questions};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called after the last question is finished.
    pub on_finish: Callback<()>,
}

/// Runs the session in the state: progress bar, the current question, navigation and the
/// keyboard (1-9 pick, Enter submit/next, Space reveal, arrows move).
#[function_component]
pub fn QuizRunner(props: &Props) -> Html {
    let app = use_app();
    let ids = app.session().map(|s| s.ids.clone()).unwrap_or_default();
    let retry = use_questions(ids);

    // Keyboard: re-bound on every state change so the handler sees the current question.
    {
        let app = app.clone();
        let on_finish = props.on_finish.clone();
        use_effect_with(app.clone(), move |_| {
            // Not passive: Space and Enter must not also scroll or click.
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                        handle_key(&app, e, &on_finish);
                    }
                },
            );
            move || drop(listener)
        });
    }

    // Focus follows the flow: a new question's prompt (read by screen readers, keys work), then
    // after a practice answer the Next button, so Enter goes on. Only while the page has focus:
    // an embed must not pull the host page's focus (and scroll) to itself as it loads.
    let position = app.session().map(|s| (s.position, s.started_ms));
    let loaded = app.current_question().is_some();
    let feedback_shown = app
        .session()
        .is_some_and(|s| s.mode == Mode::Practice && s.current().answer.is_some());
    use_effect_with(
        (position, loaded, feedback_shown),
        move |(_, _, feedback_shown)| {
            let selector = if *feedback_shown {
                ".quiz-nav .primary"
            } else {
                ".question-card .prompt"
            };
            let document = gloo::utils::document();
            if !document.has_focus().unwrap_or(false) {
                return;
            }
            if let Some(el) = document.query_selector(selector).ok().flatten() {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        },
    );

    let Some(session) = app.session() else {
        return html! { <p class="empty">{ "No quiz is running." }</p> };
    };
    let total = session.ids.len();
    let n = session.position + 1;
    let entry = session.current();
    let id = session.current_id();

    let card = match app.current_question() {
        Some(q) => {
            html! { <QuestionCard question={q.clone()} entry={entry.clone()} mode={session.mode} finished={session.is_finished()} /> }
        }
        None => {
            let failed = question_meta(id).and_then(|m| app.failed_topics.get(m.topic().id));
            match failed {
                Some(message) => html! {
                    <div class="load-error" role="alert">
                        <p>{ message }</p>
                        <button class="primary" onclick={retry.reform(|_| ())}>{ "Try again" }</button>
                    </div>
                },
                None => {
                    html! { <p class="loading" aria-busy="true">{ "Loading the question…" }</p> }
                }
            }
        }
    };

    let answered = entry.answer.is_some();
    let live = match (&entry.answer, session.mode) {
        (Some(a), Mode::Practice) => {
            if a.correct {
                "Correct."
            } else {
                "Not quite."
            }
        }
        (Some(_), Mode::Exam) => "Answer saved.",
        _ => "",
    };
    let d = app.dispatcher();
    let prev = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::Previous))
    };
    let primary = primary_action(&app, &props.on_finish);
    // Skipping leaves the question unanswered: it shows as skipped in the results.
    let skip = {
        let app = app.clone();
        let on_finish = props.on_finish.clone();
        Callback::from(move |_| {
            if app.session().is_some_and(|s| s.is_last()) {
                app.dispatch(Action::Finish {
                    now: platform::now_ms(),
                });
                on_finish.emit(());
            } else {
                app.dispatch(Action::Next);
            }
        })
    };
    let primary_label = if !answered && !is_flashcard(&app) {
        "Submit"
    } else if session.is_last() || session.is_finished() {
        "Finish"
    } else {
        "Next"
    };
    let can_submit = answered
        || app
            .current_question()
            .is_some_and(|q| session.draft_response(q).is_some());

    html! {
        <div class="quiz-runner">
            <div class="quiz-progress">
                <span class="counter">{ format!("{n} / {total}") }</span>
                <div class="bar" role="progressbar" aria-label="Quiz progress" aria-valuemin="0"
                    aria-valuemax={total.to_string()} aria-valuenow={n.to_string()}>
                    <div class="fill" style={format!("width: {}%", n * 100 / total.max(1))}></div>
                </div>
                <span class="mode">{ if session.mode == Mode::Exam { "Exam" } else { "Practice" } }</span>
            </div>
            { card }
            <p class="visually-hidden" aria-live="assertive">{ live }</p>
            <div class="quiz-nav">
                <button class="secondary" onclick={prev} disabled={session.position == 0}>{ "Previous" }</button>
                <span class="spacer"></span>
                if !answered && !session.is_finished() {
                    <button class="ghost skip" onclick={skip}>{ if session.is_last() { "Finish without answering" } else { "Skip" } }</button>
                }
                if !is_flashcard(&app) || answered {
                    <button class="primary" onclick={primary.reform(|_| ())} disabled={!can_submit}>
                        { primary_label }<kbd>{ "Enter" }</kbd>
                    </button>
                }
            </div>
        </div>
    }
}

fn is_flashcard(app: &crate::ui::hooks::AppHandle) -> bool {
    app.current_question()
        .is_some_and(|q| q.body.kind() == crate::bank::Kind::Flashcard)
}

/// Enter / the main button: submit an unanswered question, else go on (or finish).
fn primary_action(app: &crate::ui::hooks::AppHandle, on_finish: &Callback<()>) -> Callback<()> {
    let app = app.clone();
    let on_finish = on_finish.clone();
    Callback::from(move |()| {
        let Some(session) = app.session() else { return };
        if session.current().answer.is_none() && !session.is_finished() {
            app.dispatch(Action::Submit {
                now: platform::now_ms(),
            });
        } else if session.is_last() || session.is_finished() {
            app.dispatch(Action::Finish {
                now: platform::now_ms(),
            });
            on_finish.emit(());
        } else {
            app.dispatch(Action::Next);
        }
    })
}

fn handle_key(app: &crate::ui::hooks::AppHandle, e: &KeyboardEvent, on_finish: &Callback<()>) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return;
    }
    let target = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
    // Typing and native button/link activation keep their own keys.
    if matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
        return;
    }
    if matches!(tag.as_str(), "BUTTON" | "A") && (e.key() == "Enter" || e.key() == " ") {
        return;
    }
    let Some(session) = app.session() else { return };
    let Some(question) = app.current_question() else {
        return;
    };
    let flashcard = question.body.kind() == crate::bank::Kind::Flashcard;
    let key = e.key();
    match key.as_str() {
        "Enter" => {
            e.prevent_default();
            if flashcard && !session.current().revealed {
                app.dispatch(Action::Reveal);
            } else if !(flashcard && session.current().answer.is_none()) {
                primary_action(app, on_finish).emit(());
            }
        }
        " " if flashcard && !session.current().revealed => {
            e.prevent_default();
            app.dispatch(Action::Reveal);
        }
        "ArrowLeft" => app.dispatch(Action::Previous),
        "ArrowRight" => app.dispatch(Action::Next),
        "h" | "H" => app.dispatch(Action::ShowHint),
        k if k.len() == 1 && k.as_bytes()[0].is_ascii_digit() && k != "0" => {
            let i = usize::from(k.as_bytes()[0] - b'1');
            if flashcard {
                if session.current().revealed {
                    if let Some(&g) = crate::quiz::Grade::ALL.get(i) {
                        app.dispatch(Action::SelfGrade {
                            grade: g,
                            now: platform::now_ms(),
                        });
                    }
                }
            } else {
                app.dispatch(Action::Toggle(i));
            }
        }
        _ => {}
    }
}
