use crate::quiz::Mode;
use crate::share::{QuizLink, ScoreLink};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub score: ScoreLink,
}

/// Someone's shared score, with the same quiz one click away.
#[function_component]
pub fn ScorePage(props: &Props) -> Html {
    let s = &props.score;
    let path = QuizLink {
        ids: s.ids.clone(),
        mode: Mode::Practice,
    }
    .path();
    html! {
        <section class="card score-share">
            <h1 tabindex="-1">{ format!("A friend scored {} / {}", s.correct, s.total) }</h1>
            <p>{ format!("Can you beat it? Same {} questions, same order.", s.total) }</p>
            <a class="button primary" href={format!("#{path}")}>{ "Take the same quiz" }</a>
        </section>
    }
}
