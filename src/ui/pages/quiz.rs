use super::intro::QuizIntro;
use crate::bank::Question;
use crate::platform;
use crate::route::quiz_address;
use crate::share::SharedLink;
use crate::state::{quiz_title, Action, LinkOutcome};
use crate::ui::app::{redirect, use_app, use_chunks, AppHandle};
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

/// The quiz's own links beside each question: the question's (`extras`) and "Share this quiz",
/// the address the quiz lives at.
fn quiz_extras(app: &AppHandle) -> Callback<Rc<Question>, Html> {
    let question = extras(app);
    let address = app
        .0
        .session()
        .map(|s| quiz_address(&s.ids, s.mode))
        .filter(|a| a != "/quiz");
    let link = address.map(|a| format!("{}#{a}", platform::page_url()));
    Callback::from(move |q: Rc<Question>| {
        html! {
            <>
                { question.emit(q) }
                if let Some(link) = &link {
                    <span class="quiz-share"><CopyLink label="Share this quiz" text={link.clone()} field_after_use=true /></span>
                }
            </>
        }
    })
}

/// The quiz in progress, wherever it was started, under the name of what it is.
fn runner_view(app: &AppHandle, retry: Callback<()>) -> Html {
    let on_action = app.dispatcher().to_callback().reform(Action::Quiz);
    let on_finish = Callback::from(|()| platform::go("/results"));
    let title = app.0.session().map(quiz_title);
    let latest = {
        // The handle reads the state as it is now, not as it was at this render.
        let app = app.clone();
        Callback::from(move |()| app.0.quiz.clone())
    };
    html! {
        <section class="quiz-page" aria-label="Quiz">
            if let Some(title) = title { <p class="quiz-purpose">{ title }</p> }
            <QuizRunner runner={app.0.quiz.clone()} {latest} {on_action} {on_finish} on_retry={retry} extras={Some(quiz_extras(app))} />
        </section>
    }
}

/// `#/quiz`, the quiz page's old address: it sends the running quiz on to its own link (so the
/// address bar shares it), a finished one to its results.
#[function_component]
pub fn QuizPage() -> Html {
    let app = use_app();
    let ids = app.0.session().map(|s| s.ids.clone()).unwrap_or_default();
    let retry = use_chunks(ids);
    let address = app.0.session().map(|s| {
        if s.is_finished() {
            "/results".to_string()
        } else {
            quiz_address(&s.ids, s.mode)
        }
    });
    use_effect_with(address.clone(), |address| {
        if let Some(a) = address.as_deref().filter(|a| *a != "/quiz") {
            redirect(a);
        }
    });
    match address.as_deref() {
        None => html! {
            <section class="card empty">
                <h1 tabindex="-1">{ "No quiz in progress" }</h1>
                <p><a href="#/">{ "Pick topics and start one" }</a></p>
            </section>
        },
        // Too long for a link: it runs here.
        Some("/quiz") => runner_view(&app, retry),
        Some(_) => html! { <p class="loading">{ "Opening the quiz…" }</p> },
    }
}

#[derive(Properties, PartialEq)]
pub struct SharedProps {
    pub link: SharedLink,
}

/// A quiz at its own address (`#/q/…`), which stays in the address bar so it can be copied. What
/// opening it does is the core's `open_link`: the learner's own quiz (running or unfinished)
/// goes straight on; any other first says what it is, with Start.
#[function_component]
pub fn SharedQuizPage(props: &SharedProps) -> Html {
    let app = use_app();
    let outcome = app.0.open_link(&props.link);
    // The link whose quiz this page has run: once it finishes here the runner shows its end and
    // moves on to the results, instead of offering it again.
    let ran = use_mut_ref(|| None::<SharedLink>);
    if outcome == LinkOutcome::Running {
        *ran.borrow_mut() = Some(props.link.clone());
    }
    let resume = matches!(outcome, LinkOutcome::Resume { .. });
    {
        let app = app.clone();
        use_effect_with((props.link.clone(), resume), move |(link, resume)| {
            if *resume {
                app.dispatch(Action::OpenLink {
                    link: link.clone(),
                    now: platform::now_ms(),
                });
            }
        });
    }
    let ids = app.0.session().map(|s| s.ids.clone()).unwrap_or_default();
    let retry = use_chunks(ids);
    let intro = matches!(&outcome, LinkOutcome::Start { ids, .. }
        if !(ran.borrow().as_ref() == Some(&props.link) && app.0.session().is_some_and(|s| s.ids == *ids)));
    use_effect_with(intro, |intro| {
        if *intro {
            platform::focus(".quiz-intro h1");
        }
    });
    match outcome {
        LinkOutcome::Broken { title, message } => {
            html! { <crate::ui::widgets::LinkErrorCard {title} {message} /> }
        }
        LinkOutcome::Start { ids, mode } if intro => {
            let on_start = {
                let app = app.clone();
                let link = props.link.clone();
                let ran = ran.clone();
                Callback::from(move |_| {
                    *ran.borrow_mut() = Some(link.clone());
                    app.dispatch(Action::OpenLink {
                        link: link.clone(),
                        now: platform::now_ms(),
                    });
                })
            };
            let before = app.0.taken_before(&props.link);
            html! { <QuizIntro {ids} {mode} {before} {on_start} /> }
        }
        LinkOutcome::Resume { .. } => html! { <p class="loading">{ "Opening the quiz…" }</p> },
        // Running, or just finished here.
        LinkOutcome::Running | LinkOutcome::Start { .. } => runner_view(&app, retry),
    }
}
