use crate::ui::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn Header() -> Html {
    html! {
        <header class="site-header">
            <Link<Route> to={Route::Home} classes="brand">
                <span class="brand-mark" aria-hidden="true">{ "py" }</span>{ "quiz" }
            </Link<Route>>
            <nav aria-label="Main">
                <Link<Route> to={Route::Home}>{ "Topics" }</Link<Route>>
                <Link<Route> to={Route::Progress}>{ "Progress" }</Link<Route>>
            </nav>
        </header>
    }
}
