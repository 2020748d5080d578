//! The card a shared quiz link opens with: what pyquiz is, what the quiz holds, who it is from,
//! and Start.

use super::question::ABOUT;
use crate::quiz::Mode;
use crate::state::quiz_contents;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The questions the link names that exist.
    pub ids: Vec<String>,
    pub mode: Mode,
    /// The learner's own score the last time they finished this quiz here, if they did.
    pub before: Option<(usize, usize)>,
    pub on_start: Callback<()>,
}

#[function_component]
pub fn QuizIntro(props: &Props) -> Html {
    let (what, level) = quiz_contents(&props.ids);
    let from = match props.before {
        Some((right, total)) => format!("You took this quiz before: {right} / {total}."),
        None => "A friend shared this quiz with you.".into(),
    };
    let how = match props.mode {
        Mode::Practice => "Practice: see right or wrong after each question.",
        Mode::Exam => "Exam: no hints, answers at the end.",
    };
    html! {
        <section class="card quiz-intro" aria-labelledby="intro-title">
            <p class="intro-from">{ from }</p>
            <h1 id="intro-title" tabindex="-1">{ what }</h1>
            <p class="intro-facts">
                if !level.is_empty() { <span class="badge">{ level }</span> }
                <span>{ how }</span>
            </p>
            <p class="muted">{ ABOUT }</p>
            <div class="actions">
                <button type="button" class="primary start-shared" onclick={props.on_start.reform(|_| ())}>
                    { if props.before.is_some() { "Take it again" } else { "Start the quiz" } }
                </button>
                <a href="#/" class="button secondary">{ "Build your own quiz" }</a>
            </div>
        </section>
    }
}
