use crate::bank::topic_of;
use crate::platform::{self, chunks};
use crate::quiz::{primary, Mode, Primary, QuizAction, Runner, Session};
use crate::state::Action;
use crate::ui::app::use_app;
use crate::ui::quiz::{use_question_keys, QuestionCard, Shortcuts};
use std::rc::Rc;
use yew::prelude::*;

/// What pyquiz is, in one line, for someone who arrives by a shared link.
pub const ABOUT: &str = "pyquiz is Python interview practice that runs in your browser: no account, and your answers stay on your device.";

#[derive(Clone, Default, PartialEq)]
struct Local(Runner);

impl Reducible for Local {
    type Action = QuizAction;

    fn reduce(self: Rc<Self>, action: QuizAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: String,
    /// The page was opened at this address (a link from outside): say what pyquiz is.
    #[prop_or_default]
    pub shared: bool,
}

/// One question at its permanent address (`#/question/<id>`): try it, see why, go on. It is not
/// a quiz of one (no score page); the answer still counts in the learner's history.
#[function_component]
pub fn QuestionPage(props: &Props) -> Html {
    let app = use_app();
    let local = use_reducer(Local::default);
    let topic = topic_of(&props.id);
    {
        let dispatch = local.dispatcher();
        use_effect_with(props.id.clone(), move |id| {
            dispatch.dispatch(QuizAction::Start(Session::new(
                vec![id.clone()],
                Mode::Practice,
                platform::now_ms(),
            )));
            if let Some(t) = topic_of(id) {
                wasm_bindgen_futures::spawn_local(async move {
                    dispatch.dispatch(match chunks::load(t, "").await {
                        Ok(c) => QuizAction::Loaded(Rc::new(c)),
                        Err(message) => QuizAction::LoadFailed {
                            topic: t.id.into(),
                            message,
                        },
                    });
                });
            }
        });
    }
    // The answer goes into the learner's history once.
    let outcome = local.0.session.as_ref().and_then(Session::current_outcome);
    {
        let d = app.dispatcher();
        use_effect_with(outcome, move |o| {
            if let Some(o) = o {
                d.dispatch(Action::Record {
                    outcomes: vec![o.clone()],
                    now: platform::now_ms(),
                });
            }
        });
    }
    let runner = &local.0;
    let latest = {
        // The handle reads the state as it is now, not as it was at this render.
        let local = local.clone();
        Callback::from(move |()| local.0.clone())
    };
    let help = use_question_keys(latest, local.dispatcher().to_callback());
    let (Some(topic), Some(session)) = (topic, runner.session.as_ref()) else {
        return html! { <crate::ui::widgets::LinkErrorCard title="No such question" message={format!("There is no question “{}”.", props.id)} /> };
    };
    let Some(q) = runner.current_question().cloned() else {
        let failed = runner.failed.get(topic.id);
        return match failed {
            Some(m) => {
                html! { <div class="load-error" role="alert"><h1 tabindex="-1">{ "Question" }</h1><p>{ m.clone() }</p></div> }
            }
            None if crate::bank::question_meta(&props.id).is_none() => html! {
                <crate::ui::widgets::LinkErrorCard title="No such question" message={format!("There is no question “{}” (it may have been removed).", props.id)} />
            },
            None => html! { <p class="loading">{ "Loading the question…" }</p> },
        };
    };
    let (main, enabled) = primary(session, Some(&q));
    let on_action = local.dispatcher().to_callback();
    let press = {
        let on = on_action.clone();
        Callback::from(move |_: MouseEvent| match main {
            Primary::Submit => on.emit(QuizAction::Submit {
                now: platform::now_ms(),
            }),
            Primary::Reveal => on.emit(QuizAction::Reveal),
            _ => {}
        })
    };
    let answered = session.current().answer.is_some();
    let quiz_on_topic = {
        let app = app.clone();
        let filters = crate::quiz::Filters {
            topics: vec![topic.id.to_string()],
            ..Default::default()
        };
        Callback::from(move |_| {
            let ids = crate::quiz::select(
                crate::bank::candidates(),
                &filters,
                platform::now_ms() as u64,
            );
            super::study::start(&app, ids, Mode::Practice, crate::state::Purpose::Study);
        })
    };
    html! {
        <div class="question-page">
            <h1 tabindex="-1">{ format!("A question on {}", topic.title) }</h1>
            if props.shared {
                <p class="shared-intro">
                    { format!("A friend shared this {} question with you. ", q.difficulty.label().to_lowercase()) }
                    <span class="muted">{ ABOUT }</span>
                </p>
            }
            <QuestionCard question={q.clone()} slot={session.current().clone()} mode={Mode::Practice}
                extras={super::quiz::extras(&app).emit(q.clone())} on_action={on_action.clone()} />
            <div class="quiz-nav">
                if !answered && matches!(main, Primary::Submit | Primary::Reveal) {
                    <button type="button" class="primary" disabled={!enabled} onclick={press}>{ main.label() }</button>
                }
                if answered {
                    <button type="button" class="primary" onclick={quiz_on_topic}>{ format!("Quiz on {}", topic.title) }</button>
                    <a class="button secondary" href={format!("#/browse?topic={}", topic.id)}>{ "More questions like this" }</a>
                }
            </div>
            if *help {
                <Shortcuts on_close={ { let help = help.clone(); Callback::from(move |_| help.set(false)) } } />
            }
        </div>
    }
}
