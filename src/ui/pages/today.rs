//! The top of the home page for a returning learner: the reviews due today and the quizzes left
//! unfinished, before anything else.

use super::study::{start, BATCH};
use crate::bank::label::one_line;
use crate::bank::{question_meta, topic_of, QUESTIONS};
use crate::platform;
use crate::progress::schema::SavedSession;
use crate::progress::study;
use crate::quiz::Mode;
use crate::route::quiz_address;
use crate::state::{quiz_title, Action, Purpose};
use crate::ui::app::{use_app, use_chunks, AppHandle};
use yew::prelude::*;

/// Due reviews and unfinished quizzes; nothing for a learner with neither.
#[function_component]
pub fn Today() -> Html {
    let app = use_app();
    let now = platform::now_ms();
    let unfinished = app.0.unfinished();
    // The question each unfinished quiz is at, so its card can say which (and Continue finds
    // it loaded).
    let at: Vec<String> = unfinished
        .iter()
        .filter_map(|s| s.session.as_ref().map(|s| s.current_id().to_string()))
        .collect();
    use_chunks(at);
    html! {
        <>
            { due_card(&app, &unfinished, now) }
            { continue_card(&app, &unfinished, now) }
        </>
    }
}

fn ran_out(saved: &SavedSession, now: f64) -> bool {
    saved
        .session
        .as_ref()
        .and_then(|s| s.deadline_ms())
        .is_some_and(|d| now >= d)
}

/// "19 reviews due — Start reviews", or Continue when a review quiz is already under way.
fn due_card(app: &AppHandle, unfinished: &[SavedSession], now: f64) -> Html {
    let records = &app.0.records;
    let ids = || QUESTIONS.iter().map(|q| q.id);
    let due = study::due_count(records, ids(), now);
    if due == 0 {
        return html! {};
    }
    let under_way = unfinished.iter().find(|saved| {
        saved
            .session
            .as_ref()
            .is_some_and(|s| Purpose::of(s) == Purpose::Due)
    });
    let (label, onclick) = match under_way.and_then(|s| Some((s.id, s.session.clone()?))) {
        Some((id, session)) => {
            let d = app.dispatcher();
            let go = Callback::from(move |_| {
                d.dispatch(Action::Resume {
                    id,
                    now: platform::now_ms(),
                });
                platform::go(&quiz_address(&session.ids, session.mode));
            });
            ("Continue reviews", go)
        }
        None => {
            let app = app.clone();
            let go = Callback::from(move |_| {
                let now = platform::now_ms();
                let queue = study::due_queue(&app.0.records, ids(), now);
                let batch = queue.into_iter().take(BATCH).collect();
                start(&app, batch, Mode::Practice, Purpose::Due);
            });
            ("Start reviews", go)
        }
    };
    let title = if due == 1 {
        "1 review due".to_string()
    } else {
        format!("{due} reviews due")
    };
    html! {
        <section class="card due-card" aria-labelledby="due-title">
            <div class="due-row">
                <h2 id="due-title">{ title }</h2>
                <button type="button" class="primary due-start" {onclick}>{ label }</button>
            </div>
            <p class="muted">{ format!("Questions you are about to forget, most forgotten first, {BATCH} at a time.") }</p>
        </section>
    }
}

/// Quizzes left unfinished (in this tab or another), the newest first. An exam whose time ran
/// out meanwhile offers its results instead.
fn continue_card(app: &AppHandle, unfinished: &[SavedSession], now: f64) -> Html {
    if unfinished.is_empty() {
        return html! {};
    }
    html! {
        <section class="card continue" aria-labelledby="continue-title">
            <h2 id="continue-title">{ if unfinished.len() == 1 { "Continue your quiz" } else { "Continue a quiz" } }</h2>
            <ul class="unfinished">
                { for unfinished.iter().map(|saved| unfinished_item(app, saved, now)) }
            </ul>
        </section>
    }
}

fn unfinished_item(app: &AppHandle, saved: &SavedSession, now: f64) -> Html {
    let Some(s) = saved.session.clone() else {
        return html! {};
    };
    let id = saved.id;
    let expired = ran_out(saved, now);
    let resume = {
        let d = app.dispatcher();
        let address = quiz_address(&s.ids, s.mode);
        Callback::from(move |_| {
            d.dispatch(Action::Resume {
                id,
                now: platform::now_ms(),
            });
            // Taking up an exam whose time ran out hands it in: its results are next.
            platform::go(if expired { "/results" } else { &address });
        })
    };
    let discard = {
        let d = app.dispatcher();
        Callback::from(move |_| {
            d.dispatch(Action::DiscardSaved {
                id,
                now: platform::now_ms(),
            })
        })
    };
    let done = s.done_count(|id| question_meta(id).map(|m| m.kind));
    let status = if expired {
        format!(
            "{}: time ran out with {done} of {} answered.",
            quiz_title(&s),
            s.ids.len()
        )
    } else {
        format!(
            "{}: {done} of {} answered, at question {}.",
            quiz_title(&s),
            s.ids.len(),
            s.position + 1
        )
    };
    // Which question it is at, told apart from others alike ("What does this print?").
    let current = s.current_id();
    let at = (!expired)
        .then(|| app.0.quiz.question(current))
        .flatten()
        .map(|q| {
            let topic = topic_of(current).map_or("", |t| t.title);
            format!("Question {}: {topic} · {}", s.position + 1, one_line(q))
        });
    html! {
        <li>
            <p>{ status }</p>
            if let Some(at) = at { <p class="muted at-question">{ at }</p> }
            <div class="actions">
                <button type="button" class="primary" onclick={resume}>
                    { if expired { "Time ran out — see your results" } else { "Continue" } }
                </button>
                <button type="button" class="ghost" onclick={discard}>{ "Discard it" }</button>
            </div>
        </li>
    }
}
