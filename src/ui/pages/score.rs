use crate::quiz::Mode;
use crate::share::{QuizLink, ScoreLink};
use crate::ui::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

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
        Err(err) => html! {
            <section class="card link-error" role="alert">
                <h1>{ "This link does not work" }</h1>
                <p>{ err.to_string() }</p>
                <p><Link<Route> to={Route::Home} classes="button primary">{ "Go to the quiz home" }</Link<Route>></p>
            </section>
        },
    }
}
