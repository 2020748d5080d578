use crate::bank::{topic, QUESTIONS, TOPICS};
use crate::platform::{self, embed};
use crate::quiz::select;
use crate::share::{EmbedParams, Theme};
use crate::state::Action;
use crate::ui::hooks::use_app;
use crate::ui::widgets::{Notices, QuizRunner};
use wasm_bindgen::JsValue;
use yew::prelude::*;

fn params() -> Result<EmbedParams, String> {
    let hash = platform::hash();
    let query = hash.split_once('?').map_or("", |(_, q)| q);
    EmbedParams::parse(query, |t| topic(t).is_some()).map_err(|e| e.to_string())
}

/// The chrome-less widget for blogs: runs a quiz in an iframe and tells the host page its
/// height and what the reader did.
#[function_component]
pub fn EmbedPage() -> Html {
    let app = use_app();
    let root = use_node_ref();
    let params = use_memo((), |_| params());
    let finished = app.session().is_some_and(|s| s.is_finished());

    // Start the quiz once; theme the page.
    {
        let app = app.clone();
        let params = params.clone();
        use_effect_with((), move |_| {
            if let Ok(p) = &*params {
                if let Some(html) = gloo::utils::document().document_element() {
                    let _ = html.set_attribute("data-theme", p.theme.as_str());
                    if p.theme == Theme::Auto {
                        let _ = html.remove_attribute("data-theme");
                    }
                }
                let topic_ids: Vec<&str> = TOPICS.iter().map(|t| t.id).collect();
                let ids = p
                    .ids
                    .clone()
                    .unwrap_or_else(|| select(&QUESTIONS, &topic_ids, &p.filters, p.seed));
                app.dispatch(Action::Start {
                    ids,
                    mode: p.mode,
                    now: platform::now_ms(),
                });
            }
        });
    }

    // Height to the host on every size change.
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            let guard = root
                .cast::<web_sys::Element>()
                .and_then(|el| embed::observe_height(&el));
            move || drop(guard)
        });
    }

    // `answered` once per answer, `completed` once per finish; "Try again" starts a new count.
    {
        // (the session's start time, answers posted, completion posted)
        let posted = use_mut_ref(|| (f64::NAN, 0usize, false));
        let session = app.session().cloned();
        use_effect_with(session, move |session| {
            let Some(s) = session else { return };
            let mut posted = posted.borrow_mut();
            if posted.0 != s.started_ms {
                *posted = (s.started_ms, 0, false);
            }
            if s.answered_count() > posted.1 {
                let newest = s
                    .ids
                    .iter()
                    .zip(&s.entries)
                    .filter_map(|(id, e)| e.answer.as_ref().map(|a| (id, a)))
                    .max_by(|a, b| a.1.at_ms.total_cmp(&b.1.at_ms));
                if let Some((id, a)) = newest {
                    embed::post(
                        "answered",
                        &[
                            ("id", JsValue::from_str(id)),
                            ("correct", JsValue::from_bool(a.correct)),
                        ],
                    );
                }
                posted.1 = s.answered_count();
            }
            if s.is_finished() && !posted.2 {
                let sum = s.summary();
                let ids = js_sys::Array::new();
                for id in &s.ids {
                    ids.push(&JsValue::from_str(id));
                }
                embed::post(
                    "completed",
                    &[
                        ("score", JsValue::from(sum.correct as u32)),
                        ("total", JsValue::from(sum.total as u32)),
                        ("ids", ids.into()),
                    ],
                );
                posted.2 = true;
            }
        });
    }

    let restart = {
        let app = app.clone();
        Callback::from(move |_| {
            if let Some(s) = app.session() {
                app.dispatch(Action::Start {
                    ids: s.ids.clone(),
                    mode: s.mode,
                    now: platform::now_ms(),
                });
            }
        })
    };
    let app_link = format!("{}#/", platform::base_url());
    let body = match &*params {
        Err(message) => html! { <div class="link-error" role="alert"><p>{ message }</p></div> },
        Ok(_) if finished => {
            let sum = app.session().map(|s| s.summary());
            html! {
                <div class="embed-done">
                    if let Some(sum) = sum {
                        <p class="big-score"><span class="score-value">{ format!("{} / {}", sum.correct, sum.total) }</span></p>
                    }
                    <div class="actions">
                        <button class="primary" onclick={restart}>{ "Try again" }</button>
                        <a class="button secondary" href={app_link} target="_blank" rel="noopener">{ "More Python questions ↗" }</a>
                    </div>
                </div>
            }
        }
        Ok(_) => html! { <QuizRunner on_finish={Callback::noop()} /> },
    };
    html! {
        <div class="embed" ref={root}>
            <Notices />
            { body }
        </div>
    }
}
