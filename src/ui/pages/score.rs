use crate::quiz::Mode;
use crate::share::{QuizLink, ScoreLink};
use crate::ui::widgets::LinkErrorCard;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub score: AttrValue,
    pub ids: AttrValue,
}

/// Someone's shared score, with the same quiz one click away.
#[function_component]
pub fn ScorePage(props: &Props) -> Html {
    match ScoreLink::parse(&props.score, &props.ids) {
        Ok(s) => {
            let path = QuizLink {
                ids: s.ids.clone(),
                mode: Mode::Practice,
            }
            .path();
            html! {
                <section class="card score-share">
                    <h1>{ format!("A friend scored {} / {}", s.correct, s.total) }</h1>
                    <p>{ format!("Can you beat it? Same {} questions, same order.", s.total) }</p>
                    <a class="button primary" href={format!("#{path}")}>{ "Take the same quiz" }</a>
                </section>
            }
        }
        Err(err) => {
            html! { <LinkErrorCard title="This link does not work" message={err.to_string()} /> }
        }
    }
}
