use super::question::ABOUT;
use crate::platform;
use crate::share::ScoreLink;
use crate::state::{quiz_contents, score_notice, Action};
use crate::ui::app::use_app;
use crate::ui::markup::plural;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub score: ScoreLink,
}

/// Someone's shared score: what pyquiz is, what the quiz holds, and the same quiz one click away
/// (its results then compare the two scores).
#[function_component]
pub fn ScorePage(props: &Props) -> Html {
    let app = use_app();
    let s = &props.score;
    let path = s.quiz().path();
    let (what, level) = quiz_contents(&s.ids);
    // The link's own address opens the quiz; starting it here first keeps the friend's score.
    let take = {
        let d = app.dispatcher();
        let score = s.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::TakeScored {
                score: score.clone(),
                now: platform::now_ms(),
            })
        })
    };
    html! {
        <section class="card score-share quiz-intro">
            <p class="intro-from">{ "A friend shared their score with you." }</p>
            <h1 tabindex="-1">{ format!("A friend scored {} / {}", s.correct, s.total) }</h1>
            if let Some(notice) = score_notice(s) {
                <p class="notice warning" role="status">{ notice }</p>
            }
            <p class="intro-facts">
                <span>{ what }</span>
                if !level.is_empty() { <span class="badge">{ level }</span> }
            </p>
            <p>{ format!("Can you beat it? The same {}, in the same order.", plural(s.ids.len(), "question", "questions")) }</p>
            <p class="muted">{ ABOUT }</p>
            <a class="button primary" href={format!("#{path}")} onclick={take}>{ "Take the same quiz" }</a>
        </section>
    }
}
