use super::study::start;
use crate::platform;
use crate::share::{EmbedParams, QuizLink, ScoreLink};
use crate::state::{friend_comparison, quiz_title, Purpose};
use crate::ui::app::{use_app, use_chunks};
use crate::ui::quiz::{Review, ScoreSummary};
use crate::ui::widgets::{CopyLink, EmbedDialog};
use yew::prelude::*;

/// The score, every question reviewed, and ways to go on: retry, share, embed.
#[function_component]
pub fn ResultsPage() -> Html {
    let app = use_app();
    let ids = app.0.session().map(|s| s.ids.clone()).unwrap_or_default();
    use_chunks(ids.clone());
    if app.0.quiz.finishing.is_some() && app.0.session().is_some_and(|s| !s.is_finished()) {
        // An exam handed in with answers whose questions are still loading.
        return html! { <p class="loading" role="status">{ "Grading your answers…" }</p> };
    }
    let Some(session) = app.0.session().filter(|s| s.is_finished()) else {
        return html! {
            <section class="card empty">
                <h1 tabindex="-1">{ "No results yet" }</h1>
                <p>{ "Finish a quiz to see your score here. " }<a href="#/">{ "Start one" }</a></p>
            </section>
        };
    };
    let summary = session.summary();
    let comparison = friend_comparison(session, summary.correct, summary.total);
    let missed = summary.not_right();
    let page = platform::page_url();
    let quiz_link = format!(
        "{page}#{}",
        QuizLink {
            ids: ids.clone(),
            mode: session.mode
        }
        .path()
    );
    let score_link = format!(
        "{page}#{}",
        ScoreLink {
            correct: summary.correct,
            total: summary.total,
            ids: ids.clone()
        }
        .path()
    );
    let retry = {
        let app = app.clone();
        let missed = missed.clone();
        let mode = session.mode;
        Callback::from(move |_| start(&app, missed.clone(), mode, Purpose::Study))
    };
    let embed = EmbedParams {
        ids: Some(ids.clone()),
        mode: session.mode,
        ..EmbedParams::default()
    };
    html! {
        <div class="results">
            <section class="card score" aria-labelledby="score-title">
                <p class="quiz-purpose">{ quiz_title(session) }</p>
                <ScoreSummary summary={summary.clone()} />
                if let Some(comparison) = comparison {
                    <p class="comparison">{ comparison }</p>
                }
                if !session.scheduled {
                    <p class="muted">{ "Crammed: these answers count in your history but did not change your review schedule." }</p>
                }
                <div class="actions">
                    if !missed.is_empty() {
                        <button type="button" class="primary retry" onclick={retry}>{ format!("Retry the {} I missed", missed.len()) }</button>
                    }
                    <a href="#/" class="button secondary">{ "New quiz" }</a>
                </div>
                <div class="share-links">
                    <CopyLink label="Share this quiz" text={quiz_link} field=true />
                    <CopyLink label="Share my score" text={score_link} field=true />
                </div>
                <div class="actions share">
                    <EmbedDialog params={embed} />
                </div>
            </section>
            <Review runner={app.0.quiz.clone()} />
        </div>
    }
}
