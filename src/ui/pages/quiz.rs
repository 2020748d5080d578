use crate::bank::Question;
use crate::platform;
use crate::share::SharedLink;
use crate::state::{Action, LinkOutcome};
use crate::ui::app::{use_app, use_chunks, AppHandle};
use crate::ui::quiz::QuizRunner;
use crate::ui::widgets::CopyLink;
use std::rc::Rc;
use yew::prelude::*;

/// Where "Report a problem" goes; set `PYQUIZ_ISSUES_URL` at build time for your own repository.
const ISSUES_URL: &str = match option_env!("PYQUIZ_ISSUES_URL") {
    Some(url) => url,
    None => "https://github.com/pyquiz/pyquiz/issues/new",
};

/// The app's links beside a question: its permalink, a bookmark and a problem report.
pub(super) fn extras(app: &AppHandle) -> Callback<Rc<Question>, Html> {
    let app = app.clone();
    Callback::from(move |q: Rc<Question>| {
        let id = q.id.clone();
        let marked = app.0.settings.is_bookmarked(&id);
        let toggle = {
            let d = app.dispatcher();
            let id = id.clone();
            Callback::from(move |_| {
                d.dispatch(Action::ToggleBookmark {
                    id: id.clone(),
                    now: platform::now_ms(),
                })
            })
        };
        let report = format!(
            "{ISSUES_URL}?title={}&body={}",
            crate::route::percent_encode(&format!("Problem with question {id}")),
            crate::route::percent_encode(&format!(
                "Question: {id}\nLink: {}#/question/{id}\n\nWhat is wrong:\n",
                platform::page_url()
            ))
        );
        html! {
            <span class="question-links">
                <CopyLink label="Copy link" text={format!("{}#/question/{id}", platform::page_url())} />
                <button type="button" class="ghost bookmark" aria-pressed={marked.to_string()} onclick={toggle}>
                    { if marked { "★ Bookmarked" } else { "☆ Bookmark" } }
                </button>
                <a class="report" href={report} target="_blank" rel="noopener">{ "Report a problem" }</a>
            </span>
        }
    })
}

/// The quiz in progress, wherever it was started.
fn runner_view(app: &AppHandle, retry: Callback<()>) -> Html {
    let on_action = app.dispatcher().to_callback().reform(Action::Quiz);
    let on_finish = Callback::from(|()| platform::go("/results"));
    html! {
        <section class="quiz-page" aria-label="Quiz">
            <QuizRunner runner={app.0.quiz.clone()} {on_action} {on_finish} on_retry={retry} extras={Some(extras(app))} />
        </section>
    }
}

#[function_component]
pub fn QuizPage() -> Html {
    let app = use_app();
    let ids = app.0.session().map(|s| s.ids.clone()).unwrap_or_default();
    let retry = use_chunks(ids);
    if app.0.session().is_none() {
        return html! {
            <section class="card empty">
                <h1 tabindex="-1">{ "No quiz in progress" }</h1>
                <p><a href="#/">{ "Pick topics and start one" }</a></p>
            </section>
        };
    }
    runner_view(&app, retry)
}

#[derive(Properties, PartialEq)]
pub struct SharedProps {
    pub link: SharedLink,
}

/// A shared quiz at its own address (`#/q/…`), which stays in the address bar so it can be
/// copied again. What opening it does is the core's `open_link`: this page only carries it
/// out and shows the result.
#[function_component]
pub fn SharedQuizPage(props: &SharedProps) -> Html {
    let app = use_app();
    let outcome = app.0.open_link(&props.link);
    // The link this page has opened. Once opened, its quiz runs here until it is finished and
    // its results shown; it is opened again only for another link, or if the quiz went away
    // (discarded by a reset in another tab).
    let opened = use_mut_ref(|| None::<SharedLink>);
    let to_open = matches!(
        outcome,
        LinkOutcome::Resume { .. } | LinkOutcome::Start { .. }
    ) && (opened.borrow().as_ref() != Some(&props.link) || app.0.session().is_none());
    {
        let app = app.clone();
        let opened = opened.clone();
        use_effect_with((props.link.clone(), to_open), move |(link, to_open)| {
            if *to_open {
                *opened.borrow_mut() = Some(link.clone());
                app.dispatch(Action::OpenLink {
                    link: link.clone(),
                    now: platform::now_ms(),
                });
            }
        });
    }
    let ids = app.0.session().map(|s| s.ids.clone()).unwrap_or_default();
    let retry = use_chunks(ids);
    match outcome {
        LinkOutcome::Running => runner_view(&app, retry),
        // Just finished here: the runner shows the end and moves on to the results.
        LinkOutcome::Resume { .. } | LinkOutcome::Start { .. }
            if !to_open && app.0.session().is_some() =>
        {
            runner_view(&app, retry)
        }
        LinkOutcome::Broken { title, message } => {
            html! { <crate::ui::widgets::LinkErrorCard {title} {message} /> }
        }
        LinkOutcome::Resume { .. } | LinkOutcome::Start { .. } => {
            html! { <p class="loading">{ "Opening the quiz…" }</p> }
        }
    }
}
