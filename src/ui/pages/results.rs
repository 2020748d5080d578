use crate::bank::{Body, Question};
use crate::platform;
use crate::quiz::{Answer, Response};
use crate::share::{QuizLink, ScoreLink};
use crate::state::Action;
use crate::ui::hooks::{use_app, use_questions};
use crate::ui::markup::{explanation_with_docs, raw_html};
use crate::ui::route::Route;
use crate::ui::widgets::{CopyLink, EmbedDialog};
use yew::prelude::*;
use yew_router::prelude::*;

fn format_duration(ms: f64) -> String {
    let secs = (ms / 1000.0).round() as u64;
    if secs < 60 {
        format!("{secs} s")
    } else {
        format!("{} min {} s", secs / 60, secs % 60)
    }
}

/// The score, every question reviewed, and ways to go on: retry, share, embed.
#[function_component]
pub fn ResultsPage() -> Html {
    let app = use_app();
    let navigator = use_navigator().expect("inside the router");
    let ids = app.session().map(|s| s.ids.clone()).unwrap_or_default();
    use_questions(ids.clone());
    let Some(session) = app.session().filter(|s| s.is_finished()) else {
        return html! {
            <section class="card empty">
                <h1>{ "No results yet" }</h1>
                <p>{ "Finish a quiz to see your score here. " }<Link<Route> to={Route::Home}>{ "Start one" }</Link<Route>></p>
            </section>
        };
    };
    let summary = session.summary();
    let missed = summary.missed();
    let base = platform::base_url();
    let quiz_link = format!(
        "{base}#{}",
        QuizLink {
            ids: ids.clone(),
            mode: session.mode
        }
        .path()
    );
    let score_link = format!(
        "{base}#{}",
        ScoreLink {
            correct: summary.correct,
            total: summary.total,
            ids: ids.clone()
        }
        .path()
    );

    let retry_missed = {
        let app = app.clone();
        let nav = navigator.clone();
        let missed = missed.clone();
        let mode = session.mode;
        Callback::from(move |_| {
            app.dispatch(Action::Start {
                ids: missed.clone(),
                mode,
                now: platform::now_ms(),
            });
            nav.push(&Route::Quiz);
        })
    };
    let items = session.ids.iter().zip(&session.entries).enumerate().map(|(i, (id, entry))| {
        let q = app.questions.get(id);
        let verdict = match &entry.answer {
            Some(a) if a.correct => ("right", "Right"),
            Some(_) => ("wrong", "Wrong"),
            None => ("skipped", "Skipped"),
        };
        html! {
            <li class={classes!("review-item", verdict.0)}>
                <details>
                    <summary>
                        <span class="num">{ i + 1 }</span>
                        <span class={classes!("verdict", verdict.0)}>{ verdict.1 }</span>
                        <span class="review-prompt">{ q.map(|q| raw_html(&q.prompt)).unwrap_or_else(|| html! { { id.clone() } }) }</span>
                    </summary>
                    if let Some(q) = q { { review_body(q, entry.answer.as_ref()) } }
                </details>
            </li>
        }
    });

    html! {
        <div class="results">
            <section class="card score" aria-labelledby="score-title">
                <h1 id="score-title">{ "Your score" }</h1>
                <p class="big-score"><span class="score-value">{ format!("{} / {}", summary.correct, summary.total) }</span>
                    <span class="percent">{ format!("{}%", summary.percent()) }</span></p>
                <p class="muted">{ format!("{} answered · {}", summary.answered, format_duration(summary.duration_ms)) }</p>
                <div class="actions">
                    if !missed.is_empty() {
                        <button class="primary" onclick={retry_missed}>{ format!("Retry the {} I missed", missed.len()) }</button>
                    }
                    <Link<Route> to={Route::Home} classes="button secondary">{ "New quiz" }</Link<Route>>
                </div>
                <div class="actions share">
                    <CopyLink label="Share this quiz" text={quiz_link} />
                    <CopyLink label="Share my score" text={score_link} />
                    <EmbedDialog attrs={vec![(AttrValue::from("ids"), AttrValue::from(ids.join(".")))]} />
                </div>
            </section>
            <section aria-labelledby="review-title">
                <h2 id="review-title">{ "Review" }</h2>
                <ol class="review-list">{ for items }</ol>
            </section>
        </div>
    }
}

fn review_body(q: &Question, answer: Option<&Answer>) -> Html {
    let yours = match answer.map(|a| &a.response) {
        None => html! { <em>{ "no answer" }</em> },
        Some(Response::Text(t)) => html! { <code>{ t.clone() }</code> },
        Some(Response::SelfGrade(g)) => html! { { format!("self-graded “{}”", g.label()) } },
        Some(Response::Choices(picked)) => {
            let opts = q.body.options();
            html! { <>{ for picked.iter().filter_map(|&i| opts.get(i)).map(|o| html! { <span class="answer-chip">{ raw_html(&o.html) }</span> }) }</> }
        }
    };
    let right = match &q.body {
        Body::Short { answers, .. } => {
            html! { <code>{ answers.first().cloned().unwrap_or_default() }</code> }
        }
        Body::Flashcard { answer, .. } => raw_html(answer),
        body => {
            html! { <>{ for body.options().iter().filter(|o| o.correct).map(|o| html! { <span class="answer-chip">{ raw_html(&o.html) }</span> }) }</> }
        }
    };
    html! {
        <div class="review-body">
            if let Some(code) = &q.code { { raw_html(code) } }
            <p><strong>{ "Your answer: " }</strong>{ yours }</p>
            <div><strong>{ "Right answer: " }</strong>{ right }</div>
            { explanation_with_docs(q) }
        </div>
    }
}
