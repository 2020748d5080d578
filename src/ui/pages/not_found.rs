use crate::ui::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn NotFoundPage() -> Html {
    html! {
        <section class="card link-error" role="alert">
            <h1>{ "Page not found" }</h1>
            <p>{ "This address does not lead to a page of the quiz." }</p>
            <p><Link<Route> to={Route::Home} classes="button primary">{ "Go to the quiz home" }</Link<Route>></p>
        </section>
    }
}
