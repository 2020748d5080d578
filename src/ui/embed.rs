//! The blog embed: the quiz in an iframe, nothing else. It reads its settings from its address,
//! downloads one topic's chunk, runs the quiz, shows the score with a review, and tells the
//! host page its height and what the reader did. No router, no storage, no app pages.

use super::quiz::{QuizRunner, Review, ScoreSummary};
use crate::bank::{candidates_in, topic, topic_of, TopicMeta};
use crate::platform::{self, chunks, host};
use crate::quiz::{select, QuizAction, Runner, Session};
use crate::share::{EmbedParams, Theme};
use std::rc::Rc;
use yew::prelude::*;

/// The runner as a reducer: the embed's whole state.
#[derive(Clone, Default, PartialEq)]
struct Model(Runner);

impl Reducible for Model {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

/// What the address asked for, resolved to question ids.
struct Plan {
    ids: Vec<String>,
    mode: crate::quiz::Mode,
    notices: Vec<String>,
}

fn plan() -> Result<Plan, String> {
    let hash = platform::hash();
    let (params, mut notices) =
        EmbedParams::parse(&hash, |t| topic(t).is_some()).map_err(|e| e.to_string())?;
    let theme = match params.theme {
        Theme::Auto => None,
        t => Some(t.as_str()),
    };
    platform::set_theme(theme);
    let ids = match params.ids {
        Some(ids) => {
            let (known, unknown): (Vec<String>, Vec<String>) =
                ids.into_iter().partition(|id| topic_of(id).is_some());
            if !unknown.is_empty() {
                notices.push(format!(
                    "{} of the embed's questions do not exist and were left out.",
                    unknown.len()
                ));
            }
            known
        }
        None => select(
            candidates_in(&params.filters.topics),
            &params.filters,
            params.seed(),
        ),
    };
    if ids.is_empty() {
        return Err("This quiz has no questions to show.".into());
    }
    Ok(Plan {
        ids,
        mode: params.mode,
        notices,
    })
}

/// The topics holding `ids`, each once.
fn topics_of(ids: &[String]) -> Vec<&'static TopicMeta> {
    crate::bank::topics_of(ids.iter().map(String::as_str))
}

fn load(topics: Vec<&'static TopicMeta>, dispatch: UseReducerDispatcher<Model>) {
    for t in topics {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            dispatch.dispatch(match chunks::load(t, "../").await {
                Ok(chunk) => QuizAction::Loaded(Rc::new(chunk)),
                Err(message) => QuizAction::LoadFailed {
                    topic: t.id.to_string(),
                    message,
                },
            });
        });
    }
}

#[function_component]
pub fn EmbedApp() -> Html {
    let plan = use_memo((), |_| plan());
    let model = use_reducer(Model::default);
    let root = use_node_ref();
    let show_results = use_state(|| false);

    // Start the quiz and fetch its questions, once.
    {
        let plan = plan.clone();
        let dispatch = model.dispatcher();
        use_effect_with((), move |_| {
            if let Ok(p) = &*plan {
                dispatch.dispatch(QuizAction::Start(Session::new(
                    p.ids.clone(),
                    p.mode,
                    platform::now_ms(),
                )));
                load(topics_of(&p.ids), dispatch);
            }
        });
    }
    // The host hears the height on every change, and each event once.
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            let guard = root
                .cast::<web_sys::Element>()
                .and_then(|el| host::observe_height(&el));
            move || drop(guard)
        });
    }
    {
        let posted = use_mut_ref(|| 0u64);
        let outbox = model.0.outbox.clone();
        use_effect_with(outbox, move |outbox| {
            let mut last = posted.borrow_mut();
            let from = *last;
            for (n, event) in outbox.iter().filter(|(n, _)| *n > from) {
                host::post_event(event);
                *last = *n;
            }
        });
    }

    let runner = &model.0;
    let body = match &*plan {
        Err(message) => html! { <div class="link-error" role="alert"><p>{ message }</p></div> },
        // Every question it named was missing from its topic: nothing is left to wait for.
        Ok(_) if runner.session.is_none() && !runner.missing.is_empty() => {
            html! { <div class="link-error" role="alert"><p>{ "This quiz has no questions to show." }</p></div> }
        }
        Ok(_) if *show_results && runner.session.as_ref().is_some_and(Session::is_finished) => {
            let summary = runner.session.as_ref().map(Session::summary);
            let retry = {
                let dispatch = model.dispatcher();
                let show_results = show_results.clone();
                let ids = runner.session.as_ref().map(|s| (s.ids.clone(), s.mode));
                Callback::from(move |_: MouseEvent| {
                    if let Some((ids, mode)) = ids.clone() {
                        dispatch.dispatch(QuizAction::Start(Session::new(
                            ids,
                            mode,
                            platform::now_ms(),
                        )));
                        show_results.set(false);
                    }
                })
            };
            html! {
                <div class="embed-done">
                    if let Some(summary) = summary { <ScoreSummary {summary} /> }
                    <div class="actions">
                        <button type="button" class="primary" onclick={retry}>{ "Try again" }</button>
                        <a class="button secondary" href={format!("{}../", platform::folder_url())} target="_blank" rel="noopener">{ "More Python questions ↗" }</a>
                    </div>
                    <Review runner={runner.clone()} />
                </div>
            }
        }
        Ok(_) => {
            let on_finish = {
                let show_results = show_results.clone();
                Callback::from(move |()| show_results.set(true))
            };
            let on_retry = {
                let dispatch = model.dispatcher();
                let ids = runner
                    .session
                    .as_ref()
                    .map(|s| s.ids.clone())
                    .unwrap_or_default();
                let failed: Vec<&'static TopicMeta> = topics_of(&ids)
                    .into_iter()
                    .filter(|t| runner.failed.contains_key(t.id))
                    .collect();
                Callback::from(move |()| load(failed.clone(), dispatch.clone()))
            };
            html! { <QuizRunner runner={runner.clone()} on_action={model.dispatcher().to_callback()} {on_finish} {on_retry} /> }
        }
    };
    let notices = match &*plan {
        Ok(p) if !p.notices.is_empty() => html! {
            <div class="notices" role="status">{ for p.notices.iter().map(|n| html! { <p class="notice info">{ n.clone() }</p> }) }</div>
        },
        _ => html! {},
    };
    html! {
        <main class="embed" ref={root}>
            { notices }
            { body }
        </main>
    }
}
