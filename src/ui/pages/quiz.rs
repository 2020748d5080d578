use crate::ui::hooks::use_app;
use crate::ui::route::Route;
use crate::ui::widgets::QuizRunner;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn QuizPage() -> Html {
    let app = use_app();
    let navigator = use_navigator().expect("inside the router");
    if app.session().is_none() {
        return html! {
            <section class="card empty">
                <h1>{ "No quiz in progress" }</h1>
                <p><Link<Route> to={Route::Home}>{ "Pick topics and start one" }</Link<Route>></p>
            </section>
        };
    }
    let on_finish = Callback::from(move |()| navigator.push(&Route::Results));
    html! { <section class="quiz-page" aria-label="Quiz"><QuizRunner {on_finish} /></section> }
}
