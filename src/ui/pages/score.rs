use crate::share::ScoreLink;
use crate::state::score_notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub score: ScoreLink,
}

/// Someone's shared score, with the same quiz one click away.
#[function_component]
pub fn ScorePage(props: &Props) -> Html {
    let s = &props.score;
    let path = s.quiz().path();
    html! {
        <section class="card score-share">
            <h1 tabindex="-1">{ format!("A friend scored {} / {}", s.correct, s.total) }</h1>
            if let Some(notice) = score_notice(s) {
                <p class="notice warning" role="status">{ notice }</p>
            }
            <p>{ format!("Can you beat it? Same {} questions, same order.", s.ids.len()) }</p>
            <a class="button primary" href={format!("#{path}")}>{ "Take the same quiz" }</a>
        </section>
    }
}
