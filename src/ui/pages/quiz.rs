use crate::bank::Question;
use crate::platform;
use crate::share::QuizLink;
use crate::state::{Action, Purpose};
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
    pub link: QuizLink,
}

/// A shared quiz at its own address (`#/q/…`), which stays in the address bar so it can be
/// copied again. Reopening it continues where the learner was; a quiz they had going elsewhere
/// is kept under "Continue" on the home page.
#[function_component]
pub fn SharedQuizPage(props: &SharedProps) -> Html {
    let app = use_app();
    {
        let app = app.clone();
        use_effect_with(props.link.clone(), move |link| {
            let now = platform::now_ms();
            let same = |s: &crate::quiz::Session| {
                s.ids == link.ids && s.mode == link.mode && !s.is_finished()
            };
            if app.0.session().is_some_and(same) {
                return;
            }
            let saved = app
                .0
                .unfinished()
                .find(|x| x.session.as_ref().is_some_and(same))
                .map(|x| x.id);
            app.dispatch(match saved {
                Some(id) => Action::Resume { id, now },
                None => Action::Start {
                    ids: link.ids.clone(),
                    mode: link.mode,
                    purpose: Purpose::Study,
                    now,
                },
            });
        });
    }
    let ids = app.0.session().map(|s| s.ids.clone()).unwrap_or_default();
    let retry = use_chunks(ids);
    // The running quiz is this link's (less any questions deleted since it was made)?
    let ours = app.0.session().is_some_and(|s| {
        s.mode == props.link.mode && s.ids.iter().all(|id| props.link.ids.contains(id))
    });
    if !ours {
        let gone = app
            .0
            .notices
            .items
            .iter()
            .any(|n| n.text.starts_with("None of the questions"));
        return if gone {
            html! { <crate::ui::widgets::LinkErrorCard title="This quiz is gone" message="None of the questions in this link exist any more." /> }
        } else {
            html! { <p class="loading">{ "Opening the quiz…" }</p> }
        };
    }
    runner_view(&app, retry)
}
